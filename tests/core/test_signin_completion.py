"""Authentication state changes only after the whole sign-in (both factors).

The class of hole: anything that happened at the password step (resetting the lockout,
trusting the session id, reading pages for signed-in users) was taken as a full sign-in.
"""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver

from wagtail.models import PageViewRestriction

from core.passkeys import PasskeyHelper
from tests.core.test_admin_security import PASSWORD, REAL_BACKENDS
from tests.factories import StandardPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def user(username, **fields):
    account = UserFactory(username=username, is_superuser=True, is_staff=True, **fields)
    account.set_password(PASSWORD)
    account.save()
    return account


def paired(account):
    return TOTPDevice.objects.create(user=account, name="app", confirmed=True)


def code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@override_settings(
    AXES_ENABLED=True, AUTHENTICATION_BACKENDS=REAL_BACKENDS, ADMIN_SECOND_FACTOR_REQUIRED=True
)
def test_signing_in_to_another_account_does_not_reset_the_guesses_at_the_first(client):
    user("ella")
    attacker = user("mallory")
    paired(attacker)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post("/admin/login/", {"username": "ella", "password": "guess"})
    # The attacker signs in with a password they know, and stops before the second factor.
    signed_in = client.post("/admin/login/", {"username": "mallory", "password": PASSWORD})
    assert signed_in.status_code == 302
    client.logout()
    client.post("/admin/login/", {"username": "ella", "password": "guess"})
    locked = client.post("/admin/login/", {"username": "ella", "password": PASSWORD})
    assert locked.status_code == 429


@override_settings(
    AXES_ENABLED=True, AUTHENTICATION_BACKENDS=REAL_BACKENDS, ADMIN_SECOND_FACTOR_REQUIRED=True
)
def test_a_complete_sign_in_forgets_that_usernames_misses_and_rotates_the_session(client):
    ella = user("ella")
    device = paired(ella)
    for _ in range(settings.AXES_FAILURE_LIMIT - 2):
        client.post("/admin/login/", {"username": "ella", "password": "guess"})
    client.post("/admin/login/", {"username": "ella", "password": PASSWORD})
    after_password = client.session.session_key
    verified = client.post("/admin/account/two-step/verify/", {"token": code(device)})
    assert verified.status_code == 302
    assert client.session.session_key != after_password  # a new id once fully signed in
    client.logout()
    # Her misses are forgotten: she has the full allowance again.
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post("/admin/login/", {"username": "ella", "password": "guess"})
    assert (
        client.post("/admin/login/", {"username": "ella", "password": PASSWORD}).status_code == 302
    )


@override_settings(ADMIN_SECOND_FACTOR_REQUIRED=True)
def test_a_password_only_session_cannot_read_pages_for_signed_in_readers(client, home):
    private = StandardPageFactory(parent=home, slug="members", title="Members only")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    ella = user("ella")
    paired(ella)
    client.force_login(ella)  # the password step only
    response = client.get(private.url)
    assert response.status_code == 302 and "Members only" not in response.content.decode()
    assert "login" in response["Location"]


def admin_urls_without_arguments():
    """Every admin URL pattern that takes no argument, found in the URLconf itself."""
    found = []

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                route = prefix + str(pattern.pattern)
                if "<" not in route and "(?P" not in route and "^" not in route:
                    found.append("/" + route.replace("$", ""))

    walk(get_resolver().url_patterns, "")
    return sorted({url for url in found if url.startswith(settings.ADMIN_URL_PREFIX)})


OPEN_WITHOUT_SECOND_FACTOR = {
    "/admin/login/", "/admin/logout/", "/admin/password_reset/", "/admin/password_reset/done/",
    "/admin/password_reset/complete/", "/admin/jsi18n/", "/admin/sprite-{hash}/",
    "/admin/account/two-step/verify/", "/admin/account/two-step/",
    # A passkey answering the second step (registering one stays closed).
    "/admin/account/passkeys/authentication/begin/",
    "/admin/account/passkeys/authentication/complete/", "/admin/account/passkeys/jsi18n/",
}  # fmt: skip


@override_settings(ADMIN_SECOND_FACTOR_REQUIRED=True)
def test_every_admin_url_asks_a_password_only_session_for_the_second_factor(home):
    ella = user("ella")
    paired(ella)
    client = Client()
    client.force_login(ella)
    urls = admin_urls_without_arguments()
    assert len(urls) > 40, urls  # the walk finds the admin
    for url in urls:
        if url in OPEN_WITHOUT_SECOND_FACTOR or url.startswith("/admin/sprite"):
            continue
        response = client.get(url)
        assert response.status_code in (302, 404, 405), url
        if response.status_code == 302:
            assert response["Location"].startswith("/admin/account/two-step/verify/"), url


def test_signing_in_for_readers_without_a_next_lands_somewhere_real(client, home):
    user("reader")
    response = client.post("/_util/login/", {"username": "reader", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200


@override_settings(ADMIN_SECOND_FACTOR_REQUIRED=True)
def test_a_password_only_session_cannot_add_a_passkey(home):
    """Registering a passkey would pass the second step (django-otp-webauthn marks the
    session verified), so it needs that step passed already."""
    ella = user("ella")
    paired(ella)
    client = Client()
    client.force_login(ella)
    response = client.post(
        "/admin/account/passkeys/registration/begin/", content_type="application/json"
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/account/two-step/verify/")
    page = client.get("/admin/account/two-step/verify/").content.decode()
    assert "Use a passkey" not in page  # she has none


def test_a_passkey_is_accepted_only_from_the_admins_own_domain(rf, settings):
    settings.ALLOWED_HOSTS = ["localhost", "evil.example"]

    def origins(host):
        return PasskeyHelper(rf.get("/admin/", HTTP_HOST=host)).get_allowed_origins()

    assert "http://localhost:8123" in origins("localhost:8123")
    assert all("evil" not in origin for origin in origins("evil.example"))
