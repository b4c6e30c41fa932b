from .guides import AppointmentPlanPage, FirstDaysPage
from .pages import ArticleIndexPage, ArticlePage, ArticleRelatedLink, HomePage, StandardPage

__all__ = [
    "AppointmentPlanPage",
    "ArticleIndexPage",
    "ArticlePage",
    "ArticleRelatedLink",
    "FirstDaysPage",
    "HomePage",
    "StandardPage",
]
