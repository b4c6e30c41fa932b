"""History and recovery: in-use insights cannot be deleted; the audit log records who did what."""

import re

import pytest

from django.urls import reverse

from wagtail.models import ModelLogEntry, PageLogEntry

from factors.models import FactorPage, PracticalInsight
from tests.factories import PracticalInsightFactory

ARTICLE_URL = "/breastfeeding-issues/when-breast-milk-is-not-coming-out/"
FACTOR_URL = "/why-milk-can-be-slow/stress-and-fatigue/"


def visible_text(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.fixture
def insight_in_use(demo_site):
    return PracticalInsight.objects.get(title="Look after your own rest")


def delete_url(insight):
    return reverse("wagtailsnippets_factors_practicalinsight:delete", args=[insight.pk])


def test_deleting_an_insight_in_use_is_refused_with_the_pages_using_it(
    client, reviewer, insight_in_use
):
    client.force_login(reviewer)
    confirm = client.get(delete_url(insight_in_use))
    assert confirm.status_code == 200
    text = visible_text(confirm)
    assert "This practical insight is referenced" in text
    assert "prevent it from being deleted" in text

    usage = client.get(
        reverse("wagtailsnippets_factors_practicalinsight:usage", args=[insight_in_use.pk])
    )
    assert "Stress and tiredness" in visible_text(usage)

    response = client.post(delete_url(insight_in_use))
    assert response.status_code in (302, 403)
    assert PracticalInsight.objects.filter(pk=insight_in_use.pk).exists()

    client.logout()
    for url in (ARTICLE_URL, FACTOR_URL):
        page = client.get(url)
        assert page.status_code == 200
        assert "Look after your own rest" in visible_text(page)


def test_an_unused_insight_can_be_deleted_by_a_reviewer(client, reviewer, db):
    unused = PracticalInsightFactory(title="A tip nobody links to")
    client.force_login(reviewer)
    confirm = client.get(delete_url(unused))
    assert "prevent it from being deleted" not in visible_text(confirm)
    assert client.post(delete_url(unused)).status_code == 302
    assert not PracticalInsight.objects.filter(pk=unused.pk).exists()


def test_the_audit_log_records_who_published_and_who_approved(client, demo_site, reviewer):
    factor = FactorPage.objects.get(slug="stress-and-fatigue")
    factor.summary = "Logged summary."
    factor.save_revision(user=reviewer, log_action=True).publish(user=reviewer)
    actions = set(
        PageLogEntry.objects.filter(page=factor, user=reviewer).values_list("action", flat=True)
    )
    assert {"wagtail.edit", "wagtail.publish"} <= actions

    client.force_login(reviewer)
    history = client.get(reverse("wagtailadmin_pages:history", args=[factor.pk]))
    assert history.status_code == 200
    assert "Published" in visible_text(history)

    insight = PracticalInsight.objects.get(title="Look after your own rest")
    insight.title = "Look after your own rest, too"
    insight.save_revision(user=reviewer, log_action=True).publish(user=reviewer)
    assert (
        ModelLogEntry.objects.for_instance(insight)
        .filter(user=reviewer, action="wagtail.publish")
        .exists()
    )
