"""Response headers that every public page carries, and the site each request is for."""

from django.conf import settings

from website.site_cache import site_for_request


class ContentSecurityPolicyMiddleware:
    """Send the site's Content-Security-Policy on public pages.

    The Wagtail admin is left alone: it ships inline scripts of its own, and it
    is only ever seen by signed-in staff.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.CONTENT_SECURITY_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy and not request.path.startswith(("/admin/", "/django-admin/")):
            response.headers.setdefault("Content-Security-Policy", self.policy)
            response.headers.setdefault("Referrer-Policy", "same-origin")
            response.headers.setdefault("Permissions-Policy", "geolocation=(self)")
        return response


class CachedSiteMiddleware:
    """Find the Wagtail site for the request's host in the cache rather than the database.

    Wagtail looks the site up once per request and keeps it on `request._wagtail_site`;
    setting that here, from `site_for_request`, spares every page a query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_site = site_for_request(request)
        return self.get_response(request)
