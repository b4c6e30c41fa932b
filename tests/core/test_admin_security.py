"""Signing in to the admin: a second factor, lockout of guessers, throttled resets, headers."""

import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings
from django.core import mail
from django.test import Client, override_settings

from core.background import wait_until_idle
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
REAL_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]


@pytest.fixture
def editor():
    user = UserFactory(username="ella", email="ella@example.org", is_superuser=True)
    user.set_password(PASSWORD)
    user.save()
    return user


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def pair_app(client):
    """Go through the setup page as an editor would; returns the device and recovery codes."""
    page = client.get("/admin/account/two-step/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html and "Type the 6-digit code" in html
    device = TOTPDevice.objects.get(user__username="ella", confirmed=False)
    done = client.post("/admin/account/two-step/", {"token": current_code(device)})
    assert done.status_code == 200
    codes = re.findall(r"<code>([a-z0-9]+)</code>", done.content.decode())
    return TOTPDevice.objects.get(pk=device.pk), codes


@override_settings(ADMIN_SECOND_FACTOR_REQUIRED=True)
def test_an_editor_without_an_app_must_set_one_up_before_any_admin_page(client, editor):
    client.force_login(editor)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/account/two-step/?next=/admin/pages/")

    device, codes = pair_app(client)
    assert device.confirmed
    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get("/admin/pages/").status_code == 200


@override_settings(ADMIN_SECOND_FACTOR_REQUIRED=True)
def test_a_new_session_asks_for_the_apps_code_and_refuses_a_wrong_one(client, editor):
    client.force_login(editor)
    device, _codes = pair_app(client)

    later = Client()
    later.force_login(editor)
    response = later.get("/admin/")
    assert response["Location"].startswith("/admin/account/two-step/verify/?next=/admin/")
    wrong = later.post("/admin/account/two-step/verify/", {"token": "000000", "next": "/admin/"})
    assert wrong.status_code == 400
    assert "That code is not right" in wrong.content.decode()
    assert later.get("/admin/").status_code == 302

    device.refresh_from_db()
    # Half a minute on: the wrong code's brief throttle has passed, and the app shows a code
    # other than the one used when pairing (django-otp accepts each code once).
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.last_t -= 1
    device.save()
    right = later.post(
        "/admin/account/two-step/verify/", {"token": current_code(device), "next": "/admin/"}
    )
    assert right.status_code == 302 and right["Location"] == "/admin/"
    assert later.get("/admin/").status_code == 200


@override_settings(ADMIN_SECOND_FACTOR_REQUIRED=True)
def test_a_recovery_code_signs_in_once(client, editor):
    client.force_login(editor)
    _device, codes = pair_app(client)
    for expected in (302, 400):
        session = Client()
        session.force_login(editor)
        response = session.post("/admin/account/two-step/verify/", {"token": codes[0]})
        assert response.status_code == expected
    assert StaticToken.objects.filter(device__user=editor).count() == 9


@override_settings(ADMIN_SECOND_FACTOR_REQUIRED=True)
def test_recovery_codes_cannot_be_made_without_passing_the_second_factor(client, editor):
    client.force_login(editor)
    response = client.post("/admin/account/recovery-codes/")
    assert response.status_code == 302  # sent to set up an app first
    assert not StaticToken.objects.exists()


@override_settings(AXES_ENABLED=True, AUTHENTICATION_BACKENDS=REAL_BACKENDS)
def test_a_password_guesser_is_locked_out_even_with_the_right_password(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        wrong = client.post("/admin/login/", {"username": "ella", "password": "guess"})
        assert wrong.status_code == 200  # the form again, with its error
    client.post("/admin/login/", {"username": "ella", "password": "guess"})
    locked = client.post("/admin/login/", {"username": "ella", "password": PASSWORD})
    assert locked.status_code == 429
    assert "Too many wrong passwords" in locked.content.decode()

    # The username is paused from any address, not only the guesser's.
    elsewhere = Client(REMOTE_ADDR="203.0.113.9")
    again = elsewhere.post("/admin/login/", {"username": "ella", "password": PASSWORD})
    assert again.status_code == 429


@override_settings(AXES_ENABLED=True, AUTHENTICATION_BACKENDS=REAL_BACKENDS)
def test_someone_else_at_another_address_can_still_sign_in(client, editor):
    other = UserFactory(username="omar", is_superuser=True)
    other.set_password(PASSWORD)
    other.save()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "ella", "password": "guess"})
    elsewhere = Client(REMOTE_ADDR="203.0.113.9")
    response = elsewhere.post("/admin/login/", {"username": "omar", "password": PASSWORD})
    assert response.status_code == 302


@override_settings(ADMIN_PASSWORD_RESETS_PER_HOUR=2)
def test_admin_password_resets_are_limited_per_address(client, editor):
    for _ in range(2):
        response = client.post("/admin/password_reset/", {"email": "ella@example.org"})
        assert response.status_code == 302
    limited = client.post("/admin/password_reset/", {"email": "ella@example.org"})
    assert limited.status_code == 429
    assert "Too many password resets" in limited.content.decode()
    wait_until_idle()  # the emails are sent after the answer
    assert len(mail.outbox) == 2
    assert Client(REMOTE_ADDR="203.0.113.9").get("/admin/password_reset/").status_code == 200


def test_every_response_says_no_other_site_may_embed_or_open_it(client, editor):
    client.force_login(editor)
    for url in ("/", "/admin/", "/no-such-page/"):
        response = client.get(url)
        assert response["Cross-Origin-Resource-Policy"] == "same-origin", url
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", url


def test_the_admin_has_its_own_policy_allowing_nothing_from_other_origins(client, editor):
    client.force_login(editor)
    admin_policy = client.get("/admin/")["Content-Security-Policy"]
    assert "object-src 'none'" in admin_policy
    assert "frame-ancestors 'self'" in admin_policy
    sources = re.findall(r"https?://\S+", admin_policy)
    assert all("openstreetmap.org" in source for source in sources)  # the map tiles only
    public_policy = Client().get("/no-such-page/")["Content-Security-Policy"]
    assert "unsafe-inline" not in public_policy
