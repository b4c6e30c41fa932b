"""A parent searching the directory on a phone: results, the map on request, a listing."""

import re
from pathlib import Path
from urllib.parse import urlencode, urlparse

import pytest

from tests.browser.conftest import PHONE_375, describe

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def foreign_requests(tab, demo_server):
    server = urlparse(demo_server.url).netloc
    return [url for url in tab.requests if urlparse(url).netloc not in ("", server)]


def test_search_map_on_request_and_open_a_listing(demo_server, page, axe_violations):
    page.goto(demo_server.url + "/find-support/")
    page.get_by_label("Town, city or ZIP code").fill("London, UK")
    page.get_by_role("button", name="Search", exact=True).last.click()
    page.wait_for_load_state("networkidle")

    heading = page.get_by_role("heading", name="4 listings within 25 km of London, United Kingdom")
    assert heading.is_visible()
    names = page.locator(".listing__name").all_inner_texts()
    assert names == ["Ada Abbott", "Bea Brennan", "Cara Chen", "Dee Doyle"]
    # The form folded into one line after the search; "Change search" opens it again.
    assert not page.get_by_role("button", name="Use my location").is_visible()
    page.get_by_text("Change search").click()
    assert page.get_by_role("button", name="Use my location").is_visible()
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "directory-phone.png"), full_page=True)

    # Until the parent asks for the map, nothing leaves the site and Leaflet is not loaded.
    assert foreign_requests(page, demo_server) == []
    assert not any("leaflet" in url for url in page.requests)
    assert [e for e in page.console_errors if "Content Security Policy" in e] == []

    page.get_by_role("button", name="Show on map").click()
    markers = page.locator(".leaflet-marker-icon")
    markers.first.wait_for()
    assert markers.count() == 4
    assert sorted(markers.evaluate_all("els => els.map(e => e.alt)")) == [
        "1. Ada Abbott", "2. Bea Brennan", "3. Cara Chen", "4. Dee Doyle",
    ]  # fmt: skip
    assert any(url.endswith("/leaflet.js") for url in page.requests)
    markers.first.click()
    popup_link = page.locator(".leaflet-popup-content a")
    assert popup_link.get_attribute("href").startswith("/find-support/listing-0/?location=London")

    page.get_by_role("link", name="Bea Brennan", exact=True).click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Bea Brennan"
    assert page.locator('script[type="application/ld+json"]').count() == 1
    assert page.get_by_role("link", name="Report a problem with this listing").is_visible()


def test_directory_works_without_javascript(demo_server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(demo_server.url + "/find-support/?location=London%2C+UK")
    assert tab.locator(".listing").count() == 4
    assert not tab.get_by_role("button", name="Show on map").is_visible()
    assert not tab.get_by_role("button", name="Use my location").is_visible()
    assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


SMALL_PHONE = {"width": 375, "height": 667}


# London, with no namesake to offer, also fits the smaller 375 x 667.


@pytest.mark.parametrize("javascript", [True, False])
@pytest.mark.parametrize(
    ("place", "screen"),
    [("London, UK", SMALL_PHONE), ("Leeds", PHONE_375), ("Manchester", PHONE_375)],
    ids=["london-667", "leeds-812", "manchester-812"],
)
def test_first_result_is_in_the_first_screenful_at_375_px(
    demo_server, browser, javascript, place, screen
):
    context = browser.new_context(viewport=screen, java_script_enabled=javascript)
    tab = context.new_page()
    tab.goto(demo_server.url + "/find-support/?" + urlencode({"location": place, "radius": 25}))
    SCREENSHOTS.mkdir(exist_ok=True)
    suffix = ("js" if javascript else "nojs") + "-" + place.split(",")[0].lower()
    tab.screenshot(path=str(SCREENSHOTS / f"directory-375-{suffix}.png"))
    first = tab.locator(".listing").first
    box = first.locator(".listing__name").bounding_box()
    assert box is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= screen["height"], box
    assert tab.evaluate("window.scrollY") == 0, "found without scrolling"
    assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert tab.get_by_text("Change search").is_visible()
    context.close()


def test_referral_sheet_is_made_from_ticked_results_and_prints_on_one_page(
    demo_server, browser, axe_violations
):
    # JavaScript on: axe-core runs in the page (the sheet itself needs none).
    context = browser.new_context(viewport=SMALL_PHONE, java_script_enabled=True)
    context.set_default_timeout(20_000)
    tab = context.new_page()
    tab.goto(demo_server.url + "/find-support/?location=London%2C+UK")
    for name in ("Ada Abbott", "Bea Brennan", "Cara Chen"):
        tab.get_by_label(f"Add to a referral sheet {name}").check()
    tab.get_by_role("button", name="Make a referral sheet").click()
    tab.wait_for_load_state("networkidle")
    assert "/find-support/referral-sheet/?" in tab.url
    assert tab.locator(".referral-contact").count() == 3
    assert tab.get_by_text(
        "Found by searching within 25 km of London, United Kingdom."
    ).is_visible()
    violations = axe_violations(tab)
    assert violations == [], describe(violations)
    # The sheet's whole state is its address: opened afresh, it shows the same contacts.
    fresh = context.new_page()
    fresh.goto(tab.url)
    assert fresh.locator(".referral-contact h2").all_inner_texts() == (
        tab.locator(".referral-contact h2").all_inner_texts()
    )
    fresh.close()
    tab.emulate_media(media="print")
    SCREENSHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / "referral-sheet-print.png"), full_page=True)
    sheet_url = tab.url
    context.close()
    # Chromium's own PDF printer, A4, as a person pressing "Print" would get it.
    printer = browser.new_context()
    printer.set_default_timeout(20_000)
    sheet = printer.new_page()
    sheet.goto(sheet_url)
    pdf = sheet.pdf(format="A4")
    printer.close()
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1


def test_a_fourth_tick_is_stopped_before_the_sheet_is_asked_for(demo_server, page):
    page.goto(demo_server.url + "/find-support/?location=London")
    boxes = page.locator('input[name="pick"][form="referral-form"]')
    assert boxes.count() >= 4
    for index in range(3):
        boxes.nth(index).check()
    assert boxes.nth(3).is_disabled()
    assert "a sheet holds no more" in page.locator("[data-pick-status]").inner_text()
    boxes.nth(0).uncheck()
    assert boxes.nth(3).is_enabled()
