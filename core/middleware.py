"""Middleware every request passes: the site it is for, and the headers it must carry."""

import django_otp
from csp.middleware import CSPMiddleware
from csp.utils import default_config

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseBadRequest
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _

from core.numbers import whole_number
from core.site_cache import site_for_request


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


class SecondFactorRequiredMiddleware:
    """Send an admin user who has not passed the second factor to it, when it is required.

    django-otp's OTPMiddleware (before this one) says whether the session is verified. A
    user with an authenticator app is asked for its code (or a recovery code); a user
    without one is asked to set one up. Signing in and out, and those two pages, stay open.
    """

    OPEN_URL_NAMES = {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_confirm",
        "wagtailadmin_password_reset_complete",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
        "core_second_factor_verify",
        "core_second_factor_setup",
    }

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._half_signed_in(request) and not self._in_admin(request):
            # Outside the admin a session that passed only the password is nobody: pages
            # restricted to signed-in readers send it to sign in, like any visitor.
            request.user = AnonymousUser()
        elif self._must_verify(request):
            try:
                name = resolve(request.path_info).url_name
            except Resolver404:
                name = None
            if name not in self.OPEN_URL_NAMES:
                has_device = django_otp.user_has_device(request.user, confirmed=True)
                target = "core_second_factor_verify" if has_device else "core_second_factor_setup"
                return redirect_to_login(request.get_full_path(), login_url=reverse(target))
        return self.get_response(request)

    @staticmethod
    def _in_admin(request) -> bool:
        return request.path_info.startswith(settings.ADMIN_URL_PREFIX)

    @staticmethod
    def _half_signed_in(request) -> bool:
        """Signed in with a password, but not yet through the second factor it requires."""
        if not settings.ADMIN_SECOND_FACTOR_REQUIRED:
            return False
        user = request.user
        return user.is_authenticated and not user.is_verified()

    @classmethod
    def _must_verify(cls, request) -> bool:
        return cls._in_admin(request) and cls._half_signed_in(request)


class BulkActionIdsMiddleware:
    """Wagtail's bulk-action screens read `?id=` as database keys without checking them
    (`?id=None` was a 500): outside "all", every id must be a whole number, or it is a 400."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = f"{settings.ADMIN_URL_PREFIX}bulk/"

    def __call__(self, request):
        if request.path_info.startswith(self.prefix):
            ids = request.GET.getlist("id")
            if any(value != "all" and whole_number(value) is None for value in ids):
                return HttpResponseBadRequest(
                    _("Choose the items again: one of them is not a valid item."),
                    content_type="text/plain; charset=utf-8",
                )
        return self.get_response(request)
