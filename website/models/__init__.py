from .pages import ArticleIndexPage, ArticlePage, ArticleRelatedLink, HomePage, StandardPage
from .settings import SiteSettings

__all__ = [
    "ArticleIndexPage",
    "ArticlePage",
    "ArticleRelatedLink",
    "HomePage",
    "SiteSettings",
    "StandardPage",
]
