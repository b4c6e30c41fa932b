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
