"""The near-me query: distances, radius edges, home-visit reach, filters, dateline, poles."""

import math

import pytest

from help_contacts.data.selectors import EARTH_RADIUS_KM, DirectoryFilters, Point, consultants_near
from tests.factories import ConsultantFactory

pytestmark = pytest.mark.django_db

NO_FILTERS = DirectoryFilters()


def offset(point, *, north_km=0.0, east_km=0.0):
    """A point the given distance north and east of another (small distances, flat enough)."""
    lat = point.lat + math.degrees(north_km / EARTH_RADIUS_KM)
    lon = point.lon + math.degrees(east_km / (EARTH_RADIUS_KM * math.cos(math.radians(lat))))
    return lat, lon


def near(point, radius_km=25, **filters):
    return list(
        consultants_near(point=point, radius_km=radius_km, filters=DirectoryFilters(**filters))
    )


LONDON = Point(51.5074, -0.1278)


@pytest.mark.parametrize(
    ("origin", "destination", "published_km"),
    [
        ((51.5074, -0.1278), (48.8566, 2.3522), 344),  # London to Paris
        ((40.7128, -74.0060), (34.0522, -118.2437), 3936),  # New York to Los Angeles
        ((-33.8688, 151.2093), (-37.8136, 144.9631), 714),  # Sydney to Melbourne
        ((52.5200, 13.4050), (48.1351, 11.5820), 504),  # Berlin to Munich
    ],
)
def test_distance_matches_published_city_pairs(origin, destination, published_km):
    ConsultantFactory(latitude=destination[0], longitude=destination[1])
    [result] = near(Point(*origin), radius_km=published_km * 1.1)
    assert result.distance_km == pytest.approx(published_km, rel=0.005)


def test_listing_just_inside_radius_is_found_and_just_outside_is_not():
    inside = ConsultantFactory(name="Inside")
    inside.latitude, inside.longitude = offset(LONDON, north_km=9.95)
    inside.save()
    outside = ConsultantFactory(name="Outside")
    outside.latitude, outside.longitude = offset(LONDON, north_km=10.05)
    outside.save()
    assert [c.name for c in near(LONDON, radius_km=10)] == ["Inside"]


def test_corner_of_bounding_box_is_not_within_radius():
    # North-east 9 km and 9 km is 12.7 km away: inside the box, outside the circle.
    lat, lon = offset(LONDON, north_km=9, east_km=9)
    ConsultantFactory(latitude=lat, longitude=lon)
    assert near(LONDON, radius_km=10) == []
    assert len(near(LONDON, radius_km=25)) == 1


def test_home_visitor_outside_radius_whose_reach_covers_the_parent_is_marked():
    lat, lon = offset(LONDON, east_km=30)
    ConsultantFactory(
        name="Visitor", latitude=lat, longitude=lon, services=["home-visits"],
        home_visit_radius_km=40,
    )  # fmt: skip
    ConsultantFactory(
        name="Short reach", latitude=lat, longitude=lon, services=["home-visits"],
        home_visit_radius_km=20,
    )  # fmt: skip
    ConsultantFactory(name="Clinic only", latitude=lat, longitude=lon)
    results = near(LONDON, radius_km=10)
    assert [(c.name, c.reaches_you) for c in results] == [("Visitor", True)]
    assert results[0].distance_km == pytest.approx(30, rel=0.01)


def test_home_visitor_far_away_beyond_the_box_is_found_through_her_reach():
    lat, lon = offset(LONDON, north_km=140)
    ConsultantFactory(
        latitude=lat, longitude=lon, services=["home-visits"], home_visit_radius_km=150
    )
    assert len(near(LONDON, radius_km=5)) == 1


def test_sorted_by_distance_then_name():
    for name, km in [("Cara", 3), ("Bea", 1), ("Abi", 3), ("Dot", 2)]:
        lat, lon = offset(LONDON, east_km=km)
        ConsultantFactory(name=name, latitude=lat, longitude=lon)
    assert [c.name for c in near(LONDON)] == ["Bea", "Dot", "Abi", "Cara"]


