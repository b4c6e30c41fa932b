"""A parent on a 375 px phone, with or without JavaScript, reaches the first-days table, the
warning signs with numbers to call, and a printed plan that fits on one page."""

import re
from pathlib import Path

import pytest

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
SMALL_PHONE = {"width": 375, "height": 812}
PDF_PAGE = re.compile(rb"/Type\s*/Page(?!s)")


@pytest.fixture(params=[True, False], ids=["with-js", "without-js"])
def phone(request, browser):
    context = browser.new_context(viewport=SMALL_PHONE, java_script_enabled=request.param)
    tab = context.new_page()
    tab.javascript = request.param
    yield tab
    context.close()


def fits_the_screen(tab):
    return tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def shoot(tab, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    suffix = "js" if tab.javascript else "nojs"
    tab.screenshot(path=str(SCREENSHOTS / f"{name}-375-{suffix}.png"), full_page=True)


def test_one_tap_from_home_to_the_first_days_table_and_the_numbers_to_call(demo_server, phone):
    phone.goto(demo_server.url + "/")
    assert fits_the_screen(phone)
    shoot(phone, "home")
    phone.get_by_role("link", name="Your first days of feeding").first.click()  # tap 1
    assert phone.locator("h1").inner_text() == "Your first days of feeding"
    assert phone.get_by_role("table").is_visible()
    assert phone.get_by_text("Milk usually comes in between 48 and 72 hours").is_visible()
    assert phone.get_by_role("link", name="Call 999", exact=True).is_visible()
    assert (
        phone.locator("#get-help-now")
        .get_by_role("link", name="Call NHS 111", exact=True)
        .is_visible()
    )
    assert fits_the_screen(phone)
    shoot(phone, "first-days")


def test_three_taps_from_home_to_a_plan_that_prints_on_one_page(demo_server, phone):
    phone.goto(demo_server.url + "/")
    phone.get_by_role("link", name="Take this to your appointment").first.click()  # tap 1
    phone.get_by_label("How old is your baby?").select_option("4")
    phone.get_by_label("A caesarean birth").check()  # tap 2
    phone.get_by_label("Hand expressing").check()
    phone.get_by_role("button", name="Make my plan").click()  # tap 3
    assert "day=4" in phone.url and "factor=caesarean-birth" in phone.url
    plan = phone.locator("#plan")
    assert plan.get_by_text("My baby is on day 4 of life.").is_visible()
    assert plan.get_by_text("A caesarean birth").is_visible()
    assert plan.get_by_role("table").is_visible()
    assert fits_the_screen(phone)
    shoot(phone, "plan")
    if phone.javascript:
        return  # page.pdf prints the same HTML and CSS either way; once is enough
    for paper in ("A4", "Letter"):
        pdf = phone.pdf(format=paper, print_background=False)
        assert len(PDF_PAGE.findall(pdf)) == 1, paper


def test_the_first_days_table_and_its_sources_fit_one_printed_page(demo_server, browser):
    # An A4 sheet less the print stylesheet's 12 mm margins: 186 x 273 mm at 96 px an inch.
    printable = {"width": round(186 / 25.4 * 96), "height": round(273 / 25.4 * 96)}
    context = browser.new_context(viewport=printable, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(demo_server.url + "/first-days/")
    tab.emulate_media(media="print")
    height = tab.evaluate("document.querySelector('.day-table').getBoundingClientRect().height")
    assert 0 < height <= printable["height"]
    SCREENSHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / "first-days-print.png"), full_page=True)
    context.close()
