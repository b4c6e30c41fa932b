"""Postcodes beyond the US: an operator's open postcode file, searched like ZIP codes."""

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError

from help_contacts.models import Place
from tests.factories import ConsultantFactory

pytestmark = pytest.mark.django_db

# The ONS Postcode Directory's columns (a few of its fifty), with a terminated postcode and
# one without a grid reference, which the loader must leave out.
ONSPD = """pcd,pcd2,pcds,dointr,doterm,lat,long
SW1A1AA,SW1A 1AA,SW1A 1AA,198001,,51.501009,-0.141588
SW1A2AA,SW1A 2AA,SW1A 2AA,198001,,51.503540,-0.127695
LS1 1BA,LS1  1BA,LS1 1BA,198001,,53.796370,-1.547410
LS1 4AP,LS1  4AP,LS1 4AP,198001,,53.800750,-1.549120
LS1 9ZZ,LS1  9ZZ,LS1 9ZZ,198001,200312,53.790000,-1.540000
ZZ991ZZ,ZZ99 1ZZ,ZZ99 1ZZ,198001,,99.999999,0.000000
"""


@pytest.fixture
def uk_postcodes(tmp_path, directory, places):
    path = tmp_path / "ONSPD_sample.csv"
    path.write_text(ONSPD, encoding="utf-8")
    call_command("load_gazetteer", file=str(path), country="GB", verbosity=0)
    return path


def test_full_postcodes_and_outward_codes_are_found_however_they_are_typed(uk_postcodes):
    for typed in ("SW1A 1AA", "sw1a1aa", "  Sw1a 1aA "):
        assert Place.objects.resolve(text=typed).place.latitude == pytest.approx(51.501009)
    leeds = Place.objects.resolve(text="LS1").place
    # The outward code sits in the middle of its live postcodes; the terminated one is out.
    assert leeds.latitude == pytest.approx((53.796370 + 53.800750) / 2)
    assert leeds.label == "LS1, United Kingdom"
    # A postcode the file lacks (terminated here) is found at its outward code, and says so.
    terminated = Place.objects.resolve(text="LS1 9ZZ")
    assert terminated.place == leeds and terminated.approximate
    assert not Place.objects.resolve(text="LS1 1BA").approximate
    assert Place.objects.resolve(text="ZZ99 1ZZ") is None
    assert Place.objects.resolve(text="10001").place.label == "10001 (New York, NY)"


def test_the_directory_searches_from_a_uk_postcode_and_promises_postcodes(client, uk_postcodes):
    ConsultantFactory(name="Ada Lovelace", latitude=53.80, longitude=-1.55, city="Leeds")
    response = client.get("/find-support/", {"location": "LS1 1BA", "radius": "5"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ada Lovelace" in html
    assert "Town, city, postcode or ZIP code" in html
    api = client.get("/api/v1/directory/", {"location": "ls1"}).json()
    assert api["location"]["name"] == "LS1, United Kingdom" and api["count"] == 1


def test_without_a_postcode_file_the_form_promises_only_zip_codes(client, directory, places):
    html = client.get("/find-support/").content.decode()
    assert "Town, city or ZIP code" in html and "postcode" not in html.split("<form")[1][:2000]


def test_a_listing_geocodes_from_its_uk_postcode(uk_postcodes):
    assert Place.objects.for_address(postcode="SW1A 2AA", city="", country="GB").name == (
        "SW1A 2AA"
    )
    assert Place.objects.for_address(postcode="SW1A 2AA", city="", country="US") is None


def test_loading_the_file_again_replaces_that_countrys_postcodes_only(uk_postcodes, tmp_path):
    smaller = tmp_path / "one.csv"
    smaller.write_text("postcode,latitude,longitude\nM1 1AE,53.4794,-2.2453\n", encoding="utf-8")
    call_command("load_gazetteer", file=str(smaller), country="GB", verbosity=0)
    assert Place.objects.resolve(text="SW1A 1AA") is None
    assert Place.objects.resolve(text="M1").place.name == "M1"
    assert Place.objects.resolve(text="10001") is not None


@pytest.mark.parametrize(
    ("content", "country", "message"),
    [
        ("name,lat,long\nA,1,2\n", "GB", "no pcds or postcode column"),
        ("pcds,lat,long\nSW1A 1AA,99.999999,0\n", "GB", "no postcode with a location"),
        ("pcds,lat,long\n", "G", "two letters"),
        (b"pcds,lat,long\n\xff\xfe,1,2\n", "GB", "not UTF-8"),
    ],
)
def test_a_file_that_cannot_be_loaded_is_refused_and_changes_nothing(
    uk_postcodes, tmp_path, content, country, message
):
    path = tmp_path / "bad.csv"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("load_gazetteer", file=str(path), country=country, verbosity=0)
    assert Place.objects.resolve(text="SW1A 1AA") is not None
