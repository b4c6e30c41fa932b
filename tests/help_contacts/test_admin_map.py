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


def test_the_map_waits_to_be_asked_for_so_the_admin_requests_no_tiles_by_itself(
    db, client, superuser
):
    listing = ConsultantFactory(latitude=51.5072, longitude=-0.1276)
    client.force_login(superuser)
    url = reverse("wagtailsnippets_help_contacts_consultant:edit", args=[listing.pk])
    html = client.get(url).content.decode()
    assert "Show the pin on a map (loads map images from tile.openstreetmap.org)" in html
    assert 'id="listing-pin-map" role="img" hidden' in html
