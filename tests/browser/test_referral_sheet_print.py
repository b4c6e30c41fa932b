"""The referral sheet prints on one page with the longest real demo contacts, not short ones.

Of the 300 listings `make run` loads, the three whose sheet entries are longest are moved
to London and printed through Chromium's own PDF printer on A4 and on US Letter.
"""

import re
from urllib.parse import urlencode

import pytest

from django.apps import apps
from django.utils import timezone

from help_contacts.demo import demo_listing, demo_listing_cities, load_directory_demo
from tests.browser.conftest import ensure_wagtail_tree
from tests.help_contacts.conftest import make_place
from website.demo.site import load_site_content
from website.management.commands.load_demo_content import DEFAULT_DEMO_LISTINGS


def sheet_length(listing) -> int:
    """About how many characters the listing takes on the sheet."""
    parts = [
        listing.name, listing.short_credentials, listing.phone, listing.email,
        listing.website, listing.street_address, listing.city, listing.region,
        listing.postcode, listing.opening_hours, *listing.service_labels,
        *listing.cost_descriptions,
    ]  # fmt: skip
    return sum(len(str(part)) for part in parts if part)


@pytest.fixture
def longest_three(transactional_db):
    ensure_wagtail_tree()
    roles = __import__("website.migrations.0002_editorial_roles_and_medical_review", fromlist=["x"])
    roles.editorial_roles_apply(apps)
    home = load_site_content(log=lambda message: None)
    load_directory_demo(home=home, listings=0, log=lambda message: None)
    make_place(
        "London", country="United Kingdom", code="GB", latitude=51.5074, longitude=-0.1278,
        population=8_961_989,
    )  # fmt: skip
    now = timezone.now()
    cities = demo_listing_cities(DEFAULT_DEMO_LISTINGS)
    listings = [demo_listing(index, cities[index], now) for index in range(len(cities))]
    longest = sorted(listings, key=sheet_length, reverse=True)[:3]
    for number, listing in enumerate(longest):
        listing.latitude, listing.longitude = 51.5074 + number / 200, -0.1278
        listing.save()
    return longest


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_sheet_with_the_three_longest_demo_contacts_prints_on_one_page(
    longest_three, live_server, browser, paper
):
    query = [("location", "London"), *(("pick", str(listing.pk)) for listing in longest_three)]
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(f"{live_server.url}/find-support/referral-sheet/?{urlencode(query)}")
    assert tab.locator(".referral-contact").count() == 3
    # As the print dialog does: the page's own @page size, if it set one, wins.
    pdf = tab.pdf(format=paper, prefer_css_page_size=True)
    context.close()
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1
