"""Health content goes live only through the Medical review workflow, which records the review."""

import datetime

import pytest
from dateutil.relativedelta import relativedelta

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, Site, Workflow
from wagtail.test.utils.form_data import rich_text

from core.models import SiteSettings
from core.reviews import review_record_approval
from factors.models import FactorPage, PracticalInsight
from tests.conftest import visible_text
from tests.factories import PracticalInsightFactory
from tests.website.admin_forms import form_data, submit_page
from website.models import ArticlePage

FACTOR_URL = "/why-milk-can-be-slow/stress-and-fatigue/"
ARTICLE_URL = "/breastfeeding-issues/when-breast-milk-is-not-coming-out/"


@pytest.fixture
def factor(demo_site):
    return FactorPage.objects.get(slug="stress-and-fatigue")


def workflow_action(client, page, action, comment=""):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def test_medical_review_workflow_covers_pages_and_health_snippets(demo_site):
    workflow = Workflow.objects.get(name="Medical review")
    for page in (
        ArticlePage.objects.get(),
        FactorPage.objects.first(),
        Page.objects.get(slug="about"),
    ):
        assert page.get_workflow() == workflow
    assert PracticalInsight.get_default_workflow() == workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Medical reviewers"]


def test_editors_change_to_a_factor_is_not_public_until_a_reviewer_approves(
    client, factor, editor, reviewer
):
    old_summary = factor.summary
    client.force_login(editor)
    response = submit_page(client, factor, summary="Rest helps milk flow: a new summary.")
    assert response.status_code == 302

    public = visible_text(client.get(FACTOR_URL))
    assert old_summary in public
    assert "a new summary" not in public
    factor.refresh_from_db()
    assert factor.workflow_in_progress

    client.force_login(reviewer)
    dashboard = visible_text(client.get(reverse("wagtailadmin_home")))
    assert "Awaiting your review" in dashboard
    assert factor.title in dashboard
    response = workflow_action(client, factor, "approve")
    assert response.status_code == 302

    client.logout()
    public = visible_text(client.get(FACTOR_URL))
    assert "Rest helps milk flow: a new summary." in public


def test_approval_records_the_review_dates_and_the_reviewer(client, factor, editor, reviewer):
    today = timezone.localdate()
    client.force_login(editor)
    submit_page(client, factor, summary="Reviewed summary.")
    client.force_login(reviewer)
    workflow_action(client, factor, "approve")

    factor.refresh_from_db()
    assert factor.last_reviewed == today
    assert factor.next_review_due == today + relativedelta(months=12)
    assert str(factor.reviewed_by) == "Dr Rita Okafor, MBBS, IBCLC"
    assert not factor.has_unpublished_changes

    client.logout()
    public = visible_text(client.get(FACTOR_URL))
    # The factor's insights and contacts are not reviewed yet, so the page as a whole is not;
    # its own text's review is listed with the reviewer's name and credentials.
    assert "Last reviewed Not every part of this page has been medically reviewed yet" in public
    assert (
        f"This page's own text: reviewed {today:%-d %B %Y} by Dr Rita Okafor, MBBS, IBCLC" in public
    )
    assert f"Next review due {today + relativedelta(months=12):%-d %B %Y}" in public


def test_approval_uses_the_sites_review_period(client, factor, editor, reviewer):
    settings_obj = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_obj.review_period_months = 6
    settings_obj.save()
    client.force_login(editor)
    submit_page(client, factor, summary="Six-monthly summary.")
    client.force_login(reviewer)
    workflow_action(client, factor, "approve")

    factor.refresh_from_db()
    today = timezone.localdate()
    assert factor.next_review_due == today + relativedelta(months=6)


