"""Every model of the app, for Django's registry and for code outside the app.

The models live in their layers: data in `help_contacts.data.models`, the directory's
page (whose routes are web views) in `help_contacts.web.pages`. Nothing inside the app
imports this module, so it cannot tie the layers together.
"""

from help_contacts.data.models import (
    Consultant,
    HsdsIdentity,
    ListingSource,
    Place,
    PlaceKind,
    ProblemKind,
    ProblemReport,
    ReportOutcome,
    SupportContact,
)
from help_contacts.web.pages import DirectoryPage

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
