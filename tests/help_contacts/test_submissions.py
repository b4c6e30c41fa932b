"""Suggested listings and problem reports wait for a person; spam is turned away."""

import re

import pytest

from django.core.cache import cache
from django.test import Client, override_settings

from help_contacts.data import services
from help_contacts.models import Consultant, ListingSource, ProblemReport
from tests.conftest import member_of
from tests.factories import ConsultantFactory, suggestion_form_data

pytestmark = pytest.mark.django_db

SUGGEST = "/find-support/suggest-a-listing/"


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def test_suggested_listing_is_stored_as_a_draft_and_never_public_until_approved(
    client, directory, places
):
    response = client.post(SUGGEST, suggestion_form_data())
    assert response.status_code == 302
    assert response["Location"] == "/find-support/suggest-a-listing/thanks/"
    assert "A person will check it" in client.get(response["Location"]).content.decode()

    listing = Consultant.objects.get(name="Siobhan Walsh")
    assert listing.live is False
    assert listing.source == ListingSource.SUGGESTION
    assert listing.latest_revision is not None
    assert listing.latitude == pytest.approx(39.8017)

    search = {"location": "Springfield, IL"}
    assert "Siobhan Walsh" not in client.get("/find-support/", search).content.decode()
    assert client.get(f"/find-support/{listing.slug}/").status_code == 404
    assert client.get("/api/v1/directory/", search).json()["count"] == 0

    # A directory manager approves it (publishing it any other way is refused).
    services.suggestion_approve(consultant=listing, user=member_of("Directory managers"))
    assert "Siobhan Walsh" in client.get("/find-support/", search).content.decode()
    assert client.get(f"/find-support/{listing.slug}/").status_code == 200
    assert client.get("/api/v1/directory/", search).json()["count"] == 1


def test_suggestion_errors_are_shown_on_their_fields(client, directory, places):
    response = client.post(
        SUGGEST, suggestion_form_data(name="", city="Atlantis", email="not-an-email")
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert not Consultant.objects.exists()
    assert 'id="id_name_error"' in html and 'id="id_email_error"' in html
    assert 'id="id_city_error"' in html and "could not find this place" in html
    assert re.search(
        r'<input[^>]*name="name"[^>]*aria-describedby="id_name_error"', html
    ) or re.search(r'<input[^>]*aria-describedby="id_name_error"[^>]*name="name"', html)
    assert re.search(r'aria-invalid="true"', html)
    assert 'href="#id_name"' in html  # the error summary links to the field


def test_honeypot_submission_is_thanked_but_dropped(client, directory, places):
    response = client.post(SUGGEST, suggestion_form_data(homepage="http://spam.example"))
    assert response.status_code == 302
    assert not Consultant.objects.exists()


@override_settings(DIRECTORY_SUBMISSIONS_PER_HOUR=2)
def test_too_many_suggestions_from_one_address_are_refused(client, directory, places):
    for number in range(2):
        assert (
            client.post(SUGGEST, suggestion_form_data(name=f"Person {number}")).status_code == 302
        )
    response = client.post(SUGGEST, suggestion_form_data(name="Person 3"))
    assert response.status_code == 429
    assert "try again later" in response.content.decode()
    assert Consultant.objects.count() == 2


def test_suggestion_form_needs_a_csrf_token(directory, places):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(SUGGEST, suggestion_form_data()).status_code == 403
    assert not Consultant.objects.exists()


def test_problem_report_is_stored_for_a_person(client, directory):
    listing = ConsultantFactory(slug="zofia")
    page = client.get("/find-support/zofia/report/")
    assert page.status_code == 200 and "csrfmiddlewaretoken" in page.content.decode()
    response = client.post(
        "/find-support/zofia/report/", {"kind": "phone", "details": "Number rings out."}
    )
    assert response.status_code == 302
    report = ProblemReport.objects.get()
    assert (report.consultant, report.kind, report.resolved) == (listing, "phone", False)


def test_problem_report_needs_a_kind_and_cannot_target_a_draft(client, directory):
    ConsultantFactory(slug="zofia")
    ConsultantFactory(slug="draft", live=False)
    response = client.post("/find-support/zofia/report/", {"details": "?"})
    assert response.status_code == 400
    assert 'id="id_kind_error"' in response.content.decode()
    assert client.post("/find-support/draft/report/", {"kind": "phone"}).status_code == 404
    assert not ProblemReport.objects.exists()
