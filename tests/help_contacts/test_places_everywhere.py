"""Every place a parent would type resolves offline, from the packaged open data.

The gazetteer's real rows are built once per session (`gazetteer_rows()`, about 235,000);
each test stores just the rows whose names or codes its search can reach, so the real
data and the real lookup are tested without loading the whole table every time.
"""

import math

import pytest

from core.regions import REGION_COUNTRIES, Region
from help_contacts.data.gazetteer import gazetteer_rows
from help_contacts.data.place_names import looks_like_postcode, place_key, postcode_keys
from help_contacts.models import Place
from tests.conftest import visible_text

pytestmark = [pytest.mark.django_db, pytest.mark.slow]  # builds the real rows once

UK_SITE = frozenset(REGION_COUNTRIES[Region.UK])
TOWN, ZIP, FSA, AU_POSTCODE, UK_AREA = 12, 8, 15, 25, 60  # km: how close each kind is

# (what a parent types, the country it must find, a true point there, how close in km)
PLACES = [
    # The UK: small towns, islands, ambiguous names, and postcodes found at their area.
    ("Thurso", "GB", (58.593, -3.522), TOWN),
    ("Hexham", "GB", (54.971, -2.101), TOWN),
    ("Stornoway", "GB", (58.209, -6.389), TOWN),
    ("Perth", "GB", (56.396, -3.437), TOWN),
    ("Perth, Scotland", "GB", (56.396, -3.437), TOWN),
    ("Leeds", "GB", (53.797, -1.548), TOWN),
    ("Manchester", "GB", (53.481, -2.242), TOWN),
    ("Birmingham", "GB", (52.486, -1.890), TOWN),
    ("Glasgow", "GB", (55.864, -4.252), TOWN),
    ("Boston", "GB", (52.976, -0.026), TOWN),
    ("Inverness", "GB", (57.478, -4.224), TOWN),
    ("Kendal", "GB", (54.328, -2.746), TOWN),
    ("Oban", "GB", (56.415, -5.472), TOWN),
    ("Aberystwyth", "GB", (52.415, -4.083), TOWN),
    ("Enniskillen", "GB", (54.344, -7.639), TOWN),
    ("Kirkwall", "GB", (58.981, -2.960), TOWN),
    ("Lerwick", "GB", (60.155, -1.145), TOWN),
    ("Penzance", "GB", (50.119, -5.537), TOWN),
    ("SW1A 1AA", "GB", (51.501, -0.142), UK_AREA),
    ("LS1 4AP", "GB", (53.800, -1.549), UK_AREA),
    ("ls14ap", "GB", (53.800, -1.549), UK_AREA),
    ("EH1 1YZ", "GB", (55.953, -3.189), UK_AREA),
    ("CF10 1AA", "GB", (51.481, -3.179), UK_AREA),
    ("M1", "GB", (53.481, -2.242), UK_AREA),
    ("IV1 1AA", "GB", (57.478, -4.224), UK_AREA),
    # The US: ZIP codes, small and remote towns, a state to tell namesakes apart.
    ("10001", "US", (40.750, -73.997), ZIP),
    ("59715", "US", (45.680, -111.040), ZIP),
    ("99835", "US", (57.053, -135.330), ZIP),
    ("Springfield, MO", "US", (37.209, -93.292), TOWN),
    ("Portland, OR", "US", (45.523, -122.676), TOWN),
    ("Portland, ME", "US", (43.661, -70.255), TOWN),
    ("Missoula", "US", (46.872, -113.994), TOWN),
    ("Ennis, MT", "US", (45.349, -111.732), TOWN),
    ("Wibaux, Montana", "US", (46.985, -104.188), TOWN),
    ("Marfa, TX", "US", (30.309, -104.020), TOWN),
    ("Hilo", "US", (19.707, -155.085), TOWN),
    # Canada: forward sortation areas, full postcodes found at theirs, towns by province.
    ("M5V 3L9", "CA", (43.642, -79.387), FSA),
    ("H2X", "CA", (45.512, -73.569), FSA),
    ("V6B 1A1", "CA", (49.280, -123.115), FSA),
    ("Thurso, Quebec", "CA", (45.600, -75.250), TOWN),
    ("London, Ontario", "CA", (42.984, -81.246), TOWN),
    ("Perth, Ontario", "CA", (44.900, -76.250), TOWN),
    ("Moose Jaw", "CA", (50.393, -105.551), TOWN),
    ("Whitehorse", "CA", (60.721, -135.057), TOWN),
    ("Iqaluit", "CA", (63.749, -68.522), TOWN),
    # Australia: postcodes and towns, namesakes told apart by state.
    ("2000", "AU", (-33.868, 151.207), AU_POSTCODE),
    ("3000", "AU", (-37.814, 144.963), AU_POSTCODE),
    ("0870", "AU", (-23.698, 133.881), AU_POSTCODE),
    ("Perth, Western Australia", "AU", (-31.953, 115.857), TOWN),
    ("Perth, Tasmania", "AU", (-41.573, 147.171), TOWN),
    ("Broome", "AU", (-17.962, 122.236), TOWN),
    ("Katherine, Australia", "AU", (-14.465, 132.264), TOWN),
    ("Ballarat", "AU", (-37.562, 143.850), TOWN),
    # Ireland.
    ("Dublin", "IE", (53.349, -6.260), TOWN),
    ("Galway", "IE", (53.271, -9.049), TOWN),
    ("Dingle, Ireland", "IE", (52.141, -10.268), TOWN),  # on a UK site "Dingle" is Liverpool's
    ("Westport, Ireland", "IE", (53.800, -9.522), TOWN),
    ("Letterkenny", "IE", (54.950, -7.734), TOWN),
    ("Clifden", "IE", (53.489, -10.019), TOWN),
]


