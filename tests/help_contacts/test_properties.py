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
values = st.lists(st.one_of(text, plausible), min_size=1, max_size=3)
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
    assert response.status_code in (200, 400)
    data = response.json()
    if response.status_code == 400:
        assert data["errors"] and all(
            isinstance(messages, list) and messages for messages in data["errors"].values()
        )
    else:
        assert {"location", "radius_km", "count", "results"} <= data.keys()
