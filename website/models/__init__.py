from .guides import FirstDaysPage
from .pages import ArticleIndexPage, ArticlePage, ArticleRelatedLink, HomePage, StandardPage

__all__ = [
    "ArticleIndexPage",
    "ArticlePage",
    "ArticleRelatedLink",
    "FirstDaysPage",
    "HomePage",
    "StandardPage",
]
