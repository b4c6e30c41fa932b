"""Every model of the app, for Django's registry and for code outside the app.

The models live in the data layer (`help_contacts.data.models`), the directory's page
among them. Nothing inside the app imports this module, so it cannot tie the layers
together.
"""

from help_contacts.data.models import (
    CheckOutcome,
    Consultant,
    DirectoryPage,
    HsdsIdentity,
    ListingCheck,
    ListingSource,
    Place,
    PlaceKind,
    ProblemKind,
    ProblemReport,
    ReportOutcome,
    SupportContact,
)

__all__ = [
    "CheckOutcome",
    "Consultant",
    "DirectoryPage",
    "HsdsIdentity",
    "ListingCheck",
    "ListingSource",
    "Place",
    "PlaceKind",
    "ProblemKind",
    "ProblemReport",
    "ReportOutcome",
    "SupportContact",
]
