"""The nearest-first walk (PostgreSQL) finds exactly what the bounding-box search finds.

The walk tests the filter choices inside the GiST index, coded by the SQL functions of
migration 0008; a coding that drifted from the jsonb filters would hide listings from
parents. Each case here runs the same search both ways and compares what a parent is
shown: the listings, their order, their distances and the count.
"""

import math

import pytest

from django.db import connection

from help_contacts.data.selectors import (
    EARTH_RADIUS_KM,
    RESULTS_SHOWN_MAX,
    DirectoryFilters,
    DirectorySearch,
    NearestFirstPaginator,
    Point,
    consultants_near,
)
from tests.factories import ConsultantFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the walk is PostgreSQL's (CI runs it)"
    ),
]

LONDON = Point(51.5074, -0.1278)


def east_of(point, km):
    return point.lat, point.lon + math.degrees(
        km / (EARTH_RADIUS_KM * math.cos(math.radians(point.lat)))
    )


def shown(paginator, number=1):
    page = paginator.page(number)
    return (
        [(listing.pk, round(listing.distance_km, 6), listing.reaches_you) for listing in page],
        paginator.count,
        paginator.more_than_count,
    )


def both_ways(filters, radius_km=25, point=LONDON):
    search = DirectorySearch(point=point, place_name="London", radius_km=radius_km, filters=filters)
    walked = NearestFirstPaginator.for_search(search, 20)
    assert walked.nearest_first is not None  # the walk, not the box, on PostgreSQL
    boxed = NearestFirstPaginator(
        consultants_near(point=point, radius_km=radius_km, filters=filters), 20
    )
    return shown(walked), shown(boxed)


@pytest.fixture
def listings():
    """Listings with every kind of choice, near and far, one visiting from beyond the
    radius, one that does not take new families, one unpublished."""
    made = []
    choices = [
        {"languages": ["en", "pl"], "services": ["clinic"], "costs": ["free"]},
        {"languages": ["ur"], "services": ["home-visits"], "costs": ["insurance"]},
        {"languages": ["es"], "services": ["video", "phone"], "costs": ["sliding-scale"]},
        {"languages": ["es", "en"], "services": ["home-visits"], "costs": ["free", "insurance"]},
        {"specialties": ["premature", "latch"], "accepting_new_clients": False},
        {"specialties": ["tongue-tie"], "services": ["support-group"], "costs": ["free"]},
        {"languages": [], "services": [], "costs": [], "specialties": []},
    ]
    for index in range(28):
        lat, lon = east_of(LONDON, 1.5 * index)  # 0 to 40.5 km east
        made.append(
            ConsultantFactory(
                latitude=lat, longitude=lon, name=f"Listing {index:02d}", **choices[index % 7]
            )
        )
    lat, lon = east_of(LONDON, 35)
    made.append(
        ConsultantFactory(
            latitude=lat,
            longitude=lon,
            name="Visits from afar",
            languages=["es"],
            services=["home-visits"],
            home_visit_radius_km=40,
        )
    )
    ConsultantFactory(name="Unpublished", languages=["es"], live=False)
    return made


@pytest.mark.parametrize(
    "filters",
    [
        DirectoryFilters(),
        DirectoryFilters(languages=("es",)),
        DirectoryFilters(languages=("pl", "ur")),
        DirectoryFilters(services=("home-visits",)),
        DirectoryFilters(services=("video", "support-group")),
        DirectoryFilters(specialties=("premature",)),
        DirectoryFilters(costs=("free", "sliding-scale")),
        DirectoryFilters(accepting=True),
        DirectoryFilters(languages=("es",), services=("home-visits", "video"), accepting=True),
        DirectoryFilters(languages=("es",), costs=("free", "insurance", "sliding-scale")),
        DirectoryFilters(text="listing 1"),
        DirectoryFilters(languages=("zz",)),  # a choice nobody offers
    ],
    ids=lambda filters: repr(filters)[len("DirectoryFilters(") : -1] or "none",
)
def test_the_walk_shows_what_the_box_shows(listings, filters):
    walked, boxed = both_ways(filters)
    assert walked == boxed


def test_one_kept_statement_serves_every_search_with_its_own_point_and_radius(listings):
    """The walk's statement is built once for each choice of filters (and day) and run by
    every search with its own values: searches from other points and distances, one after
    another, each show what the box shows for them."""
    from help_contacts.data.selectors import _walk_statement

    # Not halfway between two listings: at exactly equal distances the walk and the box
    # may order a tie differently in the last bit.
    points = [LONDON, Point(51.5231, -0.0874), Point(51.3, -0.5), Point(52.2, 0.12)]
    before = _walk_statement.cache_info()
    for filters in (DirectoryFilters(), DirectoryFilters(languages=("es",))):
        for point in points:
            for radius_km in (5, 10, 25, 50, 100):
                walked, boxed = both_ways(filters, radius_km=radius_km, point=point)
                assert walked == boxed, (filters, point, radius_km)
    after = _walk_statement.cache_info()
    assert after.misses - before.misses <= 2  # one statement per choice of filters
    assert after.hits - before.hits >= 38


