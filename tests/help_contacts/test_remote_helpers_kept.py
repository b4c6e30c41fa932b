"""The video and phone helpers a search shows come from the region's kept list when they
can, and are exactly those the database would pick, in the same order; a change to a
listing made any way shows in the next search."""

import datetime
import math

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from help_contacts.data.models import Consultant
from help_contacts.data.selectors import (
    EARTH_RADIUS_KM,
    REMOTE_CANDIDATES_KEPT,
    REMOTE_ROWS_KEPT,
    DirectoryFilters,
    DirectorySearch,
    Point,
    _remote_queried,
    consultants_remote,
    great_circle_km,
)
from help_contacts.data.selectors import (
    SHOWN_FIELD_NAMES as REMOTE_FIELDS,
)
from tests.factories import ConsultantFactory

pytestmark = pytest.mark.django_db

LONDON = Point(51.5074, -0.1278)
REGIONS = ("*", "GB", "GB-ENG")


def east_of(point, km):
    return point.lat, point.lon + math.degrees(
        km / (EARTH_RADIUS_KM * math.cos(math.radians(point.lat)))
    )


def remote_helper(number, km, **fields):
    lat, lon = east_of(LONDON, km)
    today = timezone.localdate()
    fields.setdefault("last_verified", today - datetime.timedelta(days=(number * 37) % 900))
    return ConsultantFactory(
        name=f"Remote {number:03d}",
        latitude=lat,
        longitude=lon,
        remote_regions=[("GB", "*", "GB-ENG", "US")[number % 4]],
        services=[("video",), ("phone",), ("video", "home-visits")][number % 3],
        languages=[("en",), ("en", "pl"), ("es",)][number % 3],
        accepting_new_clients=number % 5 != 0,
        **fields,
    )


@pytest.fixture
def helpers():
    # Spread from the centre of London to 200 km east of it, some within each radius.
    return [remote_helper(number, km=(number * 13) % 200) for number in range(40)]


def search(radius_km=25, **filters):
    return DirectorySearch(
        point=LONDON, place_name="London", radius_km=radius_km, filters=DirectoryFilters(**filters)
    )


def shown(listings):
    return [(listing.pk, listing.name, listing.stale_checked) for listing in listings]


def both_ways(found):
    asked = tuple(code for code in found.filters.services if code in ("video", "phone"))
    return (
        shown(consultants_remote(search=found, regions=REGIONS)),
        shown(_remote_queried(search=found, regions=REGIONS, limit=5, asked_for=asked)),
    )


@pytest.mark.parametrize(
    "found",
    [
        search(),
        search(radius_km=5),
        search(radius_km=100),
        search(radius_km=250),  # every one within: none shown
        search(services=("video",)),
        search(services=("phone", "clinic")),
        search(languages=("pl",)),
        search(languages=("es",), accepting=True),
        search(radius_km=100, services=("phone",), languages=("en",)),
        search(costs=("free",)),  # nobody matches
    ],
    ids=repr,
)
def test_the_kept_list_picks_what_the_database_picks(helpers, found):
    kept, queried = both_ways(found)
    assert kept == queried


def test_the_distances_agree_with_the_databases(helpers):
    found = search()
    rows = _remote_queried(search=found, regions=REGIONS, limit=40, asked_for=())
    for listing in rows:
        assert great_circle_km(LONDON, listing.latitude, listing.longitude) == pytest.approx(
            listing.distance_km, abs=1e-6
        )


def test_a_search_whose_radius_holds_more_than_the_kept_list_asks_the_database(monkeypatch):
    """All of the first REMOTE_CANDIDATES_KEPT are within the radius; the five beyond
    them are still found, by asking the database."""
    from help_contacts.data import selectors

    today = timezone.localdate()
    for number in range(REMOTE_CANDIDATES_KEPT + 2):
        # Multiples of four serve GB (see remote_helper): all of them in the region.
        remote_helper(4 * number, km=1, last_verified=today)
    far = [
        remote_helper(900 + number, km=150, last_verified=today - datetime.timedelta(days=400))
        for number in range(6)
    ]
    asked = []

    def counted(**arguments):
        asked.append(arguments)
        return _remote_queried(**arguments)

    monkeypatch.setattr(selectors, "_remote_queried", counted)
    kept, queried = both_ways(search(radius_km=25))
    assert kept == queried
    assert {pk for pk, _name, _stale in kept} <= {listing.pk for listing in far}
    assert len(kept) == 5
    assert len(asked) == 1  # the kept list held only listings within the radius


