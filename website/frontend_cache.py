"""What to purge from Varnish or a CDN when an editor changes something, and nothing more.

Every public page is kept by shared caches for an hour (`core.http_cache.PAGE`), so each
change must purge every page that shows it, found through Wagtail's reference index:

- **A page** is published, unpublished, moved or deleted: the page (at its old and new
  address), the pages above it (topics and the home page list what is below them), the
  pages that refer to it (an article lists the factors it chooses, with their summaries
  and insights), the pages it refers to before and after the change (a factor page lists
  the articles that mention it), site search and the sitemap. A page in the main menu
  (a child of a site's root) shows on every page, so its whole site is purged.
- **A practical insight or support contact** is published, unpublished or deleted: the
  pages that refer to it (factor pages, an article's "seek help"), and the pages whose
  body lists one of those factor pages with its insights. A support contact may be a
  helpline, which a directory search with no results shows, so directory searches too.
- **A directory listing** is published, unpublished or deleted: its page, and every
  directory search and API answer, by purging their paths: the shipped VCL drops a path
  with every query string, so a change shows at once in every search that could show it
  (where, with which filters, on which page of results cannot be known in advance). A
  CDN that purges exact URLs only keeps searches for `core.http_cache.SEARCH` (5 minutes).
- **Site settings** (helpline, urgent-care notice, footer) or a site: the whole site.

Purges are sent once the change is committed (`core.frontend_cache.purge_on_commit`).
"""

import copy

from django.db.models.signals import pre_delete, pre_save
from django.urls import reverse

from wagtail.models import Page, Site
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from core.frontend_cache import (
    page_ids_referenced_by,
    pages_referencing,
    purge_on_commit,
)
from core.models import SiteSettings
from factors.models import FactorPage, PracticalInsight
from help_contacts.models import Consultant, DirectoryPage, SupportContact

# Where a page body shows the chosen pages' own content (a factor's insights), not just a
# link: a change to what those pages show changes this page too.
EMBEDDING_MODEL_PATHS = ("body.factor_list.factors.item",)
_REFERENCES_BEFORE = "_frontend_cache_references_before"


def _page_urls(page: Page) -> set[str]:
    url = page.get_full_url()
    return {url} if url else set()


def _listing_urls() -> set[str]:
    """Every directory search and API answer (as path prefixes, see the module docstring)."""
    urls = set()
    for directory in DirectoryPage.objects.live():
        base = directory.get_full_url()
        if not base:
            continue
        root = directory.get_site().root_url
        urls |= {
            base,
            root + reverse("help_contacts:directory_api"),
            root + reverse("help_contacts:hsds_services"),
        }
    return urls


def _in_main_menu(page: Page) -> bool:
    parent = page.get_parent()
    return parent is not None and Site.objects.filter(root_page=parent).exists()


def _related_page_urls(page: Page, *, referenced_before: set[int]) -> set[str]:
    """The pages whose HTML shows something of `page`, apart from the page itself."""
    related = list(page.get_ancestors().filter(depth__gt=1).live())
    related += pages_referencing([page])
    referenced = referenced_before | page_ids_referenced_by(page)
    related += Page.objects.live().filter(pk__in=referenced)
    urls = set()
    for other in related:
        urls |= _page_urls(other)
    root = page.get_site().root_url if page.get_site() else None
    if root:
        urls |= {root + reverse("search"), root + reverse("sitemap")}
    return urls


def _remember_before_save(sender, instance, raw=False, **kwargs):
    """What a change may take away: the pages a page referred to, a listing's old address."""
    if raw or not instance.pk:
        return
    if isinstance(instance, Page):
        setattr(instance, _REFERENCES_BEFORE, page_ids_referenced_by(instance))
    elif isinstance(instance, Consultant):
        instance._frontend_cache_slug_before = (
            Consultant.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
        )


def _page_changed(sender, instance, **kwargs):
    page = instance
    before = getattr(page, _REFERENCES_BEFORE, set())
    purge_on_commit(
        urls=_page_urls(page) | _related_page_urls(page, referenced_before=before),
        whole_site=_in_main_menu(page),
    )


def _page_moved(sender, instance, url_path_before, url_path_after, **kwargs):
    old = copy.copy(instance)
    old.url_path = url_path_before
    purge_on_commit(
        urls=_page_urls(old)
        | _page_urls(instance)
        | _related_page_urls(instance, referenced_before=set()),
        whole_site=True,  # the page and its parents' lists, old and new, and maybe the menu
    )


def _page_deleted(sender, instance, **kwargs):
    if not isinstance(instance, Page) or getattr(instance, "_frontend_cache_deleting", False):
        return
    instance._frontend_cache_deleting = True  # once, though each model in the chain signals
    if not instance.live:
        return
    purge_on_commit(
        urls=_page_urls(instance) | _related_page_urls(instance, referenced_before=set()),
        whole_site=_in_main_menu(instance),
    )


def pages_showing_snippet(snippet) -> list[Page]:
    """Live pages that show this snippet, directly or inside a page they embed."""
    direct = pages_referencing([snippet])
    embedding = pages_referencing(
        [page for page in direct if isinstance(page.specific_deferred, FactorPage)],
        model_paths=EMBEDDING_MODEL_PATHS,
    )
    return list({page.pk: page for page in [*direct, *embedding]}.values())


def _snippet_changed(sender, instance, **kwargs):
    urls = set()
    for page in pages_showing_snippet(instance):
        urls |= _page_urls(page)
    if isinstance(instance, SupportContact):
        urls |= _listing_urls()
    purge_on_commit(urls=urls)


def _listing_changed(sender, instance, **kwargs):
    urls = _listing_urls()
    slugs = {instance.slug, getattr(instance, "_frontend_cache_slug_before", None)}
    for directory in DirectoryPage.objects.live():
        if base := directory.get_full_url():
            urls |= {f"{base}{slug}/" for slug in slugs if slug}
    purge_on_commit(urls=urls)


def _whole_site_changed(sender, **kwargs):
    purge_on_commit(whole_site=True)


def connect_receivers():
    pre_save.connect(_remember_before_save, dispatch_uid="frontend_cache_before_save")
    page_published.connect(_page_changed, dispatch_uid="frontend_cache_page_published")
    page_unpublished.connect(_page_changed, dispatch_uid="frontend_cache_page_unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="frontend_cache_page_moved")
    pre_delete.connect(_page_deleted, dispatch_uid="frontend_cache_page_deleted")
    for model in (PracticalInsight, SupportContact):
        for signal in (published, unpublished, pre_delete):
            signal.connect(
                _snippet_changed,
                sender=model,
                dispatch_uid=f"frontend_cache_{model.__name__}_{id(signal)}",
            )
    for signal in (published, unpublished, pre_delete):
        signal.connect(
            _listing_changed, sender=Consultant, dispatch_uid=f"frontend_cache_listing_{id(signal)}"
        )
    for model in (SiteSettings, Site):
        for signal in (pre_save, pre_delete):
            signal.connect(
                _whole_site_changed,
                sender=model,
                dispatch_uid=f"frontend_cache_{model.__name__}_{id(signal)}",
            )
