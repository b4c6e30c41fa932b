"""Each role is offered only what it can use, in words that match the Medical review workflow."""

import pytest

from django.core import mail
from django.urls import reverse

from tests.conftest import member_of, visible_text
from tests.factories import FactorPageFactory, PracticalInsightFactory
from tests.website.admin_forms import submit_page

SEARCH_ALL_PAGES = 'placeholder="Search all pages…"'


@pytest.fixture
def factor(factor_index):
    return FactorPageFactory(parent=factor_index, slug="stress", title="Stress and tiredness")


def test_directory_managers_are_not_offered_a_page_search_they_cannot_use(client, home):
    client.force_login(member_of("Directory managers"))
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert SEARCH_ALL_PAGES not in dashboard
    # Their sidebar search goes to the listings they look after.
    assert reverse("wagtailsnippets_help_contacts_consultant:list") in dashboard
    assert client.get(reverse("wagtailadmin_pages:search")).status_code in (302, 403)

    client.force_login(member_of("Editors"))
    assert SEARCH_ALL_PAGES in client.get(reverse("wagtailadmin_home")).content.decode()


def test_bulk_actions_are_offered_only_to_roles_that_may_carry_them_out(client, factor):
    explore = reverse("wagtailadmin_explore", args=[factor.get_parent().pk])
    client.force_login(member_of("Editors"))
    html = client.get(explore).content.decode()
    for refused in ("Publish selected pages", "Unpublish selected pages", "Delete selected pages"):
        assert refused not in html

    PracticalInsightFactory()
    insights = reverse("wagtailsnippets_factors_practicalinsight:list")
    assert "Delete selected snippets" not in client.get(insights).content.decode()

    client.force_login(member_of("Medical reviewers"))
    html = client.get(explore).content.decode()
    assert "Publish selected pages" in html
    assert "Unpublish selected pages" in html
    assert "Delete selected snippets" in client.get(insights).content.decode()


def test_awaiting_your_review_is_first_and_says_what_each_row_is(client, factor, editor, reviewer):
    insight = PracticalInsightFactory(title="Pump early")
    client.force_login(editor)
    submit_page(client, factor, follow=True, summary="Changed.")
    insight.save_revision(user=editor)
    insight.get_workflow().start(insight, editor)  # as "Submit to Medical review" does

    client.force_login(reviewer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    awaiting = html.index('id="awaiting-review')
    assert awaiting < html.index('id="medical-reviews-due')
    panel = visible_text_of(html[awaiting : html.index("</table>", awaiting)])
    assert "Stress and tiredness Page: Factor page" in panel
    assert "Pump early Snippet: Practical insight" in panel


def visible_text_of(html):
    class Response:
        content = html.encode()

    return visible_text(Response)


def test_workflow_words_from_submission_to_the_request_for_changes(
    client, factor, editor, reviewer, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = submit_page(client, factor, follow=True, summary="A claim without a source.")
    text = visible_text(response)
    assert "has been sent to Medical review." in text
    assert "submitted for moderation" not in text
    (to_reviewer,) = [message for message in mail.outbox if message.to == [reviewer.email]]
    assert (
        to_reviewer.subject == "Medical review: “Stress and tiredness” is waiting for your review"
    )
    assert "moderation" not in (to_reviewer.subject + to_reviewer.body).lower()

    client.force_login(reviewer)
    factor.refresh_from_db()
    task_state = factor.current_workflow_task_state
    reject = reverse(
        "wagtailadmin_pages:workflow_action", args=[factor.pk, "reject", task_state.pk]
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reject, {"comment": "Please cite a source."})

    (email,) = [message for message in mail.outbox if message.to == [editor.email]]
    assert email.subject == "Medical review: changes requested to “Stress and tiredness”"
    assert "Rita Okafor requested changes to “Stress and tiredness” in Medical review." in (
        email.body
    )
    assert "Please cite a source." in email.body
    assert "rejected" not in (email.subject + email.body).lower()

    # The editor opening the page sees the request, who made it and the comment, at the top.
    client.force_login(editor)
    edit = visible_text(client.get(reverse("wagtailadmin_pages:edit", args=[factor.pk])))
    assert "Medical review: changes requested by Rita Okafor on" in edit
    assert "“Please cite a source.”" in edit
