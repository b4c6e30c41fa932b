"""A listing's owner confirms or corrects it from an email, with no account.

Mail goes through a real SMTP server (aiosmtpd) and the tests follow the link in the
message that arrived, as the practitioner would.
"""

import datetime
import io
import json

import pytest

from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

from help_contacts.data import listing_checks
from help_contacts.interchange.hsds import consultant_to_hsds
from help_contacts.models import CheckOutcome, Consultant, ListingCheck, ProblemKind, ProblemReport
from tests.conftest import member_of, visible_text
from tests.factories import ConsultantFactory, DirectoryPageFactory
from tests.help_contacts.hsds_support import export, run_import, service_validator


@pytest.fixture
def directory(home):
    return DirectoryPageFactory(parent=home)


def going_stale(**fields):
    """A published listing last checked nearly a year ago, with its owner's address."""
    fields.setdefault("owner_email", "ada@example.org")
    fields.setdefault("name", "Ada Abbott")
    fields.setdefault("last_verified", timezone.localdate() - datetime.timedelta(days=350))
    return ConsultantFactory(**fields)


def test_the_owner_confirms_from_the_email_and_parents_see_it(directory, inbox, client):
    listing = going_stale()
    call_command("send_listing_checks")
    [link] = inbox.links("ada@example.org")

    page = client.get(link)
    assert page.status_code == 200
    text = visible_text(page)
    assert "Is your listing still right, Ada Abbott?" in text
    assert "020 7946 0000" in text  # the listing as parents see it
    assert page["Cache-Control"].startswith("private") and "no-store" in page["Cache-Control"]
    # Not "no-referrer": browsers would then post `Origin: null`, which CSRF refuses.
    assert page["Referrer-Policy"] == "same-origin"

    done = client.post(link, {"answer": "confirm"})
    assert done.status_code == 200
    assert "Thank you: your listing is up to date" in visible_text(done)

    listing.refresh_from_db()
    assert listing.last_verified == listing.owner_confirmed_on == timezone.localdate()
    assert not listing.is_stale
    card = visible_text(client.get(f"/find-support/{listing.slug}/"))
    assert "Confirmed by the practitioner on" in card
    entry = ModelLogEntry.objects.for_instance(listing).get(action=listing_checks.OWNER_CONFIRMED)
    assert entry.data["how"] == "owner, by email"

    # The link worked once.
    again = client.post(link, {"answer": "confirm"})
    assert again.status_code == 410
    assert "This link has been used already" in visible_text(again)


def owner_form(listing, **changes):
    """What the owner's form posts: every field as the page shows it, with `changes`."""
    data = {"answer": "change"}
    for name in (*listing_checks.OWNER_EDITABLE_FIELDS, *listing_checks.OWNER_PROPOSED_FIELDS):
        data[name] = changes.get(name, getattr(listing, name))
    if data["accepting_new_clients"]:
        data["accepting_new_clients"] = "on"
    else:
        del data["accepting_new_clients"]
    return data


def test_a_phone_correction_applies_at_once_and_is_a_logged_revision(directory, inbox, client):
    listing = going_stale()
    call_command("send_listing_checks")
    [link] = inbox.links("ada@example.org")
    answer = client.post(
        link, owner_form(listing, phone="020 7946 0999", opening_hours="Weekdays 9 to 5")
    )
    assert answer.status_code == 200, visible_text(answer)
    listing.refresh_from_db()
    assert listing.phone == "020 7946 0999"
    assert listing.live_revision == listing.latest_revision
    entry = ModelLogEntry.objects.for_instance(listing).get(action=listing_checks.OWNER_CHANGED)
    assert entry.data["fields"] == ["phone", "opening_hours"]
    assert "020 7946 0999" in visible_text(client.get(f"/find-support/{listing.slug}/"))


def test_a_bad_correction_is_explained_and_nothing_changes(directory, inbox, client):
    listing = going_stale()
    call_command("send_listing_checks")
    [link] = inbox.links("ada@example.org")
    answer = client.post(link, owner_form(listing, phone="x" * 500, website="not a site"))
    assert answer.status_code == 400
    assert "Please correct the following" in visible_text(answer)
    listing.refresh_from_db()
    assert listing.phone == "020 7946 0000"
    assert ListingCheck.objects.get().answered_at is None  # the link still works