def test_a_warm_search_reads_nothing_for_its_remote_helpers(helpers):
    consultants_remote(search=search(), regions=REGIONS)  # keeps the region's list
    with CaptureQueriesContext(connection) as queries:
        consultants_remote(search=search(radius_km=30), regions=REGIONS)
    assert [query["sql"] for query in queries] == []


def test_those_kept_by_position_only_are_read_by_id_in_one_query():
    today = timezone.localdate()
    for number in range(REMOTE_ROWS_KEPT + 2):  # the freshest, all within the radius
        remote_helper(number, km=1, last_verified=today)
    for number in range(6):
        remote_helper(900 + number, km=150, last_verified=today - datetime.timedelta(days=400))
    found = search(radius_km=25)
    consultants_remote(search=found, regions=REGIONS)
    with CaptureQueriesContext(connection) as queries:
        kept, queried = both_ways(found)
    assert kept == queried
    assert len(queries) - queried_count(found) == 1


def queried_count(found):
    with CaptureQueriesContext(connection) as queries:
        _remote_queried(search=found, regions=REGIONS, limit=5, asked_for=())
    return len(queries)


def test_a_listing_built_from_the_kept_row_is_the_one_the_database_reads(helpers):
    found = search()
    consultants_remote(search=found, regions=REGIONS)
    kept = consultants_remote(search=found, regions=REGIONS)
    queried = _remote_queried(search=found, regions=REGIONS, limit=5, asked_for=())
    for built, read in zip(kept, queried, strict=True):
        assert {name: getattr(built, name) for name in REMOTE_FIELDS} == {
            name: getattr(read, name) for name in REMOTE_FIELDS
        }
        assert (built.is_stale, built.reaches_you) == (read.is_stale, read.reaches_you)
        assert built.distance_km == pytest.approx(read.distance_km, abs=1e-6)
        assert built.get_deferred_fields() == read.get_deferred_fields()


def test_a_change_no_signal_sees_shows_in_the_next_search(helpers):
    found = search()
    before = consultants_remote(search=found, regions=REGIONS)
    in_region = [helper for helper in helpers if set(helper.remote_regions) & set(REGIONS)]
    oldest = min(in_region, key=lambda listing: listing.last_verified)
    assert oldest.pk not in [listing.pk for listing in before]
    # Checked today, written as an update: no signal is sent.
    Consultant.objects.filter(pk=oldest.pk).update(
        last_verified=timezone.localdate() + datetime.timedelta(days=1),
        latitude=53.4808,  # Manchester: beyond the radius
        longitude=-2.2426,
    )
    after = consultants_remote(search=found, regions=REGIONS)
    assert after[0].pk == oldest.pk
    Consultant.objects.filter(pk=oldest.pk).update(live=False)
    assert oldest.pk not in [
        listing.pk for listing in consultants_remote(search=found, regions=REGIONS)
    ]


def test_a_listing_saved_through_the_model_shows_in_the_next_search(helpers):
    found = search()
    shown_first = consultants_remote(search=found, regions=REGIONS)[0]
    shown_first.remote_regions = ["FR"]
    shown_first.save()
    assert shown_first.pk not in [
        listing.pk for listing in consultants_remote(search=found, regions=REGIONS)
    ]


def test_a_search_by_name_is_never_kept(helpers):
    found = search(text="Remote 00")
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            names = [listing.name for listing in consultants_remote(search=found, regions=REGIONS)]
        # Asked of the database in full each time: the name is tested there.
        assert any("like" in query["sql"].lower() for query in queries)
    assert names and all(name.startswith("Remote 00") for name in names)
