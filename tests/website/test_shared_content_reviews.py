"""A review of shared content counts wherever it shows; a page is as reviewed as its oldest part."""

import datetime

from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import rich_text

from factors.models import PracticalInsight
from tests.conftest import member_of, visible_text
from tests.factories import (
    FactorPageFactory,
    PracticalInsightFactory,
    ReviewerProfileFactory,
    link_insights,
)
from tests.website.admin_forms import form_data

ARTICLE_URL = "/breastfeeding-issues/when-breast-milk-is-not-coming-out/"


def test_approving_an_insight_updates_what_the_article_says_about_its_review(
    client, demo_site, reviewer
):
    insight = PracticalInsight.objects.get(title="Look after your own rest")
    before = visible_text(client.get(ARTICLE_URL))
    assert "Practical insight “Look after your own rest”: not yet medically reviewed" in before

    editor = member_of("Editors")
    client.force_login(editor)
    url = reverse("wagtailsnippets_factors_practicalinsight:edit", args=[insight.pk])
    html = client.get(url).content.decode()
    body = rich_text("<p>Rest when you can; ask others to help with chores.</p>")
    client.post(url, form_data(html, action=url, body=body, **{"action-submit": "1"}))
    insight.refresh_from_db()
    task_state = insight.current_workflow_task_state

    client.force_login(reviewer)
    approve = reverse(
        "wagtailsnippets_factors_practicalinsight:workflow_action",
        args=[insight.pk, "approve", task_state.pk],
    )
    assert client.post(approve, {"comment": ""}).status_code == 302
    insight.refresh_from_db()
    today = timezone.localdate()
    assert insight.live and insight.last_reviewed == today
    assert insight.reviewed_by == reviewer.reviewer_profile
    assert insight.next_review_due is not None

    client.logout()
    after = visible_text(client.get(ARTICLE_URL))
    assert "ask others to help with chores" in after
    assert (
        f"Practical insight “Look after your own rest”: reviewed {today:%-d %B %Y} "
        "by Dr Rita Okafor, MBBS, IBCLC"
    ) in after
    # The article's own text and its other parts are still unreviewed, so it claims no date.
    assert "Last reviewed Not every part of this page has been medically reviewed yet" in after


def test_a_page_claims_the_oldest_review_among_itself_and_its_parts(client, factor_index):
    rita = ReviewerProfileFactory(display_name="Dr Rita Okafor", credentials="MBBS")
    sam = ReviewerProfileFactory(display_name="Dr Sam Lee", credentials="MD")
    today = timezone.localdate()
    old = today - datetime.timedelta(days=200)
    factor = FactorPageFactory(
        parent=factor_index,
        slug="oldest",
        last_reviewed=today,
        next_review_due=today + datetime.timedelta(days=365),
        reviewed_by=rita,
    )
    insight = PracticalInsightFactory(
        title="Pump early",
        last_reviewed=old,
        next_review_due=today + datetime.timedelta(days=30),
        reviewed_by=sam,
    )
    link_insights(factor, [insight])

    text = visible_text(client.get(factor.url))
    # Never newer than its parts: the insight's older review is the page's.
    assert f"Last reviewed {old:%-d %B %Y} Next review due" in text
    assert f"Next review due {today + datetime.timedelta(days=30):%-d %B %Y}" in text
    # Each part says who reviewed it and when, so the newest review is not hidden.
    assert f"This page's own text: reviewed {today:%-d %B %Y} by Dr Rita Okafor, MBBS" in text
    assert f"Practical insight “Pump early”: reviewed {old:%-d %B %Y} by Dr Sam Lee, MD" in text

    # One reviewer for every part: the headline names them. (Saved as the review workflow
    # saves it, so the cached review summary is dropped, as on the site.)
    insight.reviewed_by = rita
    insight.save()
    text = visible_text(client.get(factor.url))
    assert f"Last reviewed {old:%-d %B %Y} by Dr Rita Okafor, MBBS" in text

    # A part never reviewed means the page as a whole is not reviewed.
    insight.last_reviewed = None
    insight.save()
    text = visible_text(client.get(factor.url))
    assert "Last reviewed Not every part of this page has been medically reviewed yet" in text
