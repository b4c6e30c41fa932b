"""Editors see a listing's pin on a small map on its edit screen."""

from django.urls import reverse

from tests.factories import ConsultantFactory


def test_edit_screen_shows_the_listing_pin_on_a_map(db, client, superuser):
    listing = ConsultantFactory(latitude=51.5072, longitude=-0.1276, name="Test Listing")
    client.force_login(superuser)
    url = reverse("wagtailsnippets_help_contacts_consultant:edit", args=[listing.pk])
    html = client.get(url).content.decode()
    assert "data-listing-map" in html
    assert 'data-lat="51.507200"' in html
    assert 'data-lon="-0.127600"' in html
    assert "help_contacts/vendor/leaflet/leaflet.js" in html
    assert "help_contacts/admin_map.js" in html
    assert "Map showing where Test Listing is pinned" in html
