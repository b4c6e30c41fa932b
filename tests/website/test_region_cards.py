"""Each region's card is its own text: a parent searching from New York reads US advice."""

import pytest

from core.models import WarningSigns
from tests.core.test_help_now import card_text
from website.demo import content

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_card_of_its_own_for_every_region_it_writes_for(demo_site):
    assert set(WarningSigns.objects.filter(live=True).values_list("region", flat=True)) == set(
        content.WARNING_SIGNS
    )


def test_a_search_from_a_us_zip_shows_the_us_card_in_us_words(directory, client):
    us = card_text(client.get("/find-support/?location=10001"))
    assert us.startswith(
        "Call 911 now if your baby cannot be woken, has blue or gray lips or face, or has a seizure"
    )
    assert "100.4°F (38.0°C)" in us
    assert "Get urgent help now — call your doctor or your baby's doctor now" in us
    assert "Children's Hospital Colorado" in us and "Centers for Disease Control" in us
    for british in ("NHS", "999", "nappy", "health visitor", "£", "50p"):
        assert british not in us, british


def test_a_search_in_london_shows_the_uk_card(directory, client):
    uk = card_text(client.get("/find-support/?location=London"))
    assert uk.startswith("Call 999 now if")
    assert "Call NHS 111" in uk and "looks more yellow each day" in uk
    assert "911" not in uk and "°F" not in uk
