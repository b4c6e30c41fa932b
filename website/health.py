"""Probes for a load balancer or an orchestrator: `/healthz` and `/readyz`.

`/healthz` says the process answers and touches nothing else. `/readyz` says whether this
server can do its work: the database answers `SELECT 1` and the cache stores and returns a
value (within the short Redis timeout); otherwise it answers 503, naming what failed.

A load balancer probes a server by its address, over plain HTTP, with a Host header that
is an IP address. `ProbeMiddleware`, first in MIDDLEWARE, answers both paths before
SecurityMiddleware would redirect to HTTPS and before CommonMiddleware would refuse a host
not in ALLOWED_HOSTS, so neither needs loosening for the probes. Both paths are also in
the URLconf (so they resolve, and still answer should the middleware go) and in
SECURE_REDIRECT_EXEMPT (production settings).
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connections
from django.http import HttpRequest, HttpResponseNotAllowed, JsonResponse

logger = logging.getLogger(__name__)


def _probe_response(checks: dict[str, bool]) -> JsonResponse:
    healthy = all(checks.values())
    response = JsonResponse(
        {
            "status": "ok" if healthy else "unavailable",
            "checks": {name: "ok" if ok else "unavailable" for name, ok in checks.items()},
        },
        status=200 if healthy else 503,
    )
    response["Cache-Control"] = "no-store"
    return response


def database_reachable() -> bool:
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any failure means "not ready"; the reason goes to the log only
        logger.warning("Readiness check: the database is unreachable", exc_info=True)
        return False
    return True


def cache_reachable() -> bool:
    # The Redis cache ignores its errors (see settings), so a failure reads back as a miss.
    key = f"readyz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "ok", timeout=10)
        found = cache.get(key)
        cache.delete(key)
    except Exception:
        logger.warning("Readiness check: the cache is unreachable", exc_info=True)
        return False
    if found != "ok":
        logger.warning("Readiness check: the cache did not return what was stored")
        return False
    return True


def healthz(request: HttpRequest):
    """The process is up and answering; nothing else is checked."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return _probe_response({})


def readyz(request: HttpRequest):
    """200 when the database and the cache both answer, 503 naming what failed otherwise."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return _probe_response({"database": database_reachable(), "cache": cache_reachable()})


PROBES = {"/healthz": healthz, "/readyz": readyz}


class ProbeMiddleware:
    """Answer the probes before host validation and the HTTPS redirect (module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        probe = PROBES.get(request.path_info.rstrip("/"))
        if probe is not None:
            return probe(request)
        return self.get_response(request)
