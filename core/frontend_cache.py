"""Purging shared caches (Varnish, a CDN) through `wagtail.contrib.frontend_cache`.

What to purge when something changes is the content's business (`website/frontend_cache.py`
knows the page types and snippets); this module holds what any content model needs: the
pages that show an object, found through Wagtail's reference index, and purges sent once
the change is committed, so no cache refetches the old rows in between.

`deploy/varnish/milk.vcl` reads a `PURGE` of a path as "this path with any query string"
(a paginated listing, every directory search), and a `PURGE` carrying `X-Purge-Scope:
site` as "everything on this host" (the site settings and the menu show on every page).
"""

from collections.abc import Iterable
from urllib.error import URLError
from urllib.request import Request, urlopen

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model

from wagtail import __version__ as wagtail_version
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import logger
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Page, ReferenceIndex, Site


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP purge backend, able to drop a whole host as well as one path."""

    def purge_site(self, hostname: str) -> None:
        request = Request(
            url=f"{self.cache_scheme}://{self.cache_netloc}/",
            method="PURGE",
            headers={
                "Host": hostname,
                "X-Purge-Scope": "site",
                "User-Agent": f"Wagtail-frontendcache/{wagtail_version}",
            },
        )
        try:
            urlopen(request, timeout=5)  # the scheme comes from the configured LOCATION
        except URLError as error:
            logger.error("Couldn't purge site %s from HTTP cache: %s", hostname, error)


def _page_type() -> ContentType:
    return ContentType.objects.get_for_model(Page)


def pages_referencing(
    objects: Iterable[Model], *, model_paths: Iterable[str] | None = None
) -> list[Page]:
    """Live pages whose published content refers to any of `objects` (one model at a time).

    `model_paths` limits it to references made from those fields or blocks, for instance
    `body.factor_list.factors.item` for the factors an article body lists.
    """
    objects = list(objects)
    if not objects:
        return []
    references = ReferenceIndex.get_references_to_in_bulk(objects).filter(
        base_content_type=_page_type()
    )
    if model_paths is not None:
        references = references.filter(model_path__in=list(model_paths))
    ids = {int(pk) for pk in references.values_list("object_id", flat=True)}
    return list(Page.objects.live().filter(pk__in=ids).order_by("path"))


def page_ids_referenced_by(page: Page) -> set[int]:
    """Pages this page's published content refers to, as the reference index holds it now."""
    return {
        int(pk)
        for pk in ReferenceIndex.objects.filter(
            base_content_type=_page_type(),
            object_id=str(page.pk),
            to_content_type=_page_type(),
        ).values_list("to_object_id", flat=True)
    }


def purge_on_commit(*, urls: Iterable[str] = (), whole_site: bool = False) -> None:
    """Purge `urls` (and, if asked, every site) from the frontend caches once committed."""
    batch = PurgeBatch(urls)

    def send():
        if batch.urls:
            batch.purge()
        if whole_site:
            site_purge()

    transaction.on_commit(send)


def site_purge() -> None:
    """Drop every cached response of every site, from the caches that can do that."""
    hostnames = set(Site.objects.values_list("hostname", flat=True))
    for backend in get_backends().values():
        if hasattr(backend, "purge_site"):
            for hostname in hostnames:
                backend.purge_site(hostname)
