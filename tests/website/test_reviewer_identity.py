"""Readers see the reviewer from the approving account's reviewer profile, never a text field."""

import json

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse
from django.utils import timezone

from core.models import ReviewerProfile
from core.reviews import ReviewerProfileMissing, review_record_approval
from tests.conftest import member_of, visible_text
from tests.factories import FactorPageFactory, ReviewerProfileFactory
from tests.website.admin_forms import form_data, submit_page


@pytest.fixture
def factor(factor_index):
    return FactorPageFactory(parent=factor_index, slug="stress", title="Stress and tiredness")


def approve(client, page):
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {"comment": ""})


def json_ld(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return json.loads(soup.find("script", type="application/ld+json").string)


def test_editor_is_offered_no_reviewer_field_and_cannot_post_one(client, factor, editor, reviewer):
    impostor = ReviewerProfileFactory(display_name="Dr Made Up", credentials="FRCP")
    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[factor.pk])).content.decode()
    assert 'name="reviewed_by"' not in edit
    assert 'name="last_reviewed"' not in edit
    response = submit_page(
        client,
        factor,
        summary="Rest helps.",
        reviewed_by=str(impostor.pk),
        last_reviewed="2020-01-01",
    )
    assert response.status_code == 302

    client.force_login(reviewer)
    assert approve(client, factor).status_code == 302
    factor.refresh_from_db()
    assert factor.reviewed_by == reviewer.reviewer_profile
    assert factor.last_reviewed == timezone.localdate()

    client.logout()
    public = client.get(factor.url)
    text = visible_text(public)
    assert "Dr Made Up" not in text
    assert f"Last reviewed {timezone.localdate():%-d %B %Y} by Dr Rita Okafor, MBBS, IBCLC" in text
    data = json_ld(public)
    assert data["@type"] == "MedicalWebPage"
    assert data["lastReviewed"] == timezone.localdate().isoformat()
    assert data["reviewedBy"] == [
        {"@type": "Person", "name": "Dr Rita Okafor", "honorificSuffix": "MBBS, IBCLC"}
    ]


def test_a_reviewer_without_a_profile_cannot_approve_and_is_told_why(client, factor, editor):
    nameless = member_of("Medical reviewers", username="nameless", first_name="", last_name="")
    client.force_login(editor)
    submit_page(client, factor, summary="Needs a named reviewer.")

    client.force_login(nameless)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[factor.pk]))
    text = visible_text(edit)
    assert "to approve you need a reviewer profile" in text
    assert "Approve" not in [b.get_text(" ", strip=True) for b in BeautifulSoup(
        edit.content.decode(), "html.parser").find_all("button")]  # fmt: skip
    dashboard = visible_text(client.get(reverse("wagtailadmin_home")))
    assert "Add your reviewer profile" in dashboard

    # Wagtail answers a refused admin action by sending the user to the dashboard.
    response = approve(client, factor)
    assert response.status_code == 403 or response.url == reverse("wagtailadmin_home")
    factor.refresh_from_db()
    assert factor.last_reviewed is None and factor.reviewed_by is None
    assert factor.current_workflow_state.status == "in_progress"
    with pytest.raises(ReviewerProfileMissing):
        review_record_approval(obj=factor, reviewer=nameless)

    # Requesting changes needs no profile.
    task_state = factor.current_workflow_task_state
    reject = reverse(
        "wagtailadmin_pages:workflow_action", args=[factor.pk, "reject", task_state.pk]
    )
    assert client.post(reject, {"comment": "Cite a source."}).status_code == 302


def test_reviewer_sets_their_own_profile_in_account_settings(client, db):
    user = member_of("Medical reviewers", username="sam")
    client.force_login(user)
    account = client.get(reverse("wagtailadmin_account"))
    assert "Reviewer profile" in visible_text(account)
    html = account.content.decode()
    data = form_data(html, action="", **{
        "reviewer_profile-display_name": "Dr Sam Lee",
        "reviewer_profile-credentials": "MD, IBCLC",
    })  # fmt: skip
    response = client.post(reverse("wagtailadmin_account"), data)
    assert response.status_code == 302
    assert str(ReviewerProfile.objects.get(user=user)) == "Dr Sam Lee, MD, IBCLC"

    # Half a profile is refused with the form's message, and nothing is saved.
    data["reviewer_profile-credentials"] = ""
    response = client.post(reverse("wagtailadmin_account"), data)
    assert response.status_code == 200
    assert "This field is required." in visible_text(response)
    assert str(ReviewerProfile.objects.get(user=user)) == "Dr Sam Lee, MD, IBCLC"


def test_editors_have_no_reviewer_profile_panel_or_admin_list(client, editor, superuser):
    client.force_login(editor)
    assert "Reviewer profile" not in visible_text(client.get(reverse("wagtailadmin_account")))
    assert client.get(reverse("reviewer_profiles:index")).status_code in (302, 403)

    client.force_login(superuser)
    ReviewerProfileFactory(display_name="Dr Rita Okafor")
    listing = client.get(reverse("reviewer_profiles:index"))
    assert listing.status_code == 200
    assert "Dr Rita Okafor" in visible_text(listing)
