"""A page's whole answer to anonymous readers, drawn once per version of the site's content.

An article, a factor page or the home page shows a reader nothing that differs from one
anonymous reader to the next: its words change when an editor publishes, its review dates
and footer with the day, and its get-help-now card with `?region=`. So the page as drawn is
kept under a key that holds exactly those (the page, the host and scheme, the site, the
language, the site cache's version, which every publish replaces, and the day), and the
next reader whose request reaches Django (a Varnish miss: its copy expired or was evicted,
a reader whose cookies Varnish passes, a second Varnish) is sent the same bytes without
drawing them again. Varnish keeps answers by URL for an hour and is purged on publish; this
keeps them by content version, so it is never stale and needs no purge of its own.

Kept only when nothing about the answer can belong to one reader: a GET or HEAD with no
query string, no session cookie (so no editor and no userbar), no preview, no view
restriction, and a drawing that set no cookie, used no CSRF token, wrote nothing to the
session and left no message. A page type that shows anything else per request says
`kept_whole = False`. A view whose answer depends on its URL and the content alone (site
search) is kept the same way per whole query string, with `kept_view`. Drawn parts already
follow the same rule (`core/fragment_cache.py`); this is the outermost of them.
"""

import functools

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.crypto import salted_hmac

from core.http_cache import response_is_private
from core.site_cache import LocalCopies, fragment_key

PAGE_TIMEOUT = 60 * 60
# What a kept answer may carry: the drawing, and the type Django gives every page.
KEPT_CONTENT_TYPE = "text/html; charset=utf-8"


def _kept_key(request, name: str, query: str = "") -> str | None:
    """The key an answer named `name` (a page, a view) is kept under for this request, or
    None to draw it afresh: only GETs from readers without a session, never a preview.

    `query` is what else the drawing depends on; it may hold what a reader typed, so the
    key is an HMAC with the site's secret key, from which the words cannot be recovered."""
    if (
        not settings.RENDER_CACHE
        or request.method not in ("GET", "HEAD")
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or getattr(request, "is_preview", False)
    ):
        return None
    key = repr(
        (
            name,
            request.scheme,
            request.get_host(),
            fragment_key(request),  # the site, the language and the content's version
            timezone.localdate().isoformat(),
            query,
        )
    )
    return "page:" + salted_hmac("kept-page", key, algorithm="sha256").hexdigest()


def kept_page_key(page, request) -> str | None:
    """The key `page`'s answer to this request is kept under, or None to draw it afresh:
    a page's own address only (a query string, such as `?region=`, is drawn each time)."""
    if (
        not getattr(page, "kept_whole", False)
        or request.META.get("QUERY_STRING")
        or page.get_view_restrictions().exists()
    ):
        return None
    return _kept_key(request, f"page:{page.pk}")


def _keepable(request, response) -> bool:
    """Whether this drawing is every anonymous reader's, and nothing but the page.

    Asking who the reader is reads the (empty) session of a reader without one, which
    changes nothing; writing to it, or leaving a message, would set a cookie."""
    session = getattr(request, "session", None)
    messages = getattr(request, "_messages", None)
    return (
        response.status_code == 200
        and not response.streaming
        and dict(response.headers) == {"Content-Type": KEPT_CONTENT_TYPE}
        and not (session is not None and session.modified)
        and not (messages is not None and messages.added_new)
        and not response_is_private(request, response)
    )


def kept_page_response(page, request, draw):
    """`draw()`'s answer for `page`, or the same answer kept from an earlier reader."""
    return kept_response(kept_page_key(page, request), request, draw)


# Drawings of views that show what a reader typed (site search) are kept only in this
# process's memory, as Varnish keeps them, never in the shared cache, which may be written
# to disk: at most 512, and 8 MiB of them, the oldest read going first.
_typed = LocalCopies(512, max_bytes=8 * 1024 * 1024)


def kept_view(name: str):
    """Decorate a view whose anonymous answer depends on its URL and the site's content
    alone (site search): kept per whole query string, as Varnish keeps it per URL, in this
    process only, since the query string holds what the reader typed."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            key = _kept_key(request, name, request.META.get("QUERY_STRING", ""))
            return kept_response(key, request, lambda: view(request, *args, **kwargs), store=_typed)

        return wrapped

    return decorator


class _SharedDrawings:
    """Drawings kept in the shared cache, with this process's copies in front."""

    def get(self, key):
        return caches["template_fragments"].get(key)

    def put(self, key, value):
        caches["template_fragments"].set(key, value, PAGE_TIMEOUT)


_shared = _SharedDrawings()


def kept_response(key: str | None, request, draw, *, store=_shared):
    """`draw()`'s answer, or the answer kept in `store` under `key` for an earlier reader."""
    if key is None:
        return draw()
    kept = store.get(key)
    if kept is not None:
        response = HttpResponse(kept, content_type=KEPT_CONTENT_TYPE)
    else:
        response = draw()
        if hasattr(response, "render"):
            response.render()
        if _keepable(request, response):
            store.put(key, response.content.decode())
    # Kept or not, the answer is for readers without a session: a session cookie changes it.
    patch_vary_headers(response, ["Cookie"])
    return response