@pytest.fixture(scope="session")
def packaged_rows():
    """The packaged rows any search below can reach, by key: built once a session."""
    keys = set()
    for typed, *_ in PLACES:
        if looks_like_postcode(typed):
            keys.update(postcode_keys(typed))
        keys.add(place_key(typed).split(",")[0].strip())
    return [row for row in gazetteer_rows() if row.key in keys]


def km_between(a, b):
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(h))


@pytest.mark.parametrize(("typed", "country", "point", "within_km"), PLACES)
def test_a_place_a_parent_types_is_found_where_it_is(
    packaged_rows, typed, country, point, within_km
):
    Place.objects.bulk_create(packaged_rows)
    match = Place.objects.resolve(text=typed, prefer_countries=UK_SITE)
    assert match is not None, typed
    place = match.place
    assert place.country_code == country, (typed, place.label)
    distance = km_between(point, (place.latitude, place.longitude))
    assert distance <= within_km, (typed, place.label, round(distance, 1))


def test_a_uk_postcode_is_found_at_its_area_and_says_so(packaged_rows):
    Place.objects.bulk_create(packaged_rows)
    match = Place.objects.resolve(text="SW1A 1AA", prefer_countries=UK_SITE)
    assert match.approximate
    assert match.place.label == "SW postcode area (around London South West), United Kingdom"
    exact = Place.objects.resolve(text="M5V", prefer_countries=UK_SITE)
    assert not exact.approximate and exact.place.country_code == "CA"


def test_the_sites_region_decides_a_shared_name_and_the_parents_words_override_it(
    packaged_rows,
):
    Place.objects.bulk_create(packaged_rows)
    assert Place.objects.resolve(text="Perth").place.country_code == "AU"  # no region: largest
    uk = Place.objects.resolve(text="Perth", prefer_countries=UK_SITE)
    assert uk.place.label == "Perth, United Kingdom" and uk.place.admin1_name == "Scotland"
    assert any(place.country_code == "AU" for place in uk.alternatives)
    us_site = frozenset(REGION_COUNTRIES[Region.US])
    assert Place.objects.resolve(text="Perth, Scotland", prefer_countries=us_site).place == (
        uk.place
    )


def test_the_results_page_and_the_api_say_when_a_search_starts_from_a_postcode_area(
    packaged_rows, directory, client
):
    Place.objects.bulk_create(packaged_rows)
    page = visible_text(client.get("/find-support/", {"location": "SW1A 1AA"}))
    assert "within 25 km of SW postcode area (around London South West)" in page
    assert "We do not hold every postcode, so this search starts from the middle" in page
    assert "Town, city, postcode or ZIP code" in page
    api = client.get("/api/v1/directory/", {"location": "SW1A 1AA"}).json()
    assert api["location"]["approximate"] is True
    exact = client.get("/api/v1/directory/", {"location": "10001"}).json()
    assert exact["location"]["approximate"] is False
