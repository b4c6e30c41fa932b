"""Every version of seeded content is in History, with compare and revert, from the first."""

import io

import pytest

from django.urls import reverse

from wagtail.models import ModelLogEntry, PageLogEntry

from factors.models import FactorPage, PracticalInsight
from help_contacts.demo import load_directory_demo
from help_contacts.interchange.importing import ListingRecord, listings_import
from help_contacts.models import Consultant
from tests.conftest import member_of, visible_text
from tests.website.admin_forms import form_data

INSIGHTS = "wagtailsnippets_factors_practicalinsight"
CONSULTANTS = "wagtailsnippets_help_contacts_consultant"


def revert_to_first(client, *, revert_url_name, obj, field, edited_value):
    """Edit `obj`, then revert it to its first revision from History and publish that."""
    first = obj.revisions.order_by("created_at", "id").first()
    original = getattr(obj, field)
    history_url = (
        reverse("wagtailadmin_pages:history", args=[obj.pk])
        if revert_url_name.startswith("wagtailadmin_pages")
        else reverse(revert_url_name.replace("revisions_revert", "history"), args=[obj.pk])
    )
    revert_url = reverse(revert_url_name, args=[obj.pk, first.pk])
    setattr(obj, field, edited_value)
    obj.save_revision(log_action=True).publish()

    history = client.get(history_url)
    assert history.status_code == 200
    assert "Created" in visible_text(history) or "Edited" in visible_text(history)
    assert revert_url in history.content.decode()  # offered from History

    form = client.get(revert_url)
    assert form.status_code == 200
    data = form_data(form.content.decode(), action=revert_url, **{"action-publish": "1"})
    assert client.post(revert_url, data).status_code == 302
    obj.refresh_from_db()
    assert getattr(obj, field) == original


def test_seeded_pages_and_snippets_log_their_first_revision(demo_site):
    insight = PracticalInsight.objects.get(title="Look after your own rest")
    created = ModelLogEntry.objects.for_instance(insight).get(action="wagtail.create")
    assert created.revision_id == insight.revisions.order_by("id").first().pk
    for page in FactorPage.objects.all():
        first = page.revisions.order_by("id").first()
        entry = PageLogEntry.objects.get(page=page, revision=first, action="wagtail.edit")
        assert entry.content_changed


def test_reverting_a_seeded_insight_and_page_to_their_first_version(client, demo_site):
    reviewer = member_of("Medical reviewers")
    client.force_login(reviewer)
    insight = PracticalInsight.objects.get(title="Look after your own rest")
    revert_to_first(
        client,
        revert_url_name=f"{INSIGHTS}:revisions_revert",
        obj=insight,
        field="title",
        edited_value="A wrong title",
    )
    factor = FactorPage.objects.get(slug="stress-and-fatigue")
    revert_to_first(
        client,
        revert_url_name="wagtailadmin_pages:revisions_revert",
        obj=factor,
        field="summary",
        edited_value="A wrong summary.",
    )


def test_demo_listings_have_a_first_version_to_go_back_to(client, home):
    load_directory_demo(home=home, listings=3, log=lambda message: None, stream=io.StringIO())
    for listing in Consultant.objects.all():
        assert listing.live_revision_id == listing.latest_revision_id is not None
        actions = set(
            ModelLogEntry.objects.for_instance(listing)
            .filter(revision=listing.latest_revision_id)
            .values_list("action", flat=True)
        )
        assert actions == {"wagtail.create", "wagtail.publish"}

    client.force_login(member_of("Directory managers"))
    listing = Consultant.objects.order_by("pk").first()
    revert_to_first(
        client,
        revert_url_name=f"{CONSULTANTS}:revisions_revert",
        obj=listing,
        field="phone",
        edited_value="+1 202 555 0000",
    )


@pytest.mark.django_db
def test_imported_listings_are_logged_with_their_revision():
    record = ListingRecord(
        number=1,
        hsds_id=None,
        fields={
            "name": "Imported Person",
            "city": "London",
            "country": "GB",
            "latitude": 51.5,
            "longitude": -0.12,
            "languages": ["en"],
            "services": ["clinic"],
            "costs": ["free"],
            "credentials": ["ibclc"],
            "specialties": [],
        },
    )
    report = listings_import(records=[record], dry_run=False, user=None, record_noun="row")
    listing = Consultant.objects.get(pk=report.created[0].consultant_pk)
    entry = ModelLogEntry.objects.for_instance(listing).get(action="wagtail.create")
    assert entry.revision_id == listing.latest_revision_id
