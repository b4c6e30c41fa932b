"""Who can help: support contacts, the consultant directory and the gazetteer behind it.

The directory's page (`DirectoryPage`) is defined in the web layer, beside its routes;
`help_contacts.models` gathers every model of the app for Django.
"""

from help_contacts.data.choices import ListingSource, PlaceKind

from .consultants import Consultant
from .contacts import SupportContact
from .interchange import HsdsIdentity
from .places import Place
from .reports import ProblemKind, ProblemReport, ReportOutcome

__all__ = [
    "Consultant",
    "HsdsIdentity",
    "ListingSource",
    "Place",
    "PlaceKind",
    "ProblemKind",
    "ProblemReport",
    "ReportOutcome",
    "SupportContact",
]
