# The medical review workflow task is a model; importing it here registers it with the app.
from website.workflows import MedicalReviewTask

from .pages import ArticleIndexPage, ArticlePage, ArticleRelatedLink, HomePage, StandardPage
from .settings import SiteSettings

__all__ = [
    "ArticleIndexPage",
    "ArticlePage",
    "ArticleRelatedLink",
    "HomePage",
    "MedicalReviewTask",
    "SiteSettings",
    "StandardPage",
]