def test_unpublished_listings_are_never_returned():
    ConsultantFactory(live=False)
    assert near(LONDON) == []


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"languages": ("pl",)}, {"Polish speaker"}),
        ({"languages": ("pl", "ur")}, {"Polish speaker", "Urdu speaker"}),
        ({"services": ("video",)}, {"Video"}),
        ({"services": ("video", "support-group")}, {"Video", "Group"}),
        ({"specialties": ("premature",)}, {"Premature"}),
        ({"costs": ("free",)}, {"Group"}),
        ({"costs": ("free", "sliding-scale")}, {"Group", "Sliding"}),
        ({"accepting": True}, {"Polish speaker", "Urdu speaker", "Video", "Group", "Sliding"}),
        ({"text": "willow"}, {"Sliding"}),
        ({"text": "URDU"}, {"Urdu speaker"}),
    ],
)
def test_each_filter(filters, expected):
    ConsultantFactory(name="Polish speaker", languages=["en", "pl"])
    ConsultantFactory(name="Urdu speaker", languages=["ur"])
    ConsultantFactory(name="Video", services=["clinic", "video"])
    ConsultantFactory(name="Group", services=["support-group"], costs=["free"])
    ConsultantFactory(name="Sliding", costs=["sliding-scale"], practice_name="Willow Clinic")
    ConsultantFactory(
        name="Premature", specialties=["premature", "latch"], accepting_new_clients=False
    )
    assert {c.name for c in near(LONDON, **filters)} == expected


def test_language_code_is_matched_whole_not_as_part_of_another():
    ConsultantFactory(name="Tagalog", languages=["tl"])
    assert near(LONDON, languages=("t",)) == []


@pytest.mark.parametrize("search_lon", [179.95, -179.95])
def test_search_across_the_dateline(search_lon):
    ConsultantFactory(name="East", latitude=-17.0, longitude=179.9)
    ConsultantFactory(name="West", latitude=-17.0, longitude=-179.9)
    results = near(Point(-17.0, search_lon), radius_km=25)
    assert {c.name for c in results} == {"East", "West"}
    assert all(c.distance_km < 25 for c in results)


def test_high_latitude_search_sees_every_longitude_near_the_pole():
    ConsultantFactory(name="Across the pole", latitude=89.8, longitude=100.0)
    [result] = near(Point(89.8, -80.0), radius_km=50)
    assert result.distance_km == pytest.approx(2 * 0.2 * 111.2, rel=0.01)


def test_high_latitude_longitude_box_is_wide_enough():
    # At 78°N one degree of longitude is about 23 km.
    lat, lon = offset(Point(78.22, 15.65), east_km=45)
    ConsultantFactory(latitude=lat, longitude=lon)
    assert len(near(Point(78.22, 15.65), radius_km=50)) == 1


def test_query_count_does_not_grow_with_results(django_assert_num_queries):
    for index in range(30):
        lat, lon = offset(LONDON, east_km=index * 0.2)
        ConsultantFactory(latitude=lat, longitude=lon)
    near(LONDON)  # caches the longest home-visit reach, which every search reads
    with django_assert_num_queries(1):
        assert len(near(LONDON)) == 30


def test_nearest_first_pages_match_a_plain_paginator_in_two_queries(django_assert_num_queries):
    from django.core.paginator import Paginator

    from help_contacts.data.selectors import NearestFirstPaginator

    for index in range(45):
        lat, lon = offset(LONDON, east_km=(index % 15) * 0.5)
        ConsultantFactory(latitude=lat, longitude=lon, name=f"Listing {index:02d}")
    results = consultants_near(point=LONDON, radius_km=25, filters=NO_FILTERS)
    plain = Paginator(results, 20)
    for number in (1, 2, 3):
        with django_assert_num_queries(2):
            page = NearestFirstPaginator(results, 20).page(number)
            assert page.paginator.count == 45
        assert [c.pk for c in page] == [c.pk for c in plain.page(number)]
        assert [c.distance_km for c in page] == [c.distance_km for c in plain.page(number)]


def test_nearest_first_page_past_the_end_or_not_a_number_falls_back_like_get_page():
    from help_contacts.data.selectors import NearestFirstPaginator

    for index in range(25):
        lat, lon = offset(LONDON, north_km=index * 0.3)
        ConsultantFactory(latitude=lat, longitude=lon)
    results = consultants_near(point=LONDON, radius_km=25, filters=NO_FILTERS)
    assert NearestFirstPaginator(results, 20).get_page("9").number == 2
    assert NearestFirstPaginator(results, 20).get_page("nonsense").number == 1
    assert len(NearestFirstPaginator(results, 20).get_page(2)) == 5


def test_nearest_first_page_of_nothing_is_an_empty_first_page(django_assert_num_queries):
    from help_contacts.data.selectors import NearestFirstPaginator

    results = consultants_near(point=LONDON, radius_km=25, filters=NO_FILTERS)
    with django_assert_num_queries(1):
        page = NearestFirstPaginator(results, 20).get_page(None)
    assert (page.number, page.paginator.count, list(page)) == (1, 0, [])
