"""Open Referral HSDS 3.0 out: each listing as a valid service, the export command, the API."""

import json
import uuid

import pytest

from help_contacts.data import representations
from help_contacts.interchange.hsds import consultant_to_hsds
from help_contacts.interchange.importing import consultant_hsds_id
from help_contacts.models import Consultant, HsdsIdentity
from tests.factories import ConsultantFactory, complete_listing
from tests.help_contacts.hsds_support import export, page_validator, service_validator

pytestmark = pytest.mark.django_db

HSDS_API = "/api/v1/hsds/services/"
DIRECTORY_API = "/api/v1/directory/"
IMPORT_URL = "/admin/directory_import/"
INTERCHANGE_FIELDS = representations.INTERCHANGE_FIELDS


# Export -----------------------------------------------------------------------------------


def test_exported_listing_is_a_valid_hsds_3_service():
    service = consultant_to_hsds(consultant=complete_listing())

    validator = service_validator()
    assert list(validator.iter_errors(service)) == []
    # The schema check can fail: a service missing its required status is refused.
    assert not validator.is_valid({key: value for key, value in service.items() if key != "status"})


def test_export_maps_the_listing_onto_hsds_objects():
    consultant = complete_listing()
    service = consultant_to_hsds(consultant=consultant)

    assert service["name"] == "Zofia Nowak"
    assert service["organization"]["name"] == "Latch & Learn"
    assert service["phones"][0]["number"] == "+44 20 7946 0123"
    assert [language["code"] for language in service["languages"]] == ["pl", "en"]
    assert service["schedules"][0]["description"] == "Monday to Friday, 9am to 5pm"
    assert service["assured_date"] == "2025-03-01"
    location = service["service_at_locations"][0]["location"]
    assert (location["latitude"], location["longitude"]) == (51.5308, -0.1238)
    assert location["addresses"][0]["postal_code"] == "N1 9GU"
    codes = {
        (attribute["taxonomy_term"]["taxonomy"], attribute["taxonomy_term"]["code"]): attribute.get(
            "value"
        )
        for attribute in service["attributes"]
    }
    assert ("lactation-directory-service", "home-visits") in codes
    assert ("lactation-directory-credential", "ibclc") in codes
    assert codes[("lactation-directory-listing", "accepting-new-clients")] == "no"
    assert codes[("lactation-directory-listing", "home-visit-radius-km")] == "15"


def _object_ids(value, found):
    """Every `id` of an object in the document (references such as service_id are not ids)."""
    if isinstance(value, dict):
        if "id" in value:
            found.append(value["id"])
        for key, child in value.items():
            if key != "taxonomy_term" and key != "taxonomy_detail":
                _object_ids(child, found)
    elif isinstance(value, list):
        for child in value:
            _object_ids(child, found)
    return found


def test_export_ids_are_stable_and_distinct(tmp_path):
    complete_listing()
    complete_listing(name="Amara Obi", practice_name="")

    first = export(tmp_path, "first.json").read_text()
    second = export(tmp_path, "second.json").read_text()

    assert first == second
    ids = _object_ids(json.loads(first), [])
    assert len(ids) == len(set(ids))
    assert all(uuid.UUID(value).version == 5 for value in ids)


def test_export_command_writes_every_published_listing_by_name_and_no_drafts(tmp_path):
    ConsultantFactory(name="Bea")
    ConsultantFactory(name="Ann")
    ConsultantFactory(name="Draft Dora", live=False)

    services = json.loads(export(tmp_path).read_text())

    assert [service["name"] for service in services] == ["Ann", "Bea"]
    validator = service_validator()
    assert all(validator.is_valid(service) for service in services)


# The HSDS API -----------------------------------------------------------------------------


