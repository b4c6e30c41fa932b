"""Fixtures the website's tests share."""

import pytest

from tests.factories import DirectoryPageFactory, PlaceFactory
from tests.help_contacts.conftest import make_place


@pytest.fixture
def directory(demo_site):
    """The demo site's directory, with London and New York's ZIP 10001 to search from."""
    make_place(
        "London", country="United Kingdom", code="GB", latitude=51.5074, longitude=-0.1278,
        population=8_961_989,
    )  # fmt: skip
    PlaceFactory(
        kind="postcode", name="10001", key="10001", label="10001 (New York, NY)",
        label_key="10001", admin1_code="NY", country_code="US", latitude=40.7484,
        longitude=-73.9967, population=0,
    )  # fmt: skip
    return DirectoryPageFactory(parent=demo_site)
