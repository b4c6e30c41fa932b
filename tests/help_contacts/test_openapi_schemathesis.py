"""Schemathesis, with every check it has, against both APIs: the OpenAPI document may not
let a client send what the API refuses, nor the API answer what the document does not say.

Driven from a plain Hypothesis test (Schemathesis's own pytest plugin does not run under
pytest 9), in process, through the WSGI application.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

from tests.factories import ConsultantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def operations(directory, places):
    ConsultantFactory(services=["home-visits"], home_visit_radius_km=30)
    ConsultantFactory(latitude=37.2, longitude=-93.3, languages=["es"])
    # As Django's test client does: a request through the WSGI application must not close
    # the test's database connection (and its transaction) when it ends.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())
        yield {result.ok().label: result.ok() for result in schema.get_all_operations()}
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_both_apis_are_described(operations):
    assert {"GET /api/v1/directory/", "GET /api/v1/hsds/services/"} <= set(operations)


@pytest.mark.parametrize("label", ["GET /api/v1/directory/", "GET /api/v1/hsds/services/"])
def test_every_request_the_description_allows_gets_the_answer_it_promises(operations, label):
    operation = operations[label]

    @settings(
        max_examples=80,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
    )
    @given(data=st.data())
    def check(data):
        case = data.draw(operation.as_strategy())
        case.call_and_validate()

    check()
