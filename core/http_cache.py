"""How long browsers and shared caches (Varnish, a CDN) may keep each public response.

A view says how long its anonymous answer stays good with `public_cache(lifetime)` (a page
type with its `cache_lifetime`); `HttpCacheMiddleware` then makes sure nothing personal is
ever stored: a response that sets a cookie, holds a CSRF token, is a preview, answers a
request with a session, or is an error, is marked `private, no-store` whatever the view
said, and a view that said nothing gets the same. So a shared cache only ever holds what
every anonymous visitor would be sent for that URL.

Shared caches keep an answer for `s-maxage` and are purged when an editor publishes
(`website/frontend_cache.py`); browsers, which nobody can purge, keep it for `max-age`.
"""

import functools
from dataclasses import dataclass

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control

CACHEABLE_STATUSES = {200, 203, 204, 300, 301, 308}


@dataclass(frozen=True)
class Lifetime:
    """Seconds a browser (`max_age`) and a shared cache (`s_maxage`) may reuse a response."""

    max_age: int
    s_maxage: int

    def directives(self) -> dict:
        return {"public": True, "max_age": self.max_age, "s_maxage": self.s_maxage}


# Pages are purged from shared caches the moment they (or what they show) change, so they
# may stay there for an hour; the hour bounds anything a purge could miss. Browsers cannot
# be purged: a reader sees a correction within a minute.
PAGE = Lifetime(max_age=60, s_maxage=60 * 60)
# Directory searches and the APIs are banned from Varnish whenever a listing changes; a CDN
# that cannot ban by prefix keeps them five minutes at most.
SEARCH = Lifetime(max_age=60, s_maxage=5 * 60)
# robots.txt changes with a deployment, not an edit.
ROBOTS = Lifetime(max_age=60 * 60, s_maxage=24 * 60 * 60)


def public_cache(lifetime: Lifetime):
    """Decorate a view whose anonymous answer depends on its URL alone."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            response_cache_allow(response, lifetime)
            return response

        return wrapped

    return decorator


def response_cache_allow(response, lifetime: Lifetime) -> None:
    """Let caches keep this response for `lifetime`, unless the view already said otherwise."""
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, **lifetime.directives())


def response_is_private(request, response) -> bool:
    """Whether anything about this response belongs to one visitor, or is not for keeping."""
    return bool(
        response.cookies
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or getattr(request, "is_preview", False)
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or request.method not in ("GET", "HEAD")
        or response.status_code not in CACHEABLE_STATUSES
    )


class HttpCacheMiddleware:
    """The last word on `Cache-Control`: only anonymous, cookie-free answers are public.

    It sits above the session and CSRF middleware, so it sees the cookies they set.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        cache_control = response.get("Cache-Control", "")
        if "public" in cache_control and response_is_private(request, response):
            del response["Cache-Control"]
        if not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        return response
