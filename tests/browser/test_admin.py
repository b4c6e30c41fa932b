"""Editors in the real admin: signing in with a second factor, under the admin's own CSP."""

from pathlib import Path
from urllib.parse import urlparse

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.test import override_settings

from factors.models import FactorPage, PracticalInsight
from tests.browser.conftest import ensure_wagtail_tree
from tests.factories import UserFactory
from website.demo.site import load_site_content
from website.models import ArticlePage

PASSWORD = "a long and private passphrase"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


@pytest.fixture
def editor(transactional_db):
    ensure_wagtail_tree()
    load_site_content(log=lambda message: None)
    user = UserFactory(username="ella", is_superuser=True)
    user.set_password(PASSWORD)
    user.save()
    return user


def code_for(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def sign_in(page, base):
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", "ella")
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name="Sign in").click()


@override_settings(ADMIN_SECOND_FACTOR_REQUIRED=True)
def test_an_editor_pairs_an_app_then_edits_under_the_admin_policy(editor, live_server, page):
    base = live_server.url
    sign_in(page, base)
    # No app yet: the admin asks for one before anything else.
    page.wait_for_url("**/admin/account/two-step/**")
    assert page.locator("svg").count() >= 1
    device = TOTPDevice.objects.get(user=editor)
    page.fill("input[name=token]", code_for(device))
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    page.get_by_text("Your new recovery codes").wait_for()
    assert page.locator(".recovery-codes li").count() == 10

    # Every kind of edit screen works under the admin's CSP and asks nothing of other sites.
    article = ArticlePage.objects.get()
    factor = FactorPage.objects.first()
    insight = PracticalInsight.objects.first()
    screens = [
        "/admin/",
        f"/admin/pages/{article.pk}/edit/",
        f"/admin/pages/{factor.pk}/edit/",
        f"/admin/snippets/factors/practicalinsight/edit/{insight.pk}/",
        "/admin/snippets/help_contacts/consultant/",
    ]
    for screen in screens:
        response = page.goto(base + screen)
        assert response.status == 200, screen
        assert "object-src 'none'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "admin-listings-phone.png"))

    server = urlparse(base).netloc
    foreign = [url for url in page.requests if urlparse(url).netloc not in ("", server)]
    assert foreign == []
    violations = [e for e in page.console_errors if "Content Security Policy" in e]
    assert violations == []
    # The inline panel (the article's related links) was built by Wagtail's script.
    page.goto(base + f"/admin/pages/{article.pk}/edit/")
    assert page.locator("[data-w-formset-target], #id_related_links-FORMS").count() >= 1


@override_settings(ADMIN_SECOND_FACTOR_REQUIRED=True)
def test_an_editor_adds_a_passkey_and_signs_in_with_it(editor, live_server, page):
    """Chromium's virtual authenticator (DevTools WebAuthn domain) stands in for a phone's
    screen lock: it makes a real credential and signs the real challenge."""
    base = live_server.url
    device = TOTPDevice.objects.create(user=editor, name="Authenticator app", confirmed=True)
    devtools = page.context.new_cdp_session(page)
    devtools.send("WebAuthn.enable")
    devtools.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    # The password, then the app's code, then a passkey from the account page.
    sign_in(page, base)
    page.wait_for_url("**/admin/account/two-step/verify/**")
    assert page.get_by_role("button", name="Use a passkey").count() == 0  # none yet
    page.fill("input[name=token]", code_for(device))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(base + "/admin/")
    page.goto(base + "/admin/account/two-step/")
    page.get_by_role("button", name="Add a passkey").click()
    page.get_by_text("Registration successful", exact=False).wait_for()
    page.reload()
    assert "added" in page.locator(".passkeys li").first.inner_text()

    # Next time: the password, then the passkey alone.
    page.context.clear_cookies()  # a new browser session
    sign_in(page, base)
    page.wait_for_url("**/admin/account/two-step/verify/**")
    page.get_by_role("button", name="Use a passkey").click()
    page.wait_for_url(base + "/admin/")
    assert page.goto(base + "/admin/pages/").status == 200
