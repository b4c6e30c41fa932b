"""Keep the search index and the cached page parts true to what pages show when a shared
insight changes."""

from wagtail.search import index
from wagtail.signals import published, unpublished

from core.signals import clear_site_cache_when_changed
from factors.models import FactorPage, PracticalInsight


def reindex_pages_showing_insight(sender, instance, **kwargs):
    """Factor pages show their insights and are searched with them, as are the articles
    listing those factors: index them again when an insight is published or withdrawn."""
    factors = FactorPage.objects.filter(insight_links__insight=instance).distinct()
    for factor in factors:
        index.insert_or_update_object(factor)
        for page in factor.articles_using().specific():
            index.insert_or_update_object(page)


def connect_receivers():
    # Every page that shows an insight keeps its rendered parts in the site cache.
    clear_site_cache_when_changed(PracticalInsight)
    for signal in (published, unpublished):
        signal.connect(
            reindex_pages_showing_insight,
            sender=PracticalInsight,
            dispatch_uid=f"factors_reindex_{id(signal)}",
        )
