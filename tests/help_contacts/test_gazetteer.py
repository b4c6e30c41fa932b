"""Turning what a parent types into a point, offline."""

import pytest

from django.core.management import call_command

from help_contacts.data.place_names import place_key
from help_contacts.models import Place


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("St. Louis", "st louis"),
        ("Saint Louis", "st louis"),
        ("  ZÜRICH ", "zurich"),
        ("Springfield,  MO", "springfield, mo"),
        ("São Paulo", "sao paulo"),
    ],
)
def test_place_key_normalises_what_people_type(typed, key):
    assert place_key(typed) == key


def test_zip_code_lookup(places):
    assert Place.objects.resolve(text="10001").place == places["zip-10001"]
    assert Place.objects.resolve(text="10001-1234").place == places["zip-10001"]


def test_unknown_zip_and_unknown_place_find_nothing(places):
    assert Place.objects.resolve(text="99999") is None
    assert Place.objects.resolve(text="Atlantis") is None
    assert Place.objects.resolve(text=", , ,") is None


def test_place_name_lookup_ignores_case_and_accents(places):
    assert Place.objects.resolve(text="lóndon").place == places["london"]


def test_ambiguous_name_resolves_to_most_populous_and_lists_the_others(places):
    match = Place.objects.resolve(text="Springfield")
    assert match.place == places["springfield-mo"]
    assert match.alternatives == [places["springfield-il"]]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Springfield, IL", "springfield-il"),
        ("springfield, illinois", "springfield-il"),
        ("Springfield, Illinois, United States", "springfield-il"),
        ("London, Canada", "london-ca"),
        ("London, UK", "london"),
    ],
)
def test_a_region_or_country_picks_one_of_several(places, typed, expected):
    match = Place.objects.resolve(text=typed)
    assert match.place == places[expected]
    assert match.alternatives == []


def test_wrong_qualifier_finds_nothing(places):
    assert Place.objects.resolve(text="Springfield, France") is None


def test_listing_address_geocodes_from_zip_then_town(places):
    find = Place.objects.for_address
    assert find(postcode="10001", city="New York", country="US") == places["zip-10001"]
    assert find(city="Springfield", region="IL", country="US") == places["springfield-il"]
    assert Place.objects.for_address(city="London", country="CA") == places["london-ca"]
    assert Place.objects.for_address(city="Nowhere", country="US") is None


@pytest.mark.django_db
@pytest.mark.slow
def test_load_gazetteer_fills_the_table_from_packaged_data_once():
    call_command("load_gazetteer", verbosity=0)
    count = Place.objects.count()
    assert count > 70_000
    assert Place.objects.resolve(text="90210").place.label == "90210 (Beverly Hills, CA)"
    springfield = Place.objects.resolve(text="Springfield")
    assert springfield.place.label == "Springfield, Missouri, United States"
    assert "Springfield, Illinois, United States" in [p.label for p in springfield.alternatives]
    assert Place.objects.resolve(text="Paris").place.country_code == "FR"
    assert Place.objects.resolve(text="Paris, TX").place.admin1_code == "TX"
    assert Place.objects.resolve(text="Auckland").place.country_code == "NZ"

    call_command("load_gazetteer", verbosity=0)
    assert Place.objects.count() == count
