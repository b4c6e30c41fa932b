"""The search box widens to the longest home-visit radius in use, and that is never stale."""

import io

import pytest

from help_contacts.data.selectors import (
    DirectoryFilters,
    Point,
    consultants_near,
    home_visit_reach_km,
)
from help_contacts.demo import load_directory_demo
from help_contacts.models import Consultant, ListingSource
from tests.factories import ConsultantFactory
from tests.help_contacts.test_selectors import LONDON, near, offset

pytestmark = pytest.mark.django_db


def visitor(name, *, km, radius, live=True):
    lat, lon = offset(LONDON, north_km=km)
    return ConsultantFactory(
        name=name, latitude=lat, longitude=lon, services=["home-visits"],
        home_visit_radius_km=radius, live=live,
    )  # fmt: skip


def names(radius_km=5):
    return sorted(c.name for c in near(LONDON, radius_km=radius_km))


def test_reach_is_the_longest_radius_among_published_listings_only():
    assert home_visit_reach_km() is None
    visitor("Near", km=10, radius=20)
    visitor("Draft", km=10, radius=90, live=False)
    assert home_visit_reach_km() == 20


def test_listing_published_with_a_longer_reach_than_any_before_is_found_at_once():
    visitor("Near", km=15, radius=20)
    assert names() == ["Near"]  # the reach of 20 km is cached now
    far = visitor("Far", km=100, radius=120, live=False)
    assert names() == ["Near"]
    far.save_revision().publish()
    assert home_visit_reach_km() == 120
    assert names() == ["Far", "Near"]
    visitor("Farther", km=140, radius=150)  # saved live, as an import or the admin would
    assert names() == ["Far", "Farther", "Near"]


def test_a_listing_whose_radius_grows_is_found_at_once():
    listing = visitor("Grows", km=60, radius=30)
    assert names() == []
    listing.home_visit_radius_km = 70
    listing.save()
    assert names() == ["Grows"]


def test_unpublishing_or_deleting_the_longest_reach_loses_no_other_listing():
    longest = visitor("Longest", km=90, radius=100)
    visitor("Same", km=95, radius=100)
    visitor("Short", km=25, radius=30)
    ConsultantFactory(name="Clinic")
    assert names() == ["Clinic", "Longest", "Same", "Short"]
    longest.unpublish()
    assert home_visit_reach_km() == 100
    assert names() == ["Clinic", "Same", "Short"]
    Consultant.objects.get(name="Same").delete()
    assert home_visit_reach_km() == 30
    assert names() == ["Clinic", "Short"]
    Consultant.objects.filter(services=["home-visits"]).delete()
    assert home_visit_reach_km() is None
    assert names() == ["Clinic"]


def test_bulk_created_demo_listings_are_found_through_their_reach(home):
    assert home_visit_reach_km() is None  # cached before the load, which sends no signals
    load_directory_demo(home=home, listings=200, log=lambda message: None, stream=io.StringIO())
    demo = Consultant.objects.filter(source=ListingSource.DEMO, home_visit_radius_km__isnull=False)
    longest = demo.order_by("-home_visit_radius_km", "pk").first()
    assert home_visit_reach_km() == longest.home_visit_radius_km
    # A parent just inside her reach, well outside the search radius.
    lat, lon = offset(
        Point(longest.latitude, longest.longitude), north_km=longest.home_visit_radius_km - 1
    )
    results = consultants_near(point=Point(lat, lon), radius_km=1, filters=DirectoryFilters())
    assert longest.pk in {c.pk for c in results if c.reaches_you}


def test_a_warm_search_is_one_query_and_a_cold_one_only_adds_the_reach(
    django_assert_num_queries,
):
    visitor("Near", km=15, radius=20)
    with django_assert_num_queries(2):
        assert names() == ["Near"]
    with django_assert_num_queries(1):
        assert names() == ["Near"]
