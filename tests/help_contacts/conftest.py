import pytest

from help_contacts.data.place_names import place_key
from tests.factories import DirectoryPageFactory, PlaceFactory


@pytest.fixture
def directory(home):
    return DirectoryPageFactory(parent=home)


def make_place(name, *, region="", region_code="", country="United States", code="US", **fields):
    label = ", ".join(part for part in (name, region, country) if part)
    return PlaceFactory(
        name=name,
        key=place_key(name),
        label=label,
        label_key=place_key(label),
        admin1_code=region_code,
        admin1_name=region,
        country_code=code,
        country_name=country,
        **fields,
    )


@pytest.fixture
def places(db):
    """A handful of real places, enough to search from without loading the whole gazetteer."""
    return {
        "london": make_place(
            "London", country="United Kingdom", code="GB", latitude=51.5074,
            longitude=-0.1278, population=8_961_989,
        ),
        "london-ca": make_place(
            "London", country="Canada", code="CA", region_code="08", latitude=42.9834,
            longitude=-81.233, population=422_324,
        ),
        "springfield-mo": make_place(
            "Springfield", region="Missouri", region_code="MO", latitude=37.2153,
            longitude=-93.2982, population=170_188,
        ),
        "springfield-il": make_place(
            "Springfield", region="Illinois", region_code="IL", latitude=39.8017,
            longitude=-89.6437, population=114_394,
        ),
        "zip-10001": PlaceFactory(
            kind="postcode", name="10001", key="10001", label="10001 (New York, NY)",
            label_key="10001", admin1_code="NY", latitude=40.7484, longitude=-73.9967,
            population=0,
        ),
    }  # fmt: skip
