"""How a result says its distance: rounded as a reader expects, in the reader's language,
and the same whether worked out afresh or remembered (representations.distance_label)."""

import pytest

from django.utils import translation

from help_contacts.data.representations import card_distance, distance_label


@pytest.mark.parametrize(
    ("km", "label"),
    [
        (0.29, "0.3 km (0.2 mi)"),  # rounded, not truncated
        (0.25, "0.2 km (0.2 mi)"),  # the miles from the distance itself, not the rounded km
        (1.04, "1.0 km (0.6 mi)"),
        (9.96, "10.0 km (6.2 mi)"),
        (10.4, "10 km (6 mi)"),
        (99.5, "100 km (62 mi)"),
        (None, ""),
    ],
)
def test_a_distance_is_said_in_kilometres_and_miles(km, label):
    with translation.override("en"):
        assert distance_label(km) == label
        assert distance_label(km) == label  # the second time, remembered


def test_each_language_says_a_distance_its_own_way():
    with translation.override("de"):
        assert distance_label(2.44) == "2,4 km (1,5 mi)"
    with translation.override("en"):
        assert distance_label(2.44) == "2.4 km (1.5 mi)"
    with translation.override("de"):
        assert distance_label(2.44) == "2,4 km (1,5 mi)"


def test_a_cards_distance_is_escaped_and_says_away():
    class Listing:
        distance_km = 3.21

    with translation.override("en"):
        assert card_distance(Listing()) == "3.2 km (2.0 mi) away"
