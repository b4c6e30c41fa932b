"""Directory managers decide on what the public sends; nothing reaches the site without them."""

import re

import pytest

from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from help_contacts.data import services
from help_contacts.models import Consultant, ListingSource, ProblemReport, ReportOutcome
from tests.conftest import member_of, visible_text
from tests.factories import (
    ConsultantFactory,
    ProblemReportFactory,
    SuggestedConsultantFactory,
    suggestion_form_data,
)

pytestmark = pytest.mark.django_db

CONSULTANTS = "wagtailsnippets_help_contacts_consultant"
REPORTS = "wagtailsnippets_help_contacts_problemreport"
SEARCH = {"location": "Springfield, IL"}


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def manager(db):
    return member_of("Directory managers")


@pytest.fixture
def manager_client(client, manager):
    client.force_login(manager)
    return client


def dashboard_panel(client):
    text = visible_text(client.get(reverse("wagtailadmin_home")))
    start = text.find("Directory: waiting for you")
    assert start != -1, "the directory panel is missing"
    return text[start:]


def suggest(client, **changes):
    data = suggestion_form_data(submitter_contact="Siobhan (siobhan@example.org)", **changes)
    response = Client().post("/find-support/suggest-a-listing/", data)
    assert response.status_code == 302
    return Consultant.objects.get(name=data["name"])


def public_sees(listing):
    """Whether a visitor finds the listing on the directory page, at its URL and in the API."""
    visitor = Client()
    on_page = listing.name in visitor.get("/find-support/", SEARCH).content.decode()
    at_url = visitor.get(f"/find-support/{listing.slug}/").status_code == 200
    api = visitor.get("/api/v1/directory/", SEARCH).json()
    in_api = listing.name in [result["name"] for result in api["results"]]
    assert on_page == at_url == in_api, (on_page, at_url, in_api)
    return on_page


# Suggested listings -------------------------------------------------------------------------


def test_suggestion_is_public_only_after_a_directory_manager_approves_it(
    manager_client, manager, directory, places, django_capture_on_commit_callbacks
):
    listing = suggest(manager_client)
    assert not public_sees(listing)

    queue = visible_text(manager_client.get(reverse(f"{CONSULTANTS}:list"), {"status": "waiting"}))
    assert "Siobhan Walsh" in queue
    assert "Suggestion waiting for approval" in queue
    assert "Approve and publish" in queue
    assert "1 suggested listing waiting" in dashboard_panel(manager_client)

    approve_url = reverse(f"{CONSULTANTS}:approve_suggestion", args=[listing.pk])
    confirm = manager_client.get(approve_url)
    assert confirm.status_code == 200
    assert "Approve suggested listing" in visible_text(confirm)
    assert "Siobhan (siobhan@example.org)" in visible_text(confirm)

    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(approve_url, follow=True)
    assert response.status_code == 200
    assert "“Siobhan Walsh” approved and published." in visible_text(response)

    listing.refresh_from_db()
    assert listing.live
    assert listing.last_verified == timezone.localdate()
    assert public_sees(listing)
    assert "0 suggested listings waiting" in dashboard_panel(manager_client)

    history = visible_text(manager_client.get(reverse(f"{CONSULTANTS}:history", args=[listing.pk])))
    assert "Suggestion approved" in history
    assert "Published" in history
    assert manager.get_full_name() in history

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["siobhan@example.org"]
    assert "Siobhan Walsh" in email.subject
    assert f"/find-support/{listing.slug}/" in email.body


def test_approval_publishes_the_managers_corrections_to_the_draft(
    manager_client, manager, directory, places
):
    listing = suggest(manager_client, phone="000")
    draft = listing.get_latest_revision_as_object()
    draft.phone = "+1 217 555 0199"
    draft.save_revision(user=manager)

    manager_client.post(reverse(f"{CONSULTANTS}:approve_suggestion", args=[listing.pk]))

    page = Client().get(f"/find-support/{listing.slug}/").content.decode()
    assert "+1 217 555 0199" in page
    assert "000" not in re.findall(r"tel:[^\"]*", page)[0]