def test_a_search_by_name_is_never_kept_as_a_statement(listings):
    from help_contacts.data.selectors import _walk_statement

    before = _walk_statement.cache_info()
    walked, boxed = both_ways(DirectoryFilters(text="Listing 2"))
    assert walked == boxed
    assert _walk_statement.cache_info()[:2] == before[:2]


def test_a_home_visitor_from_beyond_the_radius_is_found_by_the_walk(listings):
    (results, count, _), _ = both_ways(DirectoryFilters(languages=("es",)), radius_km=10)
    names = {listing.pk: listing.name for listing in listings}
    reaching = [names[pk] for pk, _, reaches_you in results if reaches_you]
    assert "Visits from afar" in reaching


def test_more_than_two_hundred_are_counted_as_more_and_the_nearest_shown_first():
    for index in range(RESULTS_SHOWN_MAX + 5):
        lat, lon = east_of(LONDON, 0.05 * index)
        ConsultantFactory(latitude=lat, longitude=lon, languages=["es"], name=f"L{index:03d}")
    (results, count, more), boxed = both_ways(DirectoryFilters(languages=("es",)))
    assert (count, more) == (RESULTS_SHOWN_MAX, True)
    distances = [distance for _, distance, _ in results]
    assert distances == sorted(distances) and distances[0] == 0
    assert (results, count, more) == boxed


def test_the_index_codes_a_listing_as_a_search_codes_its_choices():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT help_contacts_filter_codes('language', '[\"es\"]') "
            "<@ help_contacts_filter_tags('[\"en\", \"es\"]', '[]', '[]', '[]', true), "
            "help_contacts_filter_codes('accepting', '[\"yes\"]') "
            "<@ help_contacts_filter_tags('[]', '[]', '[]', '[]', true), "
            "help_contacts_filter_codes('language', '[\"es\"]') "
            "&& help_contacts_filter_tags('[]', '[\"es\"]', '[]', '[]', false), "
            # Odd values stored by hand are not lists: they code to nothing, never an error.
            "help_contacts_filter_tags('\"es\"', 'null', '{}', '3', false), "
            "help_contacts_filter_codes('cost', '\"free\"')"
        )
        assert cursor.fetchone() == (True, True, False, [], [])


def test_the_walk_tests_the_filter_choices_inside_the_index(listings):
    filters = DirectoryFilters(languages=("es",), services=("video",), accepting=True)
    walk = consultants_near(point=LONDON, radius_km=25, filters=filters, walk=True)
    walk = walk.order_by("nearness")[:201]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        sql, params = walk.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "consultant_live_position_filters" in plan
    [condition] = [line for line in plan.splitlines() if "Index Cond" in line]
    # The reach (a cube) and the choices (integers), both worked out once, at planning.
    assert ") <@ '(" in condition
    assert "help_contacts_filter_tags(languages, services, specialties, costs" in condition
    assert "::integer[]" in condition


def test_a_results_pages_listings_are_read_as_the_orm_reads_them(listings):
    """The ranking statement reads the page's rows itself: each listing must carry what
    `.defer(*UNSHOWN_FIELDS)` would load, in the same Python types (jsonb as lists)."""
    from help_contacts.data.models import Consultant
    from help_contacts.data.selectors import SHOWN_FIELD_NAMES, UNSHOWN_FIELDS

    search = DirectorySearch(
        point=LONDON, place_name="London", radius_km=25, filters=DirectoryFilters()
    )
    page = NearestFirstPaginator.for_search(search, 20).page(1)
    assert len(page.object_list) > 5
    for listing in page.object_list:
        loaded = Consultant.objects.defer(*UNSHOWN_FIELDS).get(pk=listing.pk)
        for name in SHOWN_FIELD_NAMES:
            assert getattr(listing, name) == getattr(loaded, name), name
            assert type(getattr(listing, name)) is type(getattr(loaded, name)), name
        assert listing.get_deferred_fields() == loaded.get_deferred_fields()
        assert (listing._state.adding, listing._state.db) == (False, loaded._state.db)
        assert isinstance(listing.distance_km, float)
        assert listing.reaches_you in (True, False, None)  # None: no home visits at all
