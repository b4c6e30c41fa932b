"""Who can help: support contacts, the consultant directory and the gazetteer behind it."""

from .consultants import Consultant, ListingSource
from .contacts import SupportContact
from .interchange import HsdsIdentity
from .pages import DirectoryPage
from .places import Place, PlaceKind
from .reports import ProblemKind, ProblemReport, ReportOutcome

__all__ = [
    "Consultant",
    "DirectoryPage",
    "HsdsIdentity",
    "ListingSource",
    "Place",
    "PlaceKind",
    "ProblemKind",
    "ProblemReport",
    "ReportOutcome",
    "SupportContact",
]
