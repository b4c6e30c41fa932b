"""The pages shown when a request goes wrong, written so that they can always be shown.

Django's default handlers are wrapped in `requires_csrf_token`, which reads `request.POST`
again. A form whose body could not be read the first time (a POST declaring a charset other
than UTF-8 is refused with a 400 as soon as anything reads it) then fails a second time
inside the 400 handler, and the visitor gets a 500. These handlers never touch the body.

When the database cannot be reached, every page fails, and so does the 404 page (it shows
the site's menu). Whatever raised the error, a view, a middleware or another error page,
Django hands it to `server_error`, which then answers 503 with a page that needs neither
the database nor the cache: what to do if the baby or the parent is unwell, and the
helpline from the environment (the site settings that normally hold it are in the
database).
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from core.regions import tel_href

logger = logging.getLogger(__name__)

# How soon a browser, a crawler or a CDN should try again after a 503.
RETRY_AFTER_SECONDS = 60


API_PREFIX = "/api/"


def _api_error(request: HttpRequest | None, status: int, message: str) -> JsonResponse | None:
    """Under /api/ every error is JSON, in the shape the APIs' own 400s use."""
    if request is not None and request.path.startswith(API_PREFIX):
        return JsonResponse({"errors": {"__all__": [message]}}, status=status)
    return None


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # No request context: nothing that renders this page may read the body again.
    return _api_error(request, 400, _("Bad request.")) or HttpResponse(
        render_to_string("400.html"), status=400
    )


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _api_error(request, 403, _("Not allowed.")) or render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _api_error(request, 404, _("Nothing here: see /api/schema/ for the API.")) or render(
        request, "404.html", status=404
    )


def server_error(request: HttpRequest) -> HttpResponse:
    """500, or 503 when what failed is the connection to the database."""
    if database_unreachable(sys.exc_info()[1]):
        return database_unavailable(request)
    return _api_error(request, 500, _("Something went wrong on our side.")) or HttpResponse(
        render_to_string("500.html"), status=500
    )


# PostgreSQL's codes for a database without its tables or schema yet: between a wipe and a
# restore, or before the first migration. The site is not broken, it is not there yet.
NOT_THERE_YET = {"42P01", "3F000", "3D000"}  # undefined table, undefined schema, no database


def database_unreachable(error: BaseException | None) -> bool:
    """Whether `error`, or an error it was raised from, says the database cannot be used now."""
    seen = 0
    while error is not None and seen < 10:  # a bounded walk, in case of a cycle
        if isinstance(error, OperationalError | InterfaceError):
            return True
        if getattr(error, "sqlstate", None) in NOT_THERE_YET:
            return True
        error = error.__cause__ or error.__context__
        seen += 1
    return False


def database_unavailable(request: HttpRequest | None = None) -> HttpResponse:
    """The 503 page: rendered from settings alone, without the database or the cache."""
    context = {
        "helpline_name": settings.FALLBACK_HELPLINE_NAME,
        "helpline_phone": settings.FALLBACK_HELPLINE_PHONE,
        "helpline_tel": tel_href(settings.FALLBACK_HELPLINE_PHONE),
        "helpline_hours": settings.FALLBACK_HELPLINE_HOURS,
        "urgent_care_text": settings.FALLBACK_URGENT_CARE_TEXT,
    }
    response = _api_error(request, 503, _("Try again in a minute.")) or HttpResponse(
        render_to_string("503.html", context), status=503
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"  # a CDN must not keep serving the outage
    return response
