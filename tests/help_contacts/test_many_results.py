"""A search that matches more listings than anyone reads: the nearest 200, in order.

On PostgreSQL the page is ranked by walking the GiST index nearest first; elsewhere by
measuring every candidate in the box. Both must give the order `consultants_near` defines.
"""

import datetime

import pytest

from help_contacts.data.selectors import RESULTS_SHOWN_MAX, DirectoryFilters, consultants_near
from help_contacts.models import Consultant
from tests.conftest import visible_text
from tests.help_contacts.test_selectors import LONDON, offset

API = "/api/v1/directory/"
URL = "/find-support/"
SEARCH = {"location": "London", "radius": "50"}


@pytest.fixture
def crowd(db, today):
    """230 listings north of central London, one every 150 m, with a cluster of ties: eight
    at exactly the same spot, fresh and stale, whose order is freshness then name."""
    long_ago = today - datetime.timedelta(days=800)
    listings = []
    for number in range(222):
        lat, lon = offset(LONDON, north_km=0.15 * (number + 1))
        listings.append(
            Consultant(
                name=f"Listing {number:03d}", slug=f"listing-{number:03d}",
                latitude=lat, longitude=lon, live=True, last_verified=today,
                languages=["en"], services=["clinic"], costs=["private-fee"],
            )
        )  # fmt: skip
    tied_lat, tied_lon = offset(LONDON, north_km=2.925)  # between the 19th and 20th
    for name, checked in [
        ("Tied Zoe", today), ("Tied Amy", long_ago), ("Tied Bea", today),
        ("Tied Cat", long_ago), ("Tied Dee", today), ("Tied Eve", today),
        ("Tied Fay", long_ago), ("Tied Gus", today),
    ]:  # fmt: skip
        listings.append(
            Consultant(
                name=name, slug=name.lower().replace(" ", "-"), latitude=tied_lat,
                longitude=tied_lon, live=True, last_verified=checked,
                languages=["en"], services=["clinic"], costs=["private-fee"],
            )
        )  # fmt: skip
    Consultant.objects.bulk_create(listings)


def expected_order():
    """Every match, in the order the search defines, measured by the plain query."""
    everyone = consultants_near(point=LONDON, radius_km=50, filters=DirectoryFilters())
    return [listing.name for listing in everyone]


def names(client, page):
    data = client.get(API, {**SEARCH, "page": page}).json()
    return data, [listing["name"] for listing in data["results"]]


def test_the_count_stops_at_200_and_the_pages_are_the_nearest_200_in_order(
    client, directory, places, crowd
):
    order = expected_order()
    assert len(order) == 230
    shown = []
    for page in range(1, 11):
        data, page_names = names(client, page)
        assert data["count"] == RESULTS_SHOWN_MAX
        assert data["more_than_count"] is True
        shown += page_names
    assert shown == order[:RESULTS_SHOWN_MAX]
    # The ties come fresh first, then by name, straddling the first page's end.
    tied = [name for name in shown if name.startswith("Tied")]
    assert tied == [
        "Tied Bea", "Tied Dee", "Tied Eve", "Tied Gus", "Tied Zoe",
        "Tied Amy", "Tied Cat", "Tied Fay",
    ]  # fmt: skip
    assert shown.index("Tied Bea") < 20 <= shown.index("Tied Fay")


def test_past_the_200th_there_is_no_page(client, directory, places, crowd):
    response = client.get(API, {**SEARCH, "page": 11})
    assert response.status_code == 404
    assert "they end at page 10" in response.json()["errors"]["page"][0]


def test_the_page_says_more_than_200_and_how_to_see_others(client, directory, places, crowd):
    text = visible_text(client.get(URL, SEARCH))
    assert "More than 200 listings within 50 km of London" in text
    assert "search a shorter distance or add a filter" in text
    assert "Page 1 of 10" in text


def test_fewer_than_200_are_counted_exactly(client, directory, places, crowd):
    data = client.get(API, {**SEARCH, "radius": "10"}).json()
    within_10_km = expected_order()[: len(data["results"])]
    assert data["more_than_count"] is False
    assert data["count"] == len(
        consultants_near(point=LONDON, radius_km=10, filters=DirectoryFilters())
    )
    assert [listing["name"] for listing in data["results"]] == within_10_km
    text = visible_text(client.get(URL, {**SEARCH, "radius": "10"}))
    assert f"{data['count']} listings within 10 km of London" in text
