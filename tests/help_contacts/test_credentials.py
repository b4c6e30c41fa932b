"""Directory managers check credentials against the public register in one click."""

import datetime

import pytest
from dateutil.relativedelta import relativedelta

from django.core.exceptions import PermissionDenied
from django.urls import reverse

from help_contacts.data import services
from help_contacts.models import Consultant
from tests.conftest import member_of, visible_text
from tests.factories import ConsultantFactory

pytestmark = pytest.mark.django_db

CONSULTANTS = "wagtailsnippets_help_contacts_consultant"
STALE_AGE = relativedelta(months=20)


@pytest.fixture
def manager(db):
    return member_of("Directory managers", username="dana")


@pytest.fixture
def manager_client(client, manager):
    client.force_login(manager)
    return client


def published(**fields):
    listing = ConsultantFactory(**fields)
    listing.save_revision().publish()
    return Consultant.objects.get(pk=listing.pk)


def dashboard_panel(client):
    text = visible_text(client.get(reverse("wagtailadmin_home")))
    return text[text.index("Directory: waiting for you") :]


def verify_url(listing):
    return reverse(f"{CONSULTANTS}:verify_credential", args=[listing.pk])


def test_mark_verified_records_who_and_when_and_refreshes_last_verified(
    manager_client, manager, directory, today
):
    listing = published(slug="chloe", credential_number="L-1234", last_verified=today - STALE_AGE)
    page = manager_client.get(verify_url(listing))
    assert page.status_code == 200 and "L-1234" in visible_text(page)
    response = manager_client.post(verify_url(listing))
    assert response.status_code == 302
    listing.refresh_from_db()
    assert listing.credential_verified_on == today
    assert listing.credential_verified_by == manager
    assert listing.last_verified == today
    assert not listing.has_unpublished_changes
    assert listing.live_revision.as_object().last_verified == today
    history = visible_text(manager_client.get(reverse(f"{CONSULTANTS}:history", args=[listing.pk])))
    assert "Credentials checked against the public register" in history
    public = visible_text(manager_client.get("/find-support/chloe/"))
    assert f"Checked against the public register on {today:%-d %B %Y}" in public


def test_mark_verified_keeps_a_waiting_draft_unpublished(manager, directory, today):
    listing = published(name="Live Name", last_verified=today - STALE_AGE)
    draft = listing.get_latest_revision_as_object()
    draft.name = "Draft Name"
    draft.save_revision()
    services.credential_verify(consultant=listing, user=manager)
    listing.refresh_from_db()
    assert listing.name == "Live Name" and listing.last_verified == today
    assert listing.has_unpublished_changes
    newest = listing.get_latest_revision_as_object()
    assert newest.name == "Draft Name" and newest.last_verified == today
    assert newest.credential_verified_on == today


def test_publishing_an_older_version_keeps_the_credential_check(manager, directory, today):
    listing = published()
    old_revision = listing.live_revision
    services.credential_verify(consultant=listing, user=manager)
    old_revision.publish()
    listing.refresh_from_db()
    assert listing.credential_verified_on == today and listing.credential_verified_by == manager


def test_a_listing_without_credentials_has_nothing_to_verify(manager_client, directory):
    listing = published(credentials=[])
    assert manager_client.post(verify_url(listing)).status_code == 409
    listing.refresh_from_db()
    assert listing.credential_verified_on is None


def test_only_those_who_may_publish_listings_can_mark_verified(client, directory):
    listing = published()
    editor = member_of("Editors")
    client.force_login(editor)
    # Wagtail's admin answers a refusal with a redirect and a message, or a 403.
    assert client.post(verify_url(listing)).status_code in (302, 403)
    with pytest.raises(PermissionDenied):
        services.credential_verify(consultant=listing, user=editor)
    listing.refresh_from_db()
    assert listing.credential_verified_on is None


def test_dashboard_queues_credentials_due_and_verifies_them_in_one_click(
    manager_client, directory, today
):
    never = published(name="Never Checked Nell", credential_number="L-1")
    due = published(
        name="Due Soon Dora",
        credential_verified_on=today - STALE_AGE,
        recertification_due=today + datetime.timedelta(days=10),
    )
    published(
        name="Fine Fran",
        credential_verified_on=today,
        recertification_due=today + relativedelta(years=3),
    )
    published(name="No Credentials Noor", credentials=[])
    home = reverse("wagtailadmin_home")
    panel = dashboard_panel(manager_client)
    assert "2 credentials to check against the register" in panel
    assert "Never Checked Nell" in panel and "Due Soon Dora" in panel
    assert "Fine Fran" not in panel and "No Credentials Noor" not in panel
    response = manager_client.post(verify_url(never), {"next": home})
    assert response.status_code == 302 and response["Location"] == home
    panel = dashboard_panel(manager_client)
    assert "1 credential to check against the register" in panel
    assert "Never Checked Nell" not in panel
    assert due.pk in set(Consultant.objects.credential_check_due().values_list("pk", flat=True))


def test_an_outside_next_address_is_ignored(manager_client, directory):
    listing = published()
    response = manager_client.post(verify_url(listing), {"next": "https://evil.example/"})
    assert response.status_code == 302
    assert response["Location"] == reverse(f"{CONSULTANTS}:edit", args=[listing.pk])


def test_listing_admin_filter_shows_credentials_to_check(manager_client, directory, today):
    published(name="Never Checked Nell")
    published(name="Fine Fran", credential_verified_on=today)
    listing = visible_text(
        manager_client.get(reverse(f"{CONSULTANTS}:list"), {"status": "credential-due"})
    )
    assert "Never Checked Nell" in listing and "Fine Fran" not in listing
