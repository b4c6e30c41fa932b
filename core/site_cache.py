"""What every public page looks up the same way, read from the cache instead of the database.

The site serving a host name (with its root page), its settings, the main menu, which view
restrictions guard a page, and the footer links templates cache with `{% cache %}` (varying
on `fragment_key`) are all stored under one version. `site_cache_clear()` replaces that
version whenever an editor publishes, unpublishes, moves, saves or deletes a page, changes a
view restriction, a site or the site settings (the receivers are in `core/signals.py`),
so the next request reads the change and older entries are never read again; they expire
after `SITE_CACHE_TIMEOUT`.

Several server processes must share one cache (Redis, `REDIS_URL`) for a change made through
one of them to reach the others at once; with the local-memory default each process only
sees its own changes until the timeout.
"""

import pickle
import sys
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable
from contextlib import contextmanager
from typing import Any, TypeVar

from asgiref.local import Local

from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.http import Http404
from django.http.request import split_domain_port
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from wagtail.models import PageManager, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname
from wagtail.query import PageQuerySet

SITE_CACHE_TIMEOUT = 60 * 60  # a backstop for processes that do not share a cache
T = TypeVar("T")
# Within one request each version is read from the shared cache once (`request_scope`).
_request = Local()


@contextmanager
def request_scope():
    """Read each cache version once for everything a request does, not once per lookup.

    A page asks the site cache a dozen times; without this each ask costs two round trips
    to Redis, one of them for the same version. A change made through another process
    reaches the next request, as before; one made in this request (`clear()`) at once."""
    # A preview is a request inside a request: each has its own, and a clear reaches all.
    scopes = getattr(_request, "scopes", None)
    if scopes is None:
        scopes = _request.scopes = []
    scopes.append({})
    try:
        yield
    finally:
        scopes.pop()


# Exactly these types (not subclasses, which may carry state of their own): text that no
# reader can change.
_UNCHANGEABLE_TEXT = (str, SafeString)