def test_rejection_returns_the_change_with_the_reviewers_comment(client, factor, editor, reviewer):
    client.force_login(editor)
    submit_page(client, factor, summary="A claim without a source.")
    client.force_login(reviewer)
    mail.outbox.clear()
    response = workflow_action(client, factor, "reject", comment="Please cite a source.")
    assert response.status_code == 302

    factor.refresh_from_db()
    assert factor.current_workflow_state.status == "needs_changes"
    assert factor.last_reviewed is None
    assert "A claim without a source." not in visible_text(client.get(FACTOR_URL))

    # The editor is told by email and sees the comment in the page's workflow history.
    assert any("Please cite a source." in message.body for message in mail.outbox)
    assert [message.to for message in mail.outbox if "cite" in message.body] == [[editor.email]]
    client.force_login(editor)
    history = client.get(
        reverse(
            "wagtailadmin_pages:workflow_history_detail",
            args=[factor.pk, factor.current_workflow_state.pk],
        )
    )
    assert "Please cite a source." in visible_text(history)


def test_editors_insight_goes_live_only_after_approval(client, demo_site, editor, reviewer):
    insight = PracticalInsightFactory(title="Sleep when the baby sleeps", live=False)
    client.force_login(editor)
    url = reverse("wagtailsnippets_factors_practicalinsight:edit", args=[insight.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Submit to Medical review" in page.content.decode()
    response = client.post(
        url,
        form_data(
            page.content.decode(),
            action=url,
            body=rich_text("<p>Even a short nap helps.</p>"),
            **{"action-submit": "1"},
        ),
    )
    assert response.status_code == 302
    insight.refresh_from_db()
    assert not insight.live
    assert insight.workflow_in_progress

    client.force_login(reviewer)
    task_state = insight.current_workflow_task_state
    approve_url = reverse(
        "wagtailsnippets_factors_practicalinsight:workflow_action",
        args=[insight.pk, "approve", task_state.pk],
    )
    assert client.post(approve_url, {"comment": ""}).status_code == 302
    insight.refresh_from_db()
    assert insight.live
    assert "Even a short nap helps." in insight.body


def test_reverting_to_an_earlier_revision_restores_the_public_text(client, factor, reviewer):
    original = factor.summary
    factor.summary = "A summary that turned out to be wrong."
    factor.save_revision(user=reviewer).publish(user=reviewer)
    assert "turned out to be wrong" in visible_text(client.get(FACTOR_URL))
    earlier = factor.revisions.order_by("created_at", "id").first()

    client.force_login(reviewer)
    revert_url = reverse("wagtailadmin_pages:revisions_revert", args=[factor.pk, earlier.pk])
    revert_form = client.get(revert_url)
    assert revert_form.status_code == 200
    assert original in revert_form.content.decode()
    data = form_data(
        revert_form.content.decode(),
        action=revert_url,
        **{"action-publish": "1", "references-count": "0"},
    )
    assert data["summary"] == original
    assert client.post(revert_url, data).status_code == 302

    client.logout()
    public = visible_text(client.get(FACTOR_URL))
    assert original in public
    assert "turned out to be wrong" not in public
    assert factor.get_latest_revision().user == reviewer


def test_scheduled_change_goes_live_when_publish_scheduled_runs(factor, reviewer, client):
    factor.summary = "Scheduled summary."
    factor.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    factor.save_revision(user=reviewer).publish(user=reviewer)
    assert "Scheduled summary." not in visible_text(client.get(FACTOR_URL))

    # An hour passes: move the schedule into the past rather than wait.
    revision = factor.get_latest_revision()
    assert revision.approved_go_live_at is not None
    due = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = due
    revision.content["go_live_at"] = due.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled", verbosity=0)
    assert "Scheduled summary." in visible_text(client.get(FACTOR_URL))


def test_approval_of_content_without_review_dates_changes_nothing(reviewer, demo_site):
    page = Page.objects.get(slug="about")  # a standard page gives no health information
    assert review_record_approval(obj=page, reviewer=reviewer) is None


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2025, 1, 15), 12, datetime.date(2026, 1, 15)),
        (datetime.date(2025, 1, 31), 1, datetime.date(2025, 2, 28)),
        (datetime.date(2023, 8, 31), 6, datetime.date(2024, 2, 29)),
    ],
)
def test_next_review_date_keeps_the_day_or_the_months_last_day(
    factor, reviewer, day, months, expected
):
    settings_obj = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_obj.review_period_months = months
    settings_obj.save()
    revision = review_record_approval(obj=factor, reviewer=reviewer, today=day)
    assert revision.as_object().next_review_due == expected