def test_removing_takes_the_listing_down_only_when_the_owner_is_sure(directory, inbox, client):
    listing = going_stale()
    call_command("send_listing_checks")
    [link] = inbox.links("ada@example.org")
    assert client.post(link, {"answer": "remove"}).status_code == 400
    listing.refresh_from_db()
    assert listing.live
    assert client.post(link, {"answer": "remove", "sure": "yes"}).status_code == 200
    listing.refresh_from_db()
    assert not listing.live
    assert client.get(f"/find-support/{listing.slug}/").status_code == 404


def test_running_twice_sends_nothing_the_second_time(directory, inbox):
    going_stale()
    going_stale(owner_email="", name="No Address")  # goes to the managers' queue instead
    ConsultantFactory(owner_email="fresh@example.org")  # checked today: not due
    call_command("send_listing_checks")
    call_command("send_listing_checks")
    assert [message["To"] for message in inbox.messages] == ["ada@example.org"]
    assert ListingCheck.objects.count() == 1


def test_the_limit_caps_one_run_and_the_rest_wait_for_the_next(directory, inbox):
    for n in range(3):
        going_stale(owner_email=f"owner{n}@example.org", name=f"Owner {n}")
    call_command("send_listing_checks", limit=2)
    assert len(inbox.messages) == 2
    call_command("send_listing_checks", limit=2)
    assert len(inbox.messages) == 3


def test_a_tampered_link_reveals_nothing(directory, inbox, client):
    going_stale()
    call_command("send_listing_checks")
    [link] = inbox.links("ada@example.org")
    forged = link[:-3] + ("A" if link[-3] != "A" else "B") + link[-2:]
    for url in (forged, "/find-support/listing-check/nonsense/"):
        answer = client.get(url)
        assert answer.status_code == 404
        text = visible_text(answer)
        assert "We could not read this link" in text
        assert "Ada" not in text and "Send a new link" not in text
        assert client.post(url, {"answer": "confirm"}).status_code == 404


def test_an_expired_link_offers_a_fresh_one_to_the_same_address_only(
    directory, inbox, client, time_machine
):
    listing = going_stale()
    call_command("send_listing_checks")
    [link] = inbox.links("ada@example.org")
    time_machine.move_to(timezone.now() + datetime.timedelta(days=15))
    answer = client.get(link)
    assert answer.status_code == 410
    assert "This link is too old to use" in visible_text(answer)
    assert client.post(link, {"answer": "confirm"}).status_code == 410
    listing.refresh_from_db()
    assert listing.owner_confirmed_on is None

    # A fresh link goes to the address the first one went to, and works.
    client.post(link, {"resend": "1"})
    fresh = inbox.links("ada@example.org")[-1]
    assert fresh != link
    assert client.post(fresh, {"answer": "confirm"}).status_code == 200

    # Once the listing's address has changed, an old link sends nothing anywhere.
    Consultant.objects.filter(pk=listing.pk).update(owner_email="new@example.org")
    before = len(inbox.messages)
    assert client.post(fresh, {"resend": "1"}).status_code == 410
    assert len(inbox.messages) == before


def test_the_owners_address_is_never_public(directory, client):
    listing = going_stale(owner_email="secret-owner@example.org")
    for url in (
        f"/find-support/{listing.slug}/",
        "/find-support/?location=London",
        "/api/v1/directory/?lat=51.5074&lon=-0.1278",
        "/api/v1/hsds/services/",
    ):
        response = client.get(url)
        assert "secret-owner@example.org" not in response.content.decode(), url


# Changes that wait for a directory manager ------------------------------------------------


@pytest.fixture
def manager_client(client):
    manager = Client()
    manager.force_login(member_of("Directory managers"))
    return manager


def accept(manager_client, report):
    return manager_client.post(
        reverse("wagtailsnippets_help_contacts_problemreport:accept_report", args=[report.pk]),
        follow=True,
    )


