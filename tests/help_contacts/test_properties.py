"""Whatever is typed into any parameter, the page and the API answer without a server error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from help_contacts.web.forms import SEARCH_PARAMETERS
from tests.factories import ConsultantFactory

PARAMETERS = (*SEARCH_PARAMETERS, "page")
# Anything a URL can carry: every character except lone surrogates, which cannot be encoded.
text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
plausible = st.sampled_from(
    ["", "0", "1", "-1", "25", "100", "1e309", "nan", "-inf", "91", "-180.0", "London, UK",
     "Springfield", "10001", "en", "clinic", "free", "premature", "true", "%", "'", "\\"]
)  # fmt: skip
# Integers of any size, as digits, and text with control characters in it.
huge_numbers = st.integers(min_value=-(10**40), max_value=10**40).map(str)
controls = st.text(st.characters(whitelist_categories=("Cc",)), min_size=1, max_size=5)
values = st.lists(st.one_of(text, plausible, huge_numbers, controls), min_size=1, max_size=3)
queries = st.dictionaries(st.sampled_from(PARAMETERS), values, max_size=len(PARAMETERS))

HYPOTHESIS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def listings(directory, places):
    ConsultantFactory(services=["home-visits"], home_visit_radius_km=30)
    ConsultantFactory(latitude=37.2, longitude=-93.3, languages=["es"])


@pytest.mark.django_db
@HYPOTHESIS
@given(query=queries)
def test_directory_page_never_fails(client, listings, query):
    response = client.get("/find-support/", query)
    # A search it cannot run is a 400 that shows the form with its messages, never a 500.
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert '<ul class="errorlist"' in response.content.decode()


@pytest.mark.django_db
@HYPOTHESIS
@given(query=queries)
def test_directory_api_never_fails(client, listings, query):
    response = client.get("/api/v1/directory/", query)
    assert response.status_code in (200, 400, 404)  # 404: no such place, or page
    data = response.json()
    if response.status_code in (400, 404):
        assert data["errors"] and all(
            isinstance(messages, list) and messages for messages in data["errors"].values()
        )
    else:
        assert {"location", "radius_km", "count", "results"} <= data.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/find-support/", "/api/v1/directory/", "/api/v1/hsds/services/"])
@pytest.mark.parametrize("page", ["99999999999999999999999", "10001", "-5", "1e9"])
def test_a_page_number_of_any_size_is_refused_with_a_message(client, listings, url, page):
    response = client.get(url, {"lat": "51.5", "lon": "-0.12", "page": page})
    assert response.status_code == 400
    text = response.content.decode()
    assert "page" in text.lower()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("post", "/api/v1/directory/", 405),
        ("delete", "/api/v1/hsds/services/", 405),
        ("get", "/api/v1/no-such-thing/", 404),
    ],
)
def test_every_api_error_is_json(client, method, url, status):
    response = getattr(client, method)(url)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response.json()["errors"]["__all__"]
