"""The Wagtail site for each request, from the site cache."""

from core.site_cache import request_scope, site_for_request, site_root_paths


class CachedSiteMiddleware:
    """Find the Wagtail site for the request's host in the cache rather than the database.

    Wagtail looks the site up once per request and keeps it on `request._wagtail_site`;
    setting that here, from `site_for_request`, spares every page a query. The sites'
    root paths, which Wagtail reads from the shared cache once a request to work out page
    URLs, come from the site cache too (`site_root_paths`). Each cache version is read
    once for the whole request (`request_scope`).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with request_scope():
            request._wagtail_site = site_for_request(request)
            request._wagtail_cached_site_root_paths = site_root_paths()
            return self.get_response(request)
