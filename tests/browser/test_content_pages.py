"""Parents on a phone: the content pages read well, pass axe and load nothing from elsewhere."""

from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.browser.conftest import describe

ARTICLE = "/breastfeeding-issues/when-breast-milk-is-not-coming-out/"
PAGES = [
    "/",
    ARTICLE,
    "/why-milk-can-be-slow/",
    "/why-milk-can-be-slow/poor-latch/",
    "/search/?q=milk",
    "/search/?q=zzzzqqqq",
    "/first-days/",
    "/my-appointment-plan/",
    "/my-appointment-plan/?day=4&factor=thyroid&tried=hand-expressing",
    "/about/",
    "/no-such-page/",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_accessibility_violations(demo_server, page, axe_violations, path):
    page.goto(demo_server.url + path)
    violations = axe_violations(page)
    assert violations == [], describe(violations)


@pytest.mark.parametrize("path", PAGES)
def test_page_makes_no_third_party_requests_and_no_csp_errors(demo_server, page, path):
    page.goto(demo_server.url + path)
    page.wait_for_load_state("networkidle")
    server = urlparse(demo_server.url).netloc
    foreign = [url for url in page.requests if urlparse(url).netloc not in ("", server)]
    assert foreign == []
    assert [e for e in page.console_errors if "Content Security Policy" in e] == []


def test_article_reads_on_a_phone_without_javascript(demo_server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(demo_server.url + ARTICLE)
    assert tab.locator("h1").inner_text() == "When breast milk is not coming out"
    assert tab.get_by_role("heading", name="Your baby's birth").is_visible()
    assert tab.get_by_role("link", name="Previous breast surgery").is_visible()
    # No sideways scrolling on a small screen.
    assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    SCREENSHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / "article-phone.png"), full_page=True)
    context.close()


def test_keyboard_user_can_skip_to_the_content(demo_server, page):
    page.goto(demo_server.url + ARTICLE)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