class LocalCopies:
    """This process's copies of entries already read from the shared cache, newest kept.

    An entry under a version never changes (a change makes a new version, and so new
    keys), so a copy is as good as the shared cache's, and the version, read from the
    shared cache once a request, is what decides which entries are current. Kept pickled,
    so each reader gets its own objects and no request can change another's; text (most
    of what is kept: drawn parts of pages) cannot be changed, so it is kept as it is and
    handed out without a copy. At most `size` entries, and with `max_bytes` at most that
    many bytes of them, are kept: the oldest read go first."""

    def __init__(self, size: int, *, max_bytes: int | None = None):
        self.size = size
        self.max_bytes = max_bytes
        self._items: OrderedDict[str, tuple[str | bytes, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: str):
        with self._lock:
            kept = self._items.get(key)
            if kept is None:
                return None
            self._items.move_to_end(key)
        value = kept[0]  # text as it is, anything else pickled (bytes)
        return value if isinstance(value, str) else pickle.loads(value)

    def put(self, key: str, value) -> None:
        if type(value) in _UNCHANGEABLE_TEXT:
            kept = (value, sys.getsizeof(value))
        else:
            blob = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
            kept = (blob, len(blob))
        if self.max_bytes is not None and kept[1] > self.max_bytes:
            return
        with self._lock:
            old = self._items.pop(key, None)
            self._bytes += kept[1] - (old[1] if old is not None else 0)
            self._items[key] = kept
            while len(self._items) > self.size or (
                self.max_bytes is not None and self._bytes > self.max_bytes
            ):
                self._bytes -= self._items.popitem(last=False)[1][1]

    def discard(self, key: str) -> None:
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= old[1]

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0


class VersionedCache:
    """Values computed once and kept in the shared cache until the next `clear()`.

    Every entry's key holds the current version; `clear()` replaces the version, so older
    entries are never read again and expire after `timeout`. The version is read before
    a value is computed, so a value computed from rows that a concurrent write changes is
    stored under a version already replaced, and never read. Entries read once are kept
    in this process too (`LocalCopies`), sparing a round trip to the shared cache each.
    """

    def __init__(self, namespace: str, *, timeout: int, local_size: int = 2048):
        self.namespace = namespace
        self.timeout = timeout
        self.version_key = f"{namespace}:version"
        self.local = LocalCopies(local_size)

    def version(self) -> str:
        scopes = getattr(_request, "scopes", None)
        versions = scopes[-1] if scopes else None
        if versions is not None and self.namespace in versions:
            return versions[self.namespace]
        version = cache.get(self.version_key)
        if version is None:
            # add: never undo a concurrent clear.
            cache.add(self.version_key, uuid.uuid4().hex, None)
            version = cache.get(self.version_key)
        if versions is not None:
            versions[self.namespace] = version
        return version

    def clear(self) -> None:
        version = uuid.uuid4().hex
        cache.set(self.version_key, version, None)
        for versions in getattr(_request, "scopes", ()):
            versions[self.namespace] = version

    def get(self, name: str, compute: Callable[[], T], *, keep_none: bool = True) -> T:
        """`compute()`, or what it gave before under this version. With `keep_none=False`
        an answer of None is not kept (a name that comes from a visitor's URL and matches
        nothing must not fill the cache)."""
        key = f"{self.namespace}:{self.version()}:{name}"
        found = self.local.get(key)
        if found is not None:
            return found[0]
        found = cache.get(key)
        if found is None:
            # Wrapped so that a value of None (no site for a host) is cached too.
            found = (compute(),)
            if found[0] is None and not keep_none:
                return None
            cache.set(key, found, self.timeout)
        self.local.put(key, found)
        return found[0]


_site_cache = VersionedCache("site-cache", timeout=SITE_CACHE_TIMEOUT)


def site_cache_version() -> str:
    return _site_cache.version()


def site_cache_clear() -> None:
    """Forget everything cached here: the next request reads it from the database again."""
    _site_cache.clear()


def site_cached(name: str, compute: Callable[[], T], *, keep_none: bool = True) -> T:
    """`compute()`, kept under `name` until the next `site_cache_clear()`."""
    return _site_cache.get(name, compute, keep_none=keep_none)


def site_for_request(request) -> Site | None:
    """The site Wagtail would choose for this request's host and port, with its root page."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()

    def find() -> Site | None:
        try:
            site = get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return None
        # Wagtail routes every request from the root page's own type (`root_page.specific`);
        # reading it now keeps it in the cache with the site, sparing each request a query.
        site.root_page.specific  # noqa: B018
        return site

    return site_cached(f"site:{hostname}:{port}", find)


def site_root_paths() -> list:
    """Wagtail's `Site.get_site_root_paths()`, which every page's URL is worked out from,
    from the site cache: Wagtail keeps it in the shared cache, a round trip each request.
    Every change Wagtail clears it for (a site saved or deleted, a site's root page saved)
    clears the site cache too (`core/signals.py`)."""
    return site_cached("site-root-paths", Site.get_site_root_paths)


def fragment_key(request) -> str:
    """What a cached header or footer fragment varies on: the site, the language, the version."""
    site = Site.find_for_request(request)
    return f"{site.pk if site else ''}:{get_language()}:{site_cache_version()}"


def public_pages(pages: QuerySet) -> QuerySet:
    """`pages.public()`: without pages behind a view restriction or their descendants.

    Wagtail's `public()` reads every restriction from the database (and loops over them in
    Python) each time it is asked; this reads the restricted pages' tree paths from the
    site cache, which a changed restriction or a moved page clears.
    """
    paths = site_cached(
        "restricted-paths",
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )
    if not paths:
        return pages
    private = Q()
    for path in paths:
        private |= Q(path__startswith=path)
    return pages.exclude(private)


class CachedPublicPageQuerySet(PageQuerySet):
    def public(self):
        return public_pages(self)


CachedPublicPageManager = PageManager.from_queryset(CachedPublicPageQuerySet)


class CachedRoutingMixin:
    """Route a request to the page at its path without asking the database at every step.

    Wagtail finds each step of a path with two queries (the child with that slug, then its
    own row); the child found, as its own page type, is kept here instead, so a page two
    levels down costs no query to find. Any change to a page clears the site cache, so a
    new slug, a move or an unpublished page routes anew at once; a slug that matches
    nothing is looked up every time, never kept.
    """

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        slug, remaining = path_components[0], path_components[1:]

        def child():
            found = self.get_children().filter(slug=slug).first()
            return found.specific if found is not None else None

        subpage = site_cached(f"route:{self.pk}:{slug}", child, keep_none=False)
        if subpage is None:
            raise Http404
        subpage._cached_parent_obj = self  # as Wagtail does: get_parent() needs no query
        return subpage.route(request, remaining)


class CachedViewRestrictionsMixin:
    """Serve a page without asking the database about view restrictions it does not have.

    Wagtail checks the restrictions on every page it serves (two queries: the ancestors,
    then their restrictions). The ids are cached; the restrictions themselves are read
    fresh when there are any, so a changed password or group applies at once.
    """

    def get_view_restrictions(self) -> Any:
        uncached = super().get_view_restrictions  # called only when the cache misses
        ids = site_cached(
            f"view-restrictions:{self.pk}", lambda: list(uncached().values_list("pk", flat=True))
        )
        if not ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(pk__in=ids)
