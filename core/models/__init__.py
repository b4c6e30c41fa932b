"""What every app builds on: base pages and snippets, medical review, site settings."""

from .pages import BasePage, HealthPage
from .reviewers import ReviewerProfile
from .reviews import MedicallyReviewed
from .settings import FooterLinkBlock, SiteSettings
from .snippets import EditorialSnippet, ReviewedSnippet
from .warnings import WarningSigns
from .workflows import MedicalReviewTask

__all__ = [
    "BasePage",
    "EditorialSnippet",
    "FooterLinkBlock",
    "HealthPage",
    "MedicalReviewTask",
    "MedicallyReviewed",
    "ReviewedSnippet",
    "ReviewerProfile",
    "SiteSettings",
    "WarningSigns",
]
