"""Suggesters' and reporters' contact details go a set number of days after the decision."""

from datetime import timedelta
from io import StringIO

import pytest

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import ModelLogEntry

from help_contacts.data.retention import CONTACT_DETAILS_REMOVED, contact_details_remove
from help_contacts.models import Consultant, ListingSource, ProblemReport
from tests.factories import ConsultantFactory, ProblemReportFactory

pytestmark = pytest.mark.django_db

CONTACT = "Siobhan, siobhan@example.org"


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def suggestion(*, approved_days_ago=None, rejected_days_ago=None, **fields):
    """A suggested listing with a saved revision, decided (or not) that many days ago."""
    listing = ConsultantFactory(
        source=ListingSource.SUGGESTION,
        submitter_contact=CONTACT,
        live=approved_days_ago is not None,
        first_published_at=days_ago(approved_days_ago) if approved_days_ago is not None else None,
        rejected_at=days_ago(rejected_days_ago) if rejected_days_ago is not None else None,
        **fields,
    )
    listing.save_revision()
    return listing


def report(*, resolved_days_ago=None):
    listing = ConsultantFactory()
    return ProblemReportFactory(
        consultant=listing,
        reporter_email="parent@example.org",
        resolved=resolved_days_ago is not None,
        resolved_at=days_ago(resolved_days_ago) if resolved_days_ago is not None else None,
    )


def contact_in_revisions(listing):
    return [r.content.get("submitter_contact") for r in listing.revisions.all()]


def test_contact_details_go_after_the_retention_period_and_stay_before_it():
    old_approved = suggestion(approved_days_ago=91, name="Old approved")
    old_rejected = suggestion(rejected_days_ago=120, name="Old rejected")
    recent_approved = suggestion(approved_days_ago=89, name="Recent approved")
    recent_rejected = suggestion(rejected_days_ago=10, name="Recent rejected")
    waiting = suggestion(name="Waiting")  # undecided, however long it has waited
    old_resolved = report(resolved_days_ago=200)
    recent_resolved = report(resolved_days_ago=5)
    open_report = report()
    ProblemReport.objects.filter(pk=open_report.pk).update(created_at=days_ago(365))

    removed = contact_details_remove(retention_days=90)

    assert (removed.listings, removed.reports) == (2, 1)
    for listing in (old_approved, old_rejected):
        listing.refresh_from_db()
        assert listing.submitter_contact == ""
        assert contact_in_revisions(listing) == [""]  # and not in the history either
        assert listing.get_latest_revision_as_object().submitter_contact == ""
    for listing in (recent_approved, recent_rejected, waiting):
        listing.refresh_from_db()
        assert listing.submitter_contact == CONTACT
        assert contact_in_revisions(listing) == [CONTACT]
    old_resolved.refresh_from_db()
    assert old_resolved.reporter_email == ""
    for kept in (recent_resolved, open_report):
        kept.refresh_from_db()
        assert kept.reporter_email == "parent@example.org"


def test_each_removal_is_in_the_items_history_without_the_details():
    listing = suggestion(rejected_days_ago=100)
    resolved = report(resolved_days_ago=100)

    contact_details_remove(retention_days=30)

    for item in (listing, resolved):
        entry = ModelLogEntry.objects.for_instance(item).get(action=CONTACT_DETAILS_REMOVED)
        assert entry.data == {"retention_days": 30}
        assert entry.message == "Sender's contact details removed, 30 days after the decision"
        assert "example.org" not in str(entry.data) + entry.label
    # Nothing left to remove: running again changes and logs nothing.
    assert contact_details_remove(retention_days=30).listings == 0
    assert ModelLogEntry.objects.filter(action=CONTACT_DETAILS_REMOVED).count() == 2


def test_the_command_uses_the_setting_and_can_dry_run(settings):
    settings.CONTACT_DETAILS_RETENTION_DAYS = 60
    listing = suggestion(approved_days_ago=61)
    kept = suggestion(approved_days_ago=59)
    out = StringIO()

    call_command("purge_contact_details", "--dry-run", stdout=out)
    assert "Would remove contact details from 1 listing(s)" in out.getvalue()
    assert Consultant.objects.get(pk=listing.pk).submitter_contact == CONTACT

    call_command("purge_contact_details", stdout=out)
    assert "Removed contact details from 1 listing(s) and 0 problem report(s)" in out.getvalue()
    assert Consultant.objects.get(pk=listing.pk).submitter_contact == ""
    assert Consultant.objects.get(pk=kept.pk).submitter_contact == CONTACT

    call_command("purge_contact_details", "--days", "0", stdout=out)
    assert Consultant.objects.get(pk=kept.pk).submitter_contact == ""
