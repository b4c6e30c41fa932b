"""Passkeys (WebAuthn) for the admin's second step, from django-otp-webauthn.

A passkey is a django-otp device like the authenticator app, so the admin asks for it
where it asks for a code, and a passkey answers for the site it was made on alone, which
is what makes it resist phishing. It is bound to the admin's domain
(`OTP_WEBAUTHN_RP_ID`, from WAGTAILADMIN_BASE_URL); the origins allowed to use it are
that address and the request's own origin when it is on that same domain (another port
of it, as the test server's), which the browser itself has already checked.
"""

from django_otp_webauthn.helpers import WebAuthnHelper
from django_otp_webauthn.views import CompleteCredentialAuthenticationView

from django.http.request import split_domain_port

from core.signin import signin_completed


class PasskeyHelper(WebAuthnHelper):
    def get_allowed_origins(self) -> list[str]:
        origins = list(super().get_allowed_origins())
        host = self.request.get_host()
        if split_domain_port(host)[0] == self.get_relying_party_domain():
            origins.append(f"{self.request.scheme}://{host}")
        return origins


class PasskeyVerifyView(CompleteCredentialAuthenticationView):
    """The second step passed with a passkey: the sign-in is complete, as after a code."""

    def complete_auth(self, device):
        super().complete_auth(device)
        signin_completed(self.request, self.request.user)
