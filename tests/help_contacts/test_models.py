"""Listings: geocoding when saved without coordinates, slugs, and the admin."""

import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from help_contacts.models import Consultant, DirectoryPage
from tests.factories import ConsultantFactory
from website.models import HomePage

pytestmark = pytest.mark.django_db


def unsaved_listing(**fields):
    values = {"name": "Ada Abbott", "city": "Springfield", "region": "IL", "country": "US"}
    values.update(fields)
    return Consultant(**values)


def test_listing_without_coordinates_is_geocoded_from_its_town(places):
    listing = unsaved_listing()
    listing.full_clean()
    assert (listing.latitude, listing.longitude) == (39.8017, -89.6437)
    assert listing.slug == "ada-abbott-springfield"


def test_listing_without_coordinates_is_geocoded_from_its_zip(places):
    listing = unsaved_listing(city="New York", region="NY", postcode="10001")
    listing.full_clean()
    assert listing.latitude == pytest.approx(40.7484)


def test_listing_that_cannot_be_geocoded_is_refused_naming_the_field(places):
    listing = unsaved_listing(city="Atlantis")
    with pytest.raises(ValidationError) as error:
        listing.full_clean()
    assert "city" in error.value.message_dict
    assert "could not find this place" in error.value.message_dict["city"][0]


def test_half_a_coordinate_is_refused(places):
    with pytest.raises(ValidationError) as error:
        unsaved_listing(latitude=51.0).full_clean()
    assert "longitude" in error.value.message_dict


def test_home_visits_need_a_travel_radius_and_others_lose_it(places):
    with pytest.raises(ValidationError) as error:
        unsaved_listing(services=["home-visits"]).full_clean()
    assert "home_visit_radius_km" in error.value.message_dict
    clinic = unsaved_listing(services=["clinic"], home_visit_radius_km=20)
    clinic.full_clean()
    assert clinic.home_visit_radius_km is None


def test_unknown_choice_codes_are_refused(places):
    with pytest.raises(ValidationError) as error:
        unsaved_listing(languages=["en", "klingon"]).full_clean()
    assert "languages" in error.value.message_dict


def test_slugs_are_unique_and_avoid_the_directory_routes(places):
    ConsultantFactory(slug="ada-abbott-springfield")
    listing = unsaved_listing()
    listing.full_clean()
    assert listing.slug == "ada-abbott-springfield-2"
    with pytest.raises(ValidationError):
        unsaved_listing(slug="suggest-a-listing").full_clean()


def test_directory_page_type_rules(home):
    assert DirectoryPage in HomePage.allowed_subpage_models()
    assert DirectoryPage.allowed_parent_page_models() == [HomePage]
    assert DirectoryPage.allowed_subpage_models() == []
    assert DirectoryPage.can_create_at(home)
    home.add_child(instance=DirectoryPage(title="Find support", slug="find-support"))
    assert not DirectoryPage.can_create_at(home)


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


def test_admin_listing_filters_listings_not_verified_for_twelve_months(admin_client):
    today = timezone.localdate()
    ConsultantFactory(name="Fresh", last_verified=today)
    ConsultantFactory(name="Stale", last_verified=today - timezone.timedelta(days=400))
    ConsultantFactory(name="Never", last_verified=None)
    url = reverse("wagtailsnippets_help_contacts_consultant:list")
    response = admin_client.get(url, {"not_verified": "true"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Stale" in html and "Never" in html and "Fresh" not in html


def test_admin_listing_search_and_language_filter(admin_client):
    ConsultantFactory(name="Zofia Novak", languages=["pl"])
    ConsultantFactory(name="Grace Hughes", languages=["en"])
    url = reverse("wagtailsnippets_help_contacts_consultant:list")
    html = admin_client.get(url, {"language": "pl"}).content.decode()
    assert "Zofia Novak" in html and "Grace Hughes" not in html
    html = admin_client.get(url, {"q": "Hughes"}).content.decode()
    assert "Grace Hughes" in html and "Zofia Novak" not in html


def test_admin_exports_listings_as_csv(admin_client):
    ConsultantFactory(name="Zofia Novak", city="Leeds")
    url = reverse("wagtailsnippets_help_contacts_consultant:list")
    response = admin_client.get(url, {"export": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    assert "Zofia Novak" in body and "Leeds" in body


def test_admin_edit_form_geocodes_and_reports_errors_on_the_field(admin_client, places):
    url = reverse("wagtailsnippets_help_contacts_consultant:add")
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, {"name": "Ada", "city": "Atlantis", "country": "US"})
    assert response.status_code == 200
    assert "could not find this place" in response.content.decode()


def test_admin_edit_view_shows_where_the_pin_is(admin_client):
    listing = ConsultantFactory(latitude=51.5074, longitude=-0.1278)
    url = reverse("wagtailsnippets_help_contacts_consultant:edit", args=[listing.pk])
    html = admin_client.get(url).content.decode()
    assert "pin is at 51.50740, -0.12780" in html
    assert "mlat=51.50740&amp;mlon=-0.12780" in html
