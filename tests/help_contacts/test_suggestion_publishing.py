"""No route publishes a suggested listing except approving it, with the decision and the email."""

import pytest

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

from help_contacts.data import services
from help_contacts.data.models.consultants import SuggestionNotApproved
from tests.conftest import member_of, visible_text
from tests.factories import SuggestedConsultantFactory
from tests.website.admin_forms import form_data

pytestmark = pytest.mark.django_db

CONSULTANTS = "wagtailsnippets_help_contacts_consultant"


@pytest.fixture
def manager_client(client):
    client.force_login(member_of("Directory managers"))
    return client


@pytest.fixture
def suggestion(db):
    return SuggestedConsultantFactory(name="Ada Byrne", phone="000")


def decisions(listing):
    return list(
        ModelLogEntry.objects.for_instance(listing)
        .filter(action=services.SUGGESTION_APPROVED)
        .values_list("user__username", flat=True)
    )


def test_edit_screen_says_it_is_an_unapproved_suggestion_with_approve_as_the_one_primary_action(
    manager_client, suggestion
):
    response = manager_client.get(reverse(f"{CONSULTANTS}:edit", args=[suggestion.pk]))
    assert response.status_code == 200
    text = visible_text(response)
    assert "This is a listing suggested by the public, not yet approved." in text
    html = response.content.decode()
    footer = html[html.index("<footer") :]
    # The footer's first (primary) button approves; a bare "Publish" is not offered.
    primary = footer[: footer.index("</button>")]
    assert "Approve and publish" in primary
    assert ">Publish<" not in footer.replace(" ", "").replace("\n", "")
    # The header menu keeps only the other decision.
    assert reverse(f"{CONSULTANTS}:reject_suggestion", args=[suggestion.pk]) in html
    assert reverse(f"{CONSULTANTS}:approve_suggestion", args=[suggestion.pk]) not in html


def test_footer_publish_approves_with_the_corrections_the_decision_and_the_email(
    manager_client, suggestion, django_capture_on_commit_callbacks
):
    url = reverse(f"{CONSULTANTS}:edit", args=[suggestion.pk])
    page = manager_client.get(url).content.decode()
    data = form_data(page, action=url, phone="+1 217 555 0199", **{"action-publish": "1"})
    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(url, data, follow=True)
    assert response.status_code == 200
    assert "“Ada Byrne” approved and published." in visible_text(response)

    suggestion.refresh_from_db()
    assert suggestion.live
    assert suggestion.phone == "+1 217 555 0199"
    assert suggestion.last_verified == timezone.localdate()
    assert not suggestion.is_waiting_suggestion
    assert len(decisions(suggestion)) == 1
    (email,) = mail.outbox
    assert email.to == ["suggester@example.org"]
    assert "Ada Byrne" in email.subject


def test_reverting_to_a_revision_and_publishing_also_goes_through_approval(
    manager_client, suggestion, django_capture_on_commit_callbacks
):
    revision = suggestion.get_latest_revision()
    url = reverse(f"{CONSULTANTS}:revisions_revert", args=[suggestion.pk, revision.pk])
    page = manager_client.get(url)
    assert page.status_code == 200
    data = form_data(page.content.decode(), action=url, **{"action-publish": "1"})
    with django_capture_on_commit_callbacks(execute=True):
        manager_client.post(url, data)
    suggestion.refresh_from_db()
    assert suggestion.live
    assert len(decisions(suggestion)) == 1
    assert len(mail.outbox) == 1


def test_publishing_a_waiting_suggestion_any_other_way_is_refused(suggestion):
    manager = member_of("Directory managers")
    with pytest.raises(SuggestionNotApproved):
        suggestion.get_latest_revision().publish(user=manager)
    suggestion.refresh_from_db()
    assert not suggestion.live
    assert suggestion.is_waiting_suggestion
    assert decisions(suggestion) == []
    assert mail.outbox == []


def test_a_published_listing_still_publishes_normally(manager_client, suggestion):
    manager = member_of("Directory managers", username="second")
    services.suggestion_approve(consultant=suggestion, user=manager)
    suggestion.refresh_from_db()
    draft = suggestion.get_latest_revision_as_object()
    draft.phone = "+1 217 555 0100"
    draft.save_revision(user=manager).publish(user=manager)
    suggestion.refresh_from_db()
    assert suggestion.phone == "+1 217 555 0100"
    assert len(decisions(suggestion)) == 1
