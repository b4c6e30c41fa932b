"""GET /api/v1/directory/: the same search as the page, as JSON."""

import jsonschema
import pytest

from tests.factories import ConsultantFactory

pytestmark = pytest.mark.django_db

API = "/api/v1/directory/"

RESULT_SCHEMA = {
    "type": "object",
    "required": [
        "id", "name", "url", "credentials", "practice_name", "address", "lat", "lon", "phone",
        "email", "website", "languages", "services", "costs", "specialties", "opening_hours",
        "accepting_new_clients", "home_visit_radius_km", "visits_your_area", "last_verified",
        "is_demo", "distance_km", "distance_miles",
    ],
    "properties": {
        "id": {"type": "integer"},
        "name": {"type": "string"},
        "url": {"type": ["string", "null"]},
        "credentials": {"type": "array", "items": {"type": "string"}},
        "languages": {"type": "array", "items": {"type": "string"}},
        "services": {"type": "array", "items": {"type": "string"}},
        "address": {"type": "object", "required": ["city", "postcode", "country"]},
        "distance_km": {"type": "number", "minimum": 0},
        "distance_miles": {"type": "number", "minimum": 0},
        "visits_your_area": {"type": "boolean"},
        "accepting_new_clients": {"type": "boolean"},
    },
}  # fmt: skip
RESPONSE_SCHEMA = {
    "type": "object",
    "required": ["location", "radius_km", "count", "next", "previous", "results"],
    "properties": {
        "location": {
            "type": "object",
            "required": ["name", "lat", "lon"],
            "properties": {
                "name": {"type": "string"},
                "lat": {"type": "number"},
                "lon": {"type": "number"},
            },
        },
        "radius_km": {"enum": [5, 10, 25, 50, 100]},
        "count": {"type": "integer"},
        "next": {"type": ["string", "null"]},
        "previous": {"type": ["string", "null"]},
        "results": {"type": "array", "items": RESULT_SCHEMA},
    },
}
ERROR_SCHEMA = {
    "type": "object",
    "required": ["errors"],
    "additionalProperties": False,
    "properties": {
        "errors": {
            "type": "object",
            "minProperties": 1,
            "additionalProperties": {
                "type": "array",
                "minItems": 1,
                "items": {"type": "string"},
            },
        }
    },
}


def test_response_matches_the_documented_shape(client, directory, places):
    ConsultantFactory(name="Near Nadia", slug="near-nadia", latitude=51.51, languages=["en", "pl"])
    response = client.get(API, {"location": "London, UK", "radius": "10"})
    assert response.status_code == 200
    data = response.json()
    jsonschema.validate(data, RESPONSE_SCHEMA)
    assert data["location"]["name"] == "London, United Kingdom"
    assert data["radius_km"] == 10
    assert data["count"] == 1
    [result] = data["results"]
    assert result["name"] == "Near Nadia"
    assert result["url"] == "http://testserver/find-support/near-nadia/"
    assert result["languages"] == ["en", "pl"]
    assert result["distance_km"] == pytest.approx(0.29, abs=0.01)


def test_api_and_page_agree(client, directory, places):
    for index in range(5):
        ConsultantFactory(name=f"Listing {index}", latitude=51.5 + index / 100, languages=["en"])
    ConsultantFactory(name="Polish only", languages=["pl"])
    params = {"location": "London, UK", "language": "en"}
    names = [r["name"] for r in client.get(API, params).json()["results"]]
    html = client.get("/find-support/", params).content.decode()
    assert [name for name in names if name in html] == names
    assert "Polish only" not in html and "Polish only" not in names


def test_pages_link_next_and_previous_keeping_the_query(client, directory, places):
    for index in range(25):
        ConsultantFactory(latitude=51.5 + index / 1000, services=["video"])
    first = client.get(API, {"location": "London, UK", "service": "video"}).json()
    assert first["count"] == 25 and len(first["results"]) == 20 and first["previous"] is None
    assert "service=video" in first["next"] and "page=2" in first["next"]
    second = client.get(first["next"]).json()
    assert len(second["results"]) == 5 and second["next"] is None
    assert "page=1" in second["previous"]


def test_ambiguous_place_lists_alternatives(client, directory, places):
    data = client.get(API, {"location": "Springfield"}).json()
    assert data["location"]["name"] == "Springfield, Missouri, United States"
    assert [alt["name"] for alt in data["alternatives"]] == ["Springfield, Illinois, United States"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "location"),
        ({"location": "x" * 201}, "location"),
        ({"lat": "51.5"}, "lon"),
        ({"lon": "0"}, "lat"),
        ({"lat": "north", "lon": "0"}, "lat"),
        ({"lat": "91", "lon": "0"}, "lat"),
        ({"lat": "0", "lon": "-181"}, "lon"),
        ({"lat": "nan", "lon": "0"}, "lat"),
        ({"lat": "0", "lon": "inf"}, "lon"),
        ({"location": "London, UK", "radius": "7"}, "radius"),
        ({"location": "London, UK", "radius": "-5"}, "radius"),
        ({"location": "London, UK", "language": "xx"}, "language"),
        ({"location": "London, UK", "service": "massage"}, "service"),
        ({"location": "London, UK", "specialty": "everything"}, "specialty"),
        ({"location": "London, UK", "cost": "cheap"}, "cost"),
        ({"location": "London, UK", "accepting": "maybe"}, "accepting"),
        ({"location": "London, UK", "q": "x" * 101}, "q"),
        ({"location": "London, UK", "page": "two"}, "page"),
        ({"location": "London, UK", "page": "0"}, "page"),
        ({"location": "Lon\x00don"}, "location"),
    ],
)
def test_bad_parameters_are_a_400_naming_the_field(client, directory, places, params, field):
    response = client.get(API, params)
    assert response.status_code == 400
    data = response.json()
    jsonschema.validate(data, ERROR_SCHEMA)
    assert field in data["errors"]


@pytest.mark.parametrize(
    ("params", "field"),
    [({"location": "Atlantis"}, "location"), ({"location": "London, UK", "page": "5"}, "page")],
)
def test_what_does_not_exist_is_a_404_naming_the_field(client, directory, places, params, field):
    """A well-formed search for a place the gazetteer does not hold, or a page past the
    last: nothing was found, so a 404 (the OpenAPI document says so too)."""
    response = client.get(API, params)
    assert response.status_code == 404
    data = response.json()
    jsonschema.validate(data, ERROR_SCHEMA)
    assert field in data["errors"]


def test_api_only_answers_get(client, directory):
    assert client.post(API, {"location": "London"}).status_code == 405


def test_api_query_count_does_not_grow_with_results(
    client, directory, places, django_assert_max_num_queries
):
    ConsultantFactory()
    client.get(API, {"location": "London, UK"})
    # As the page (test_directory_page), with the directory page's URL from the cache.
    with django_assert_max_num_queries(11) as few:
        client.get(API, {"location": "London, UK"})
    budget = len(few.captured_queries)  # read now: the next request starts a new query log
    for index in range(40):
        ConsultantFactory(latitude=51.5 + index / 1000)
    client.get(API, {"location": "London, UK"})  # the new listings cleared the cached reach
    with django_assert_max_num_queries(budget):
        assert len(client.get(API, {"location": "London, UK"}).json()["results"]) == 20
