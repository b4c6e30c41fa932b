from .pages import ArticleIndexPage, ArticlePage, ArticleRelatedLink, HomePage, StandardPage

__all__ = ["ArticleIndexPage", "ArticlePage", "ArticleRelatedLink", "HomePage", "StandardPage"]
