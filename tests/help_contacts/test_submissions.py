"""Suggested listings and problem reports wait for a person; spam is turned away."""

import re

import pytest

from django.conf import settings
from django.core.cache import cache
from django.test import Client, override_settings

from help_contacts.data import services
from help_contacts.data.services import listing_suggestion_create
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


@override_settings(DIRECTORY_SUBMISSIONS_PER_HOUR=2)
def test_suggestions_sent_back_with_errors_do_not_count_against_the_limit(
    client, directory, places
):
    for _ in range(3):
        assert client.post(SUGGEST, suggestion_form_data(name="")).status_code == 400
    for number in range(2):
        response = client.post(SUGGEST, suggestion_form_data(name=f"Person {number}"))
        assert response.status_code == 302
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


def test_a_second_identical_suggestion_sent_at_the_same_moment_takes_the_next_slug(db):
    leeds = {"name": "Mia Lund", "city": "Leeds", "country": "GB", "latitude": 53.8}
    first, second = Consultant(**leeds, longitude=-1.55), Consultant(**leeds, longitude=-1.55)
    # Both forms are checked (which picks the slug) before either listing is saved.
    first.full_clean()
    second.full_clean()
    listing_suggestion_create(consultant=first)
    listing_suggestion_create(consultant=second)
    assert first.slug == "mia-lund-leeds"
    assert second.slug == "mia-lund-leeds-2"
    assert Consultant.objects.filter(name="Mia Lund").count() == 2


def test_a_free_slug_is_found_in_one_query_however_many_share_the_name(
    db, django_assert_num_queries
):
    for number in range(1, 8):
        ConsultantFactory(slug="mia-lund-leeds" if number == 1 else f"mia-lund-leeds-{number}")
    with django_assert_num_queries(1):
        slug = Consultant(name="Mia Lund", city="Leeds").unique_slug()
    assert slug == "mia-lund-leeds-8"


def test_a_nul_byte_in_a_suggestion_is_refused_with_a_message(client, directory):
    response = client.post(SUGGEST, suggestion_form_data(name="Ann\x00e"))
    assert response.status_code == 400
    assert "Null characters are not allowed." in response.content.decode()
    assert not Consultant.objects.filter(source="suggestion").exists()


@override_settings(
    DIRECTORY_SUBMISSIONS_PER_HOUR=1,
    TRUSTED_PROXY_IPS=["10.0.0.2"],
    MIDDLEWARE=["website.request_limits.ClientAddressFromProxyMiddleware", *settings.MIDDLEWARE],
)
def test_visitors_behind_one_proxy_have_limits_of_their_own_and_cannot_forge_one(directory, places):
    def visitor(address, peer="10.0.0.2"):
        return Client(REMOTE_ADDR=peer, HTTP_X_REAL_IP=address)

    first, second = visitor("198.51.100.1"), visitor("198.51.100.2")
    assert first.post(SUGGEST, suggestion_form_data(name="Ann One")).status_code == 302
    assert second.post(SUGGEST, suggestion_form_data(name="Ben Two")).status_code == 302
    assert first.post(SUGGEST, suggestion_form_data(name="Ann Again")).status_code == 429

    # Straight to the app, not through the proxy: the header is not believed, so a client
    # cannot give itself a fresh address for each form.
    direct = visitor("198.51.100.3", peer="203.0.113.7")
    assert direct.post(SUGGEST, suggestion_form_data(name="Cy Three")).status_code == 302
    forged = visitor("198.51.100.4", peer="203.0.113.7")
    assert forged.post(SUGGEST, suggestion_form_data(name="Di Four")).status_code == 429
