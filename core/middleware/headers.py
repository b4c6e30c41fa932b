"""Security headers on every answer: the Content-Security-Policy (the admin has its own
under its prefix), and CORP/COOP."""

from csp.middleware import CSPMiddleware
from csp.utils import default_config

from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own policy under ADMIN_URL_PREFIX.

    Public pages get the strict CONTENT_SECURITY_POLICY; the Wagtail admin gets
    ADMIN_CONTENT_SECURITY_POLICY, which Wagtail's own scripts work under.
    """

    def __init__(self, get_response):
        super().__init__(get_response)
        self.admin_prefix = settings.ADMIN_URL_PREFIX
        self.admin_config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        admin = request.path_info.startswith(self.admin_prefix)
        if admin and not report_only and parts.config is None:
            parts.config = self.admin_config
        return parts


class CrossOriginResourcePolicyMiddleware:
    """Tell browsers that no other site may embed what this one serves (CORP)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.CROSS_ORIGIN_RESOURCE_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy:
            response.headers.setdefault("Cross-Origin-Resource-Policy", self.policy)
        return response
