"""The second factor: admin users who must use one are sent to it; elsewhere a session
that passed only the password is nobody."""

import django_otp

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.urls import Resolver404, resolve, reverse


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
        # A passkey answering the second step; registering one needs that step passed.
        "otp_webauthn:credential-authentication-begin",
        "otp_webauthn:credential-authentication-complete",
        "otp_webauthn:js-i18n-catalog",
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
                name = resolve(request.path_info).view_name
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