def test_rejecting_a_suggestion_keeps_it_unpublished_records_the_reason_and_emails_the_submitter(
    manager_client, directory, places, django_capture_on_commit_callbacks
):
    listing = suggest(manager_client)
    reject_url = reverse(f"{CONSULTANTS}:reject_suggestion", args=[listing.pk])
    assert 'name="reason"' in manager_client.get(reject_url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(
            reject_url, {"reason": "Not a lactation service; a baby shop."}, follow=True
        )
    assert "Suggestion “Siobhan Walsh” rejected." in visible_text(response)

    listing.refresh_from_db()
    assert not listing.live
    assert listing.rejection_reason == "Not a lactation service; a baby shop."
    assert not public_sees(listing)

    listings = reverse(f"{CONSULTANTS}:list")
    assert "Siobhan Walsh" not in visible_text(manager_client.get(listings, {"status": "waiting"}))
    assert "Siobhan Walsh" not in visible_text(manager_client.get(listings))
    rejected = visible_text(manager_client.get(listings, {"status": "rejected"}))
    assert "Siobhan Walsh" in rejected and "Suggestion rejected" in rejected
    assert "0 suggested listings waiting" in dashboard_panel(manager_client)

    history = visible_text(manager_client.get(reverse(f"{CONSULTANTS}:history", args=[listing.pk])))
    assert "Suggestion rejected" in history
    assert "Not a lactation service; a baby shop." in history

    (email,) = mail.outbox
    assert email.to == ["siobhan@example.org"]
    assert "Not a lactation service; a baby shop." in email.body

    # Once rejected, it cannot be approved by a stale link: the manager is told why.
    again = manager_client.post(reverse(f"{CONSULTANTS}:approve_suggestion", args=[listing.pk]))
    assert again.status_code == 409
    assert "someone has already approved or rejected it" in visible_text(again)
    listing.refresh_from_db()
    assert not listing.live


def test_rejecting_without_a_reason_is_refused_on_the_form(manager_client):
    listing = SuggestedConsultantFactory(name="Ada Byrne")
    response = manager_client.post(
        reverse(f"{CONSULTANTS}:reject_suggestion", args=[listing.pk]), {"reason": "   "}
    )
    assert response.status_code == 400
    assert "This field is required." in visible_text(response)
    listing.refresh_from_db()
    assert listing.rejected_at is None and listing.is_waiting_suggestion
    assert mail.outbox == []


def test_no_email_is_sent_when_the_submitter_gave_none(
    manager_client, django_capture_on_commit_callbacks
):
    listing = SuggestedConsultantFactory(submitter_contact="Ada, 020 7946 0000")
    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(
            reverse(f"{CONSULTANTS}:reject_suggestion", args=[listing.pk]), {"reason": "Duplicate"}
        )
    assert response.status_code == 302
    assert mail.outbox == []


# Problem reports ----------------------------------------------------------------------------


def test_accepting_a_report_flags_the_listing_for_re_verification_and_resolves_the_report(
    manager_client, manager, django_capture_on_commit_callbacks
):
    long_ago = timezone.localdate() - timezone.timedelta(days=200)
    listing = ConsultantFactory(name="Grace Okafor", last_verified=long_ago)
    listing.save_revision(user=manager).publish(user=manager)
    # A draft saved before the report must not clear the flag when it is published later.
    old_draft = listing.save_revision(user=manager)
    report = ProblemReportFactory(consultant=listing, reporter_email="parent@example.org")

    reports = visible_text(manager_client.get(reverse(f"{REPORTS}:list")))
    assert "Grace Okafor" in reports and "Accept: re-verify the listing" in reports
    assert "1 problem report waiting" in dashboard_panel(manager_client)

    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(
            reverse(f"{REPORTS}:accept_report", args=[report.pk]), follow=True
        )
    assert "The listing is flagged for re-verification." in visible_text(response)

    report.refresh_from_db()
    assert report.resolved and report.outcome == ReportOutcome.ACCEPTED
    assert "Grace Okafor" not in visible_text(manager_client.get(reverse(f"{REPORTS}:list")))

    panel = dashboard_panel(manager_client)
    assert "0 problem reports waiting" in panel
    assert "1 listing to re-verify after a problem report" in panel
    assert "Grace Okafor" in panel
    flagged = visible_text(
        manager_client.get(reverse(f"{CONSULTANTS}:list"), {"status": "reverify"})
    )
    assert "Grace Okafor" in flagged and "Re-verify: a problem was reported" in flagged
    history = visible_text(manager_client.get(reverse(f"{CONSULTANTS}:history", args=[listing.pk])))
    assert "Re-verification requested after a problem report" in history

    (email,) = mail.outbox
    assert email.to == ["parent@example.org"]
    assert "Grace Okafor" in email.body

    # The listing stays public, as it was, until a person checks it.
    listing.refresh_from_db()
    assert listing.live and listing.last_verified == long_ago

    old_draft.publish(user=manager)
    listing.refresh_from_db()
    assert listing.reverification_requested

    # A check published after the request clears the flag.
    checked = listing.get_latest_revision_as_object()
    checked.last_verified = timezone.localdate()
    checked.save_revision(user=manager).publish(user=manager)
    assert "0 listings to re-verify after a problem report" in dashboard_panel(manager_client)


def test_rejecting_a_report_records_the_reason_and_leaves_the_listing_alone(
    manager_client, django_capture_on_commit_callbacks
):
    report = ProblemReportFactory(consultant__name="Mei Chen", reporter_email="")
    url = reverse(f"{REPORTS}:reject_report", args=[report.pk])

    blank = manager_client.post(url, {"reason": ""})
    assert blank.status_code == 400
    assert "This field is required." in visible_text(blank)

    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(url, {"reason": "Checked: the number is right."})
    assert response.status_code == 302

    report.refresh_from_db()
    assert report.resolved and report.outcome == ReportOutcome.REJECTED
    assert report.rejection_reason == "Checked: the number is right."
    assert not report.consultant.reverification_requested
    assert mail.outbox == []  # the reporter gave no email

    rejected = visible_text(manager_client.get(reverse(f"{REPORTS}:list"), {"status": "rejected"}))
    assert "Mei Chen" in rejected
    history = visible_text(manager_client.get(reverse(f"{REPORTS}:history", args=[report.pk])))
    assert "Report rejected" in history and "Checked: the number is right." in history


# Who may decide, and how ------------------------------------------------------------------


@pytest.fixture
def waiting():
    return {
        "suggestion": SuggestedConsultantFactory(name="Waiting Person"),
        "report": ProblemReportFactory(),
    }


def decision_urls(waiting):
    suggestion, report = waiting["suggestion"].pk, waiting["report"].pk
    return [
        reverse(f"{CONSULTANTS}:approve_suggestion", args=[suggestion]),
        reverse(f"{CONSULTANTS}:reject_suggestion", args=[suggestion]),
        reverse(f"{REPORTS}:accept_report", args=[report]),
        reverse(f"{REPORTS}:reject_report", args=[report]),
    ]


def assert_nothing_decided(waiting):
    suggestion = Consultant.objects.get(pk=waiting["suggestion"].pk)
    assert suggestion.is_waiting_suggestion and not suggestion.live
    report = ProblemReport.objects.get(pk=waiting["report"].pk)
    assert not report.resolved and report.outcome == ""
    assert not report.consultant.reverification_requested


@pytest.mark.parametrize("group", ["Editors", "Medical reviewers"])
def test_people_without_directory_permissions_cannot_decide(client, waiting, group):
    client.force_login(member_of(group))
    for url in decision_urls(waiting):
        assert client.get(url).status_code in (302, 403), url
        assert client.post(url, {"reason": "Spam"}).status_code in (302, 403), url
    assert_nothing_decided(waiting)


def test_services_refuse_people_without_directory_permissions(waiting):
    editor = member_of("Editors")
    with pytest.raises(services.PermissionDenied):
        services.suggestion_approve(consultant=waiting["suggestion"], user=editor)
    with pytest.raises(services.PermissionDenied):
        services.problem_report_accept(report=waiting["report"], user=editor)
    assert_nothing_decided(waiting)


def test_opening_a_decision_page_changes_nothing(manager_client, waiting):
    for url in decision_urls(waiting):
        response = manager_client.get(url)
        assert response.status_code == 200, url
        assert 'method="post"' in response.content.decode()
    assert_nothing_decided(waiting)


def test_a_decision_without_the_csrf_token_is_refused(manager, waiting):
    client = Client(enforce_csrf_checks=True)
    client.force_login(manager)
    for url in decision_urls(waiting):
        assert client.post(url, {"reason": "Spam"}).status_code == 403, url
    assert_nothing_decided(waiting)


def test_unknown_ids_are_not_found(manager_client):
    for name in (f"{CONSULTANTS}:approve_suggestion", f"{REPORTS}:reject_report"):
        response = manager_client.post(reverse(name, args=[987654]), {"reason": "x"})
        assert response.status_code == 404, name


def test_a_published_listing_is_not_a_suggestion_to_approve(manager_client):
    listing = ConsultantFactory(name="Long Standing", source=ListingSource.EDITOR)
    response = manager_client.get(reverse(f"{CONSULTANTS}:approve_suggestion", args=[listing.pk]))
    assert response.status_code == 409
    assert "is not a suggestion waiting for approval" in visible_text(response)
    assert "Approve and publish" not in visible_text(
        manager_client.get(reverse(f"{CONSULTANTS}:edit", args=[listing.pk]))
    )


def test_a_resolved_report_cannot_be_decided_again(manager_client):
    report = ProblemReportFactory(resolved=True, outcome=ReportOutcome.REJECTED)
    response = manager_client.post(reverse(f"{REPORTS}:accept_report", args=[report.pk]))
    assert response.status_code == 409
    assert "already been resolved" in visible_text(response)
    assert not report.consultant.reverification_requested


def test_the_submitter_email_is_found_in_what_they_typed():
    assert Consultant(submitter_contact="Ann <ann@example.org>").submitter_email == (
        "ann@example.org"
    )
    assert Consultant(submitter_contact="Ann, 020 7946 0000").submitter_email == ""
    assert Consultant(submitter_contact="me@ not-an-email").submitter_email == ""