def test_a_credential_change_waits_for_a_manager_while_the_phone_changes_at_once(
    directory, inbox, client, manager_client, django_capture_on_commit_callbacks
):
    listing = going_stale(credentials=["ibclc"], credential_verified_on=timezone.localdate())
    call_command("send_listing_checks")
    [link] = inbox.links("ada@example.org")
    answer = client.post(
        link, owner_form(listing, phone="020 7946 0999", credentials=["ibclc", "clc"])
    )
    assert answer.status_code == 200, visible_text(answer)
    assert "A directory manager will check your change to: Credentials" in visible_text(answer)

    listing.refresh_from_db()
    assert listing.phone == "020 7946 0999"  # at once
    assert listing.credentials == ["ibclc"]  # waits
    card = visible_text(client.get(f"/find-support/{listing.slug}/"))
    assert "020 7946 0999" in card and "Certified Lactation Counselor" not in card

    report = ProblemReport.objects.get(consultant=listing, kind=ProblemKind.OWNER_CHANGE)
    assert report.proposed_changes == {"credentials": ["ibclc", "clc"]}
    assert "→" in report.details and "Certified Lactation Counselor" in report.details
    entry = ModelLogEntry.objects.for_instance(listing).get(action=listing_checks.OWNER_ASKED)
    assert entry.data == {"how": "owner, by email", "fields": ["credentials"]}

    # The manager's queue names it; accepting publishes it and tells the owner.
    reports = visible_text(
        manager_client.get(reverse("wagtailsnippets_help_contacts_problemreport:list"))
    )
    assert "The listing's owner asked for a change" in reports
    assert "Accept: publish the owner's change" in reports
    with django_capture_on_commit_callbacks(execute=True):
        done = accept(manager_client, report)
    assert "The owner's change to" in visible_text(done)
    listing.refresh_from_db()
    assert listing.credentials == ["ibclc", "clc"] and listing.live
    assert listing.credential_verified_on is None  # the new credential is not checked yet
    assert listing.phone == "020 7946 0999"  # the change made at once stays
    assert inbox.messages[-1]["To"] == "ada@example.org"
    assert "Your listing is updated" in inbox.messages[-1]["Subject"]


def test_a_rejected_owner_change_leaves_the_listing_and_tells_the_owner_why(
    directory, inbox, client, manager_client, django_capture_on_commit_callbacks
):
    listing = going_stale()
    call_command("send_listing_checks")
    [link] = inbox.links("ada@example.org")
    client.post(link, owner_form(listing, name="Ada Abbott-Lovelace"))
    report = ProblemReport.objects.get(consultant=listing, kind=ProblemKind.OWNER_CHANGE)
    with django_capture_on_commit_callbacks(execute=True):
        manager_client.post(
            reverse("wagtailsnippets_help_contacts_problemreport:reject_report", args=[report.pk]),
            {"reason": "The register shows a different name."},
        )
    listing.refresh_from_db()
    assert listing.name == "Ada Abbott"
    body = inbox.messages[-1].get_body(preferencelist=("plain",)).get_content()
    assert "has not made it" in body and "The register shows a different name." in body


def test_a_new_address_is_placed_on_the_map_again_when_accepted(
    directory, inbox, client, manager_client, places
):
    listing = going_stale(city="London", country="GB")
    call_command("send_listing_checks")
    [link] = inbox.links("ada@example.org")
    client.post(
        link, owner_form(listing, city="Springfield", region="Illinois", country="US", postcode="")
    )
    listing.refresh_from_db()
    assert listing.city == "London"
    accept(manager_client, ProblemReport.objects.get(kind=ProblemKind.OWNER_CHANGE))
    listing.refresh_from_db()
    assert listing.city == "Springfield" and listing.country == "US"
    assert (round(listing.latitude, 2), round(listing.longitude, 2)) == (39.8, -89.64)


def test_the_public_report_form_cannot_pose_as_the_owner(directory, client):
    listing = ConsultantFactory()
    url = f"/find-support/{listing.slug}/report/"
    assert "owner asked" not in visible_text(client.get(url))
    answer = client.post(url, {"kind": ProblemKind.OWNER_CHANGE, "details": "Rename me"})
    assert answer.status_code == 400
    assert not ProblemReport.objects.exists()


# The link is bound to a live listing and its address ---------------------------------------


def test_a_listing_a_manager_took_down_is_not_put_back_by_the_owners_link(directory, inbox, client):
    listing = going_stale()
    call_command("send_listing_checks")
    [link] = inbox.links("ada@example.org")
    listing.unpublish()
    for response in (client.get(link), client.post(link, {"answer": "confirm"})):
        assert response.status_code == 404
        assert "Ada" not in visible_text(response)
    listing.refresh_from_db()
    assert not listing.live and listing.owner_confirmed_on is None


