"""Who can help: support contacts, the consultant directory and the gazetteer behind it.

The directory's page (`DirectoryPage`) is here too; its routes name their web views by path.
`help_contacts.models` gathers every model of the app for Django.
"""

from help_contacts.data.choices import ListingSource, PlaceKind

from .checks import CheckOutcome, ListingCheck
from .consultants import Consultant
from .contacts import SupportContact
from .interchange import HsdsIdentity
from .pages import DirectoryPage
from .places import Place
from .reports import PUBLIC_PROBLEM_KINDS, ProblemKind, ProblemReport, ReportOutcome

__all__ = [
    "CheckOutcome",
    "Consultant",
    "DirectoryPage",
    "HsdsIdentity",
    "ListingCheck",
    "ListingSource",
    "PUBLIC_PROBLEM_KINDS",
    "Place",
    "PlaceKind",
    "ProblemKind",
    "ProblemReport",
    "ReportOutcome",
    "SupportContact",
]
