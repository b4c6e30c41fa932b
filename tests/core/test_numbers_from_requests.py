"""Every number read from a request goes through one parser, `core.numbers.whole_number`.

The class of hole: `str.isdigit()` accepts Unicode digits ("²", "₅", "①", "𐩀") that `int()`
then refuses, and `int()` reads integers of any size that the database then refuses; each
gave a public 500. The property test feeds every parameter of every public form (taken from
the forms themselves, so a new field is covered the day it is added) with such values and
expects an answer, never a server error.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.numbers import WholeNumberField, ascii_int, whole_number
from help_contacts.demo import load_directory_demo
from help_contacts.web.forms import (
    DirectorySearchForm,
    ProblemReportForm,
    ReferralSheetForm,
    SuggestListingForm,
)
from help_contacts.web.interchange_forms import HsdsServicesForm
from tests.factories import ConsultantFactory
from tests.help_contacts.conftest import make_place
from website.forms import AppointmentPlanForm

NOT_NUMBERS = [
    "²", "₅", "①", "𐩀", "1²", "٣", "๓", "１", "+1", "-1", " 1_0", "1e9", "1.0", "0x10", "nan",
    "inf", "9" * 19, "9" * 30, "9" * 5000, "-" + "9" * 40, "\x00", "1\x00", "",
]  # fmt: skip


@pytest.mark.parametrize("value", NOT_NUMBERS)
def test_only_ascii_digits_in_range_are_a_number(value):
    assert whole_number(value) is None or value.strip().isascii()
    with pytest.raises(ValueError):
        if whole_number(value) is None:
            ascii_int(value)
        else:
            raise ValueError("an ASCII number in range")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("0", 0), ("42", 42), (" 7 ", 7), (str(2**63 - 1), 2**63 - 1), (str(2**63), None), (3, 3)],
)
def test_ascii_digits_are_read(value, expected):
    assert whole_number(value) == expected


def test_the_field_says_what_it_wants():
    field = WholeNumberField(required=False)
    with pytest.raises(Exception, match="whole number"):
        field.clean("²")


# (method, url, the form whose fields are the parameters) for every public form.
PUBLIC_FORMS = [
    ("get", "/find-support/", DirectorySearchForm),
    ("get", "/api/v1/directory/", DirectorySearchForm),
    ("get", "/api/v1/hsds/services/", HsdsServicesForm),
    ("get", "/find-support/referral-sheet/", ReferralSheetForm),
    ("get", "/my-appointment-plan/", AppointmentPlanForm),
    ("post", "/find-support/suggest-a-listing/", SuggestListingForm),
    ("post", "/find-support/someone/report/", ProblemReportForm),
]
EXTRA = {"/find-support/": ["page"], "/api/v1/directory/": ["page"]}
awkward = st.one_of(
    st.sampled_from(NOT_NUMBERS),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(st.characters(whitelist_categories=("Nd", "No", "Nl")), min_size=1, max_size=4),
)


@pytest.fixture
def site(demo_site):
    """The demo site (with its appointment plan), its directory and one listing."""
    directory = load_directory_demo(home=demo_site, listings=0, log=lambda message: None)
    make_place("London", country="United Kingdom", code="GB", latitude=51.5, longitude=-0.12)
    ConsultantFactory(slug="someone")
    return directory


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "url", "form"), PUBLIC_FORMS, ids=[u for _, u, _ in PUBLIC_FORMS]
)
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_number_in_any_public_parameter_gives_a_server_error(
    client, site, method, url, form, data
):
    names = [*form.base_fields, *EXTRA.get(url, [])]
    query = {
        name: data.draw(st.lists(awkward, min_size=1, max_size=2), label=name)
        for name in data.draw(st.sets(st.sampled_from(names), min_size=1), label="fields")
    }
    response = getattr(client, method)(url, query)
    assert response.status_code < 500, (url, query)


@pytest.mark.django_db
@pytest.mark.parametrize("pick", ["%C2%B2", "²", "₅", "①", "𐩀", "1²", "9" * 5000, "9" * 25])
def test_the_referral_sheet_refuses_a_pick_that_is_not_a_listing(client, site, pick):
    response = client.get("/find-support/referral-sheet/", {"pick": pick})
    assert response.status_code == 400
    assert "not in the directory" in response.content.decode() or "Tick" in (
        response.content.decode()
    )


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["None", "abc", "²", "9" * 30, "-1", ""])
@pytest.mark.parametrize(
    "model", ["wagtailcore/page", "wagtailimages/image", "wagtaildocs/document"]
)
def test_the_admins_bulk_actions_refuse_an_id_that_is_not_one(client, home, model, value):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(f"/admin/bulk/{model}/delete/", {"id": value})
    assert response.status_code == 400