def test_a_link_sent_to_a_previous_owner_address_is_refused(directory, inbox, client):
    listing = going_stale()
    call_command("send_listing_checks")
    [link] = inbox.links("ada@example.org")
    Consultant.objects.filter(pk=listing.pk).update(owner_email="new-owner@example.org")
    assert client.post(link, {"answer": "confirm"}).status_code == 404
    listing.refresh_from_db()
    assert listing.owner_confirmed_on is None


def test_a_managers_draft_is_kept_when_the_owner_confirms(directory, inbox, client):
    listing = going_stale()
    draft = listing.get_latest_revision_as_object()
    draft.bio = "A draft about Ada, not published yet."
    draft.save_revision()
    call_command("send_listing_checks")
    [link] = inbox.links("ada@example.org")
    client.post(link, {"answer": "confirm"})

    listing.refresh_from_db()
    assert listing.owner_confirmed_on == timezone.localdate() and listing.bio == ""
    assert listing.has_unpublished_changes
    latest = listing.get_latest_revision_as_object()
    assert latest.bio == "A draft about Ada, not published yet."
    assert latest.last_verified == timezone.localdate()


# Bounces, reminders and what the manager sees ----------------------------------------------


def test_a_refused_address_is_counted_as_bounced_and_not_asked_again(
    directory, inbox, client, manager_client
):
    going_stale(owner_email="bounce@example.org")
    out = io.StringIO()
    call_command("send_listing_checks", stdout=out)
    assert "0 listing check(s), 1 bounced" in out.getvalue()
    assert ListingCheck.objects.get().outcome == CheckOutcome.BOUNCED
    call_command("send_listing_checks")
    assert ListingCheck.objects.count() == 1
    panel = visible_text(manager_client.get(reverse("wagtailadmin_home")))
    assert "1 bounced (the address was refused)" in panel


def test_one_reminder_then_the_unanswered_link_expires_and_the_manager_sees_it(
    directory, inbox, client, manager_client, time_machine
):
    listing = going_stale()
    call_command("send_listing_checks")
    [link] = inbox.links("ada@example.org")

    time_machine.move_to(timezone.now() + datetime.timedelta(days=3))
    call_command("send_listing_checks")
    assert len(inbox.messages) == 1  # too soon to remind

    time_machine.move_to(timezone.now() + datetime.timedelta(days=5))
    out = io.StringIO()
    call_command("send_listing_checks", stdout=out, verbosity=2)
    assert "1 reminder(s)" in out.getvalue()
    assert "Reminder:" in inbox.messages[-1]["Subject"]
    [_, reminder_link] = inbox.links("ada@example.org")
    call_command("send_listing_checks")
    assert len(inbox.messages) == 2  # reminded once only
    panel = visible_text(manager_client.get(reverse("wagtailadmin_home")))
    assert "1 listing unconfirmed after a reminder" in panel and "Ada Abbott" in panel

    # Fourteen days after the reminder the link has run out: counted as ignored.
    time_machine.move_to(timezone.now() + datetime.timedelta(days=15))
    call_command("send_listing_checks")
    assert ListingCheck.objects.filter(outcome=CheckOutcome.EXPIRED).count() == 1
    assert client.post(reminder_link, {"answer": "confirm"}).status_code == 410
    listing.refresh_from_db()
    assert listing.owner_confirmed_on is None


# Open data --------------------------------------------------------------------------------


def test_the_hsds_export_of_a_confirmed_listing_validates_and_carries_its_assurance(
    directory, inbox, client, settings, tmp_path
):
    settings.DIRECTORY_ASSURER_EMAIL = "directory@milk.example.org"
    listing = going_stale()
    call_command("send_listing_checks")
    [link] = inbox.links("ada@example.org")
    client.post(link, {"answer": "confirm"})
    listing.refresh_from_db()

    service = consultant_to_hsds(consultant=listing)
    assert list(service_validator().iter_errors(service)) == []
    today = timezone.localdate().isoformat()
    assert service["assured_date"] == today
    assert service["assurer_email"] == "directory@milk.example.org"
    confirmed = [
        attribute
        for attribute in service["attributes"]
        if attribute["taxonomy_term"]["code"] == "confirmed-by-practitioner-on"
    ]
    assert [attribute["value"] for attribute in confirmed] == [today]
    assert "ada@example.org" not in json.dumps(service)

    # An import keeps the date and how it was confirmed.
    path = export(tmp_path)
    Consultant.objects.all().delete()
    run_import(path)
    imported = Consultant.objects.get()
    assert imported.last_verified == imported.owner_confirmed_on == timezone.localdate()
