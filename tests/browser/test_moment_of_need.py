"""A frightened parent on a 375 x 812 phone, with and without JavaScript: on every kind of
page the heading and the line that says when to call the emergency number, with a button
that rings it, are in the first screen; the rest is one tap away."""

import pytest

from tests.browser.conftest import PHONE_375, describe

SMALL_PHONE = PHONE_375
PAGES = {
    "home": "/",
    "article": "/breastfeeding-issues/when-breast-milk-is-not-coming-out/",
    "factor index": "/why-milk-can-be-slow/",
    "factor": "/why-milk-can-be-slow/poor-latch/",
    "first days": "/first-days/",
    "appointment plan": "/my-appointment-plan/",
    "about": "/about/",
    "search": "/search/?q=milk",
    "directory": "/find-support/",
    "directory results": "/find-support/?location=London",
    "directory error": "/find-support/?location=Zzzzqqqq",
    "listing": "/find-support/listing-0/",
}


def first_screen(tab):
    """Where the h1 and the card's call button end, in px from the top of the page."""
    return tab.evaluate(
        """() => {
            const h1 = document.querySelector('main h1');
            const call = document.querySelector('#get-help-now .help-now__actions a[href^="tel:"]');
            const line = document.querySelector('#get-help-now .help-now__line');
            return {
                h1: h1 && h1.getBoundingClientRect().bottom,
                call: call && call.getBoundingClientRect().bottom,
                line: line && line.getBoundingClientRect().bottom,
                number: call && call.getAttribute('href'),
            };
        }"""
    )


@pytest.mark.parametrize("name", PAGES)
def test_heading_and_emergency_line_are_in_the_first_screen(demo_server, phone, name):
    phone.goto(demo_server.url + PAGES[name])
    where = first_screen(phone)
    assert where["h1"] is not None and where["h1"] <= 812, (name, where)
    assert where["line"] is not None and where["line"] <= 812, (name, where)
    assert where["call"] is not None and where["call"] <= 812, (name, where)
    assert where["number"] == "tel:999"
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_every_sign_is_one_tap_away_and_the_menu_opens_without_javascript(demo_server, phone):
    phone.goto(demo_server.url + PAGES["article"])
    urgent = phone.get_by_role("heading", name="Get urgent help now", exact=False)
    assert not urgent.is_visible()
    phone.get_by_text("Every warning sign, who to call, and helplines").click()
    assert urgent.is_visible()
    assert phone.get_by_text("has a fit (a seizure or convulsion)").is_visible()
    # A source marker leads to its source.
    phone.locator("#get-help-now .ref-marker").first.click()
    assert phone.evaluate("location.hash").startswith("#help-now-source-")
    # The header is one line until the menu is opened.
    assert not phone.get_by_role("navigation", name="Main").is_visible()
    phone.get_by_text("Menu").click()
    assert phone.get_by_role("navigation", name="Main").is_visible()


def test_a_reader_in_the_us_gets_911_and_us_words(demo_server, phone):
    phone.goto(demo_server.url + "/find-support/?location=London&region=us")
    card = phone.locator("#get-help-now")
    assert card.locator('a[href="tel:911"]').is_visible()
    phone.get_by_text("Every warning sign, who to call, and helplines").click()
    assert "pediatrician" in card.inner_text()
    assert "NHS" not in card.inner_text()
    phone.goto(demo_server.url + "/find-support/?location=London")
    card = phone.locator("#get-help-now")
    assert card.locator('a[href="tel:999"]').is_visible()
    assert card.locator('a[href="tel:111"]').is_visible()


def test_the_card_prints_open(demo_server, browser):
    context = browser.new_context(viewport=SMALL_PHONE)
    tab = context.new_page()
    tab.goto(demo_server.url + PAGES["article"])
    tab.emulate_media(media="print")
    assert tab.get_by_text("has a fit (a seizure or convulsion)").is_visible()
    context.close()


@pytest.mark.parametrize("name", PAGES)
def test_axe_with_every_rule_finds_nothing(demo_server, page, axe_violations, name):
    page.goto(demo_server.url + PAGES[name])
    violations = axe_violations(page, every_rule=True)
    assert violations == [], describe(violations)
