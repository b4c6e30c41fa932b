"""/api/schema/ describes the APIs, and the real answers match what it says."""

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from openapi_spec_validator import validate as validate_openapi

from help_contacts.web.forms import SEARCH_PARAMETERS
from tests.factories import ConsultantFactory

pytestmark = pytest.mark.django_db

SCHEMA_URL = "/api/schema/"


@pytest.fixture
def document(client):
    response = client.get(SCHEMA_URL)
    assert response.status_code == 200
    return response.json()


def validator(document, name):
    return Draft202012Validator(
        {"$ref": f"#/components/schemas/{name}", "components": document["components"]},
        format_checker=FormatChecker(),
    )


def errors(document, name, data):
    return [error.message for error in validator(document, name).iter_errors(data)]


def test_the_document_is_valid_openapi_3_1(document):
    validate_openapi(document)
    assert set(document["paths"]) == {"/api/v1/directory/", "/api/v1/hsds/services/"}


def test_real_directory_answers_match_the_document(client, directory, places, document):
    ConsultantFactory(
        credential_number="L-1",
        services=["home-visits", "video"],
        home_visit_radius_km=20,
        remote_regions=["GB"],
    )
    ConsultantFactory(latitude=53.4808, longitude=-2.2426, services=["video"], remote_regions=["*"])
    data = client.get("/api/v1/directory/", {"location": "London, UK"}).json()
    assert data["results"] and data["remote"], "both lists are exercised"
    assert errors(document, "DirectoryPage", data) == []
    bad = client.get("/api/v1/directory/", {"location": "London, UK", "radius": "7"}).json()
    assert errors(document, "Errors", bad) == []


def test_the_check_can_fail(client, directory, places, document):
    ConsultantFactory()
    data = client.get("/api/v1/directory/", {"location": "London, UK"}).json()
    data["results"][0]["costs"] = ["cheap"]
    data["results"][0]["surprise"] = 1
    assert len(errors(document, "DirectoryPage", data)) >= 1


def test_real_hsds_answers_match_the_document(client, directory, document):
    ConsultantFactory()
    data = client.get("/api/v1/hsds/services/").json()
    assert data["contents"]
    assert errors(document, "HsdsPage", data) == []


def test_every_filter_the_form_takes_is_documented_with_the_forms_limits(document):
    (search,) = document["paths"]["/api/v1/directory/"]["get"]["parameters"]
    properties = search["schema"]["properties"]
    assert set(SEARCH_PARAMETERS) | {"page"} == set(properties)
    # Read from the form's fields, so a limit changed there changes here.
    assert properties["location"]["maxLength"] == 200
    assert properties["q"]["maxLength"] == 100
    assert properties["lat"]["minimum"] == -90 and properties["lon"]["maximum"] == 180
    assert properties["page"]["maximum"] == 10_000
    assert search["schema"]["dependentRequired"] == {"lat": ["lon"], "lon": ["lat"]}


def test_schema_answers_head_and_conditional_requests(client):
    first = client.get(SCHEMA_URL)
    assert client.head(SCHEMA_URL).status_code == 200
    assert client.get(SCHEMA_URL, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