@pytest.fixture
def london_listings(places):
    """Listings at known distances from central London, with a few filters to tell apart."""
    listings = [
        ConsultantFactory(name="Near", latitude=51.51, longitude=-0.13, languages=["en", "pl"]),
        ConsultantFactory(name="Middle", latitude=51.6, longitude=-0.1, languages=["pl"]),
        ConsultantFactory(name="Far", latitude=51.75, longitude=-0.3, services=["video"]),
        ConsultantFactory(name="Also near", latitude=51.51, longitude=-0.13),
        ConsultantFactory(name="Draft", latitude=51.51, longitude=-0.13, live=False),
        ConsultantFactory(name="Leeds", latitude=53.8, longitude=-1.55),
    ]
    listings += [
        ConsultantFactory(name=f"Crowd {number:02}", latitude=51.52, longitude=-0.12)
        for number in range(25)
    ]
    return listings


@pytest.mark.parametrize(
    "params",
    [
        {"location": "London, United Kingdom", "radius": "50"},
        {"location": "London, United Kingdom", "radius": "50", "page": "2"},
        {"lat": "51.5074", "lon": "-0.1278", "radius": "25", "language": "pl"},
        {"location": "London, United Kingdom", "radius": "100", "service": "video"},
    ],
)
def test_hsds_api_gives_the_directory_apis_listings_in_its_order(client, london_listings, params):
    directory = client.get(DIRECTORY_API, params).json()
    hsds = client.get(HSDS_API, params).json()

    by_pk = {consultant.pk: consultant for consultant in london_listings}
    expected = [
        str(consultant_hsds_id(consultant=by_pk[result["id"]])) for result in directory["results"]
    ]
    assert expected  # each case finds something, so the comparison means something
    assert [service["id"] for service in hsds["contents"]] == expected
    assert hsds["total_items"] == directory["count"]


def test_hsds_api_without_a_place_lists_every_published_listing_by_name(client, london_listings):
    response = client.get(HSDS_API, {"per_page": "100"})

    data = response.json()
    names = [service["name"] for service in data["contents"]]
    published = Consultant.objects.filter(live=True).order_by("name", "pk")
    assert names == [consultant.name for consultant in published]
    assert "Draft" not in names


def test_hsds_api_page_follows_the_hsds_page_shape(client, london_listings):
    data = client.get(HSDS_API, {"page": "2", "per_page": "10"}).json()

    assert list(page_validator().iter_errors(data)) == []
    assert data["page_number"] == 2
    assert data["size"] == 10
    assert (data["first_page"], data["last_page"], data["empty"]) == (False, False, False)
    assert data["total_pages"] == 3  # 30 published listings, 10 a page
    validator = service_validator()
    assert all(validator.is_valid(service) for service in data["contents"])


def test_hsds_api_with_no_results_says_it_is_empty(client, places):
    data = client.get(HSDS_API, {"location": "London, United Kingdom"}).json()

    assert (data["total_items"], data["empty"], data["contents"]) == (0, True, [])


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"language": "pl"}, "location"),
        ({"per_page": "1000"}, "per_page"),
        ({"lat": "91", "lon": "0"}, "lat"),
    ],
)
def test_hsds_api_refuses_bad_parameters_with_a_400(client, london_listings, params, field):
    response = client.get(HSDS_API, params)

    assert response.status_code == 400
    assert response.json()["errors"][field]


@pytest.mark.parametrize(
    ("params", "field"), [({"location": "Atlantis"}, "location"), ({"page": "99"}, "page")]
)
def test_hsds_api_says_404_for_what_does_not_exist(client, london_listings, params, field):
    response = client.get(HSDS_API, params)
    assert response.status_code == 404
    assert response.json()["errors"][field]


def test_hsds_api_query_count_does_not_grow_with_the_page(
    client, london_listings, django_assert_max_num_queries
):
    HsdsIdentity.objects.create(consultant=london_listings[0], hsds_id=uuid.uuid4())
    params = {"location": "London, United Kingdom", "per_page": "50"}
    client.get(HSDS_API, params)  # caches the longest home-visit reach, which every search reads
    with django_assert_max_num_queries(4):
        response = client.get(HSDS_API, params)
    assert len(response.json()["contents"]) == 28  # all but Far, Leeds and the draft
