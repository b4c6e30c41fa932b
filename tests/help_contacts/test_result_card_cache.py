"""Each result card is drawn once per version of its listing and reused by every search;
a change to the listing, made any way at all, shows on the next search, and what belongs
to one search (distance, the link back, the referral tick) never shows on another's."""

import pytest
from bs4 import BeautifulSoup

from help_contacts.models import Consultant
from help_contacts.web import cards as card_module
from tests.factories import ConsultantFactory

pytestmark = pytest.mark.django_db

URL = "/find-support/"


def cards_of(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return soup.select("ol.listings:not(.listings--remote) li.listing")


@pytest.fixture
def drawings(monkeypatch):
    """How many cards were drawn afresh rather than taken from the cache."""
    drawn = []
    original = card_module._drawn

    def counting(listings, *, remote):
        drawn.extend(listing.pk for listing in listings)
        return original(listings, remote=remote)

    monkeypatch.setattr(card_module, "_drawn", counting)
    return drawn


def test_a_second_search_reuses_the_cards_drawn_by_the_first(client, directory, places, drawings):
    listing = ConsultantFactory(name="Cached Cara")
    client.get(URL, {"location": "London, UK"})
    assert drawings == [listing.pk]
    client.get(URL, {"location": "London, UK", "radius": "50"})
    assert drawings == [listing.pk]  # not drawn again


def test_each_search_shows_its_own_distance_link_and_tick(client, directory, places):
    listing = ConsultantFactory(name="Shared Sam", latitude=51.55, longitude=-0.1278)
    near = cards_of(client.get(URL, {"location": "London, UK", "radius": "25"}))[0]
    far = cards_of(
        client.get(URL, {"lat": "51.45", "lon": "-0.128", "radius": "50", "pick": listing.pk})
    )[0]
    assert "4.7 km" in near.select_one(".badge--distance").get_text()
    assert "11 km" in far.select_one(".badge--distance").get_text()
    assert "radius=25" in near.select_one("h3 a")["href"]
    assert "radius=50" in far.select_one("h3 a")["href"]
    assert far["data-url"] == far.select_one("h3 a")["href"]
    assert not near.select_one("input[name=pick]").has_attr("checked")
    assert far.select_one("input[name=pick]").has_attr("checked")


def test_a_published_change_shows_on_the_next_search(client, directory, places):
    listing = ConsultantFactory(name="Phone Penny", phone="020 7946 0000")
    assert "020 7946 0000" in cards_of(client.get(URL, {"location": "London, UK"}))[0].text
    listing.phone = "020 7946 0999"
    listing.save_revision().publish()
    assert "020 7946 0999" in cards_of(client.get(URL, {"location": "London, UK"}))[0].text


def test_a_change_no_signal_sees_still_shows_on_the_next_search(client, directory, places):
    """An update straight to the row (as the credential check makes) changes the listing's
    fingerprint: no hand-kept list of fields or signal has to know about it."""
    listing = ConsultantFactory(name="Quiet Quinn", credentials=["ibclc"])
    before = cards_of(client.get(URL, {"location": "London, UK"}))[0].text
    assert "Self-reported" in before
    Consultant.objects.filter(pk=listing.pk).update(
        credential_verified_on=listing.last_verified, credential_number="L-1"
    )
    after = cards_of(client.get(URL, {"location": "London, UK"}))[0].text
    assert "Checked against the public register" in after


def test_without_a_shared_cache_every_card_is_drawn_afresh(
    client, directory, places, drawings, settings
):
    settings.RENDER_CACHE = False
    listing = ConsultantFactory(name="Fresh Fern")
    client.get(URL, {"location": "London, UK"})
    client.get(URL, {"location": "London, UK"})
    assert drawings == [listing.pk, listing.pk]


def test_cards_drawn_together_are_each_their_own_listings_with_every_word(
    client, directory, places, drawings
):
    """The cards a search lacks are drawn in one go and cut apart: each must be its own
    listing's, in the search's order, each with the words every card says."""
    names = ["Ada Near", "Bea Middle", "Cat Far"]
    for step, name in enumerate(names):
        ConsultantFactory(
            name=name, latitude=51.5074 + 0.01 * step, longitude=-0.1278, home_visit_radius_km=0
        )
    cards = cards_of(client.get(URL, {"lat": "51.507", "lon": "-0.128", "radius": "25"}))
    assert len(drawings) == 3
    assert [card.select_one("h3").get_text(strip=True) for card in cards] == names
    for card, name in zip(cards, names, strict=True):
        assert card["data-name"] == name
        assert card.select_one(".badges")["aria-label"] == "At a glance"
        assert "Add to a referral sheet" in card.select_one(".listing__pick").get_text()
        assert "Directions" in card.select_one(".listing__actions").get_text()
        assert "\x00" not in str(card)
