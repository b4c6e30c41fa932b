"""Admin views every editor has, whatever their role: their second factor.

django-otp does the cryptography (TOTP devices, static recovery tokens, throttling of
wrong codes); these views are the Wagtail admin's pages for setting it up and using it.
"""

import base64

import django_otp
import qrcode
import qrcode.image.svg
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from django import forms
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpResponseForbidden, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from core.numbers import whole_number
from core.signin import signin_completed

APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"
RECOVERY_CODE_COUNT = 10


def recovery_codes_create(*, user) -> list[str]:
    """Replace the user's recovery codes with a fresh set and return them (shown once).

    Each code signs in once in place of the authenticator app's code (django-otp's
    static tokens); making a new set cancels every unused code of the old one.
    """
    StaticDevice.objects.filter(user=user, name=RECOVERY_DEVICE_NAME).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    device.token_set.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


@never_cache
@require_http_methods(["GET", "POST"])
def recovery_codes(request):
    """How many recovery codes are left, and a button to make a new set.

    Codes are only made for someone who has an authenticator app set up and has used it
    (or a recovery code) in this session, so a stolen password alone cannot make them.
    """
    user = request.user
    has_app = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    verified = getattr(user, "is_verified", lambda: False)()
    codes = None
    if request.method == "POST":
        if not (has_app and verified):
            return HttpResponseForbidden(
                _("Set up an authenticator app and sign in with it before making recovery codes.")
            )
        codes = recovery_codes_create(user=user)
    remaining = StaticToken.objects.filter(
        device__user=user, device__name=RECOVERY_DEVICE_NAME
    ).count()
    return TemplateResponse(
        request,
        "core/admin/recovery_codes.html",
        {
            "codes": codes,
            "remaining": remaining,
            "has_app": has_app,
            "verified": verified,
            "page_title": _("Recovery codes"),
        },
    )


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=16,
        help_text=gettext_lazy(
            "The 6-digit code your authenticator app shows now, or one of your recovery codes."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )

    def clean_token(self):
        return "".join(self.cleaned_data["token"].split())


def _next_url(request) -> str:
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe else reverse("wagtailadmin_home")


@never_cache
@sensitive_post_parameters("token")
@require_http_methods(["GET", "POST"])
def second_factor_verify(request):
    """After the password: the authenticator app's code, or a recovery code (used up once)."""
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # django-otp tries each of the user's devices; each throttles repeated wrong codes.
        device = django_otp.match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            django_otp.login(request, device)
            signin_completed(request, request.user)
            return HttpResponseRedirect(_next_url(request))
        form.add_error("token", _("That code is not right, or has been used. Try the current one."))
    response = TemplateResponse(
        request,
        "core/admin/second_factor_verify.html",
        {
            "form": form,
            "next": _next_url(request),
            "page_title": _("Two-step sign-in"),
            "has_passkey": WebAuthnCredential.objects.filter(
                user=request.user, confirmed=True
            ).exists(),
        },
    )
    if form.errors:
        response.status_code = 400
    return response


def _qr_svg(device: TOTPDevice) -> str:
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    return image.to_string(encoding="unicode")


@never_cache
@sensitive_post_parameters("token")
@require_http_methods(["GET", "POST"])
def second_factor_setup(request):
    """Pair an authenticator app: scan the code, type what the app shows, get recovery codes."""
    user = request.user
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return _passkeys(request)
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            django_otp.login(request, device)
            signin_completed(request, user)
            codes = recovery_codes_create(user=user)
            return TemplateResponse(
                request,
                "core/admin/recovery_codes.html",
                {
                    "codes": codes,
                    "remaining": len(codes),
                    "has_app": True,
                    "verified": True,
                    "just_paired": True,
                    "page_title": _("Recovery codes"),
                },
            )
        form.add_error("token", _("That code is not right. Type the one the app shows now."))
    response = TemplateResponse(
        request,
        "core/admin/second_factor_setup.html",
        {
            "paired": False,
            "form": form,
            "qr_svg": mark_safe(_qr_svg(device)),  # SVG markup made by qrcode from our URL
            "secret": _base32_key(device),
            "page_title": _("Two-step sign-in"),
        },
    )
    if form.errors:
        response.status_code = 400
    return response


def _passkeys(request):
    """The paired page: the user's passkeys, to add one (after the second step) or remove one."""
    user = request.user
    verified = user.is_verified()
    passkeys = WebAuthnCredential.objects.filter(user=user, confirmed=True).order_by("pk")
    if request.method == "POST" and "remove_passkey" in request.POST:
        if not verified:
            return HttpResponseForbidden(_("Sign in with your second step before removing one."))
        number = whole_number(request.POST["remove_passkey"], minimum=1)
        passkeys.filter(pk=number).delete()
        return HttpResponseRedirect(reverse("core_second_factor_setup"))
    return TemplateResponse(
        request,
        "core/admin/second_factor_setup.html",
        {
            "paired": True,
            "passkeys": passkeys,
            "can_add_passkey": verified,
            "page_title": _("Two-step sign-in"),
        },
    )


def _base32_key(device: TOTPDevice) -> str:
    """The key as authenticator apps take it when typed in, in groups of four."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))
