"""Editors change a practical insight once and every page that shows it follows."""

import pytest

from django.urls import reverse

from factors.models import PracticalInsight
from tests.website.admin_forms import insight_edit_data

ARTICLE_URL = "/breastfeeding-issues/when-breast-milk-is-not-coming-out/"
TITLE = "Get your baby's latch checked"
FACTOR_URLS = [
    "/why-milk-can-be-slow/poor-latch/",
    "/why-milk-can-be-slow/breast-surgery/",
    "/why-milk-can-be-slow/tongue-tie/",
]


def edit_insight(client, insight, *, body, publish):
    url = reverse("wagtailsnippets_factors_practicalinsight:edit", args=[insight.pk])
    return client.post(url, insight_edit_data(insight, body=body, publish=publish))


@pytest.fixture
def editor_client(client, superuser):
    client.force_login(superuser)
    return client


def test_published_insight_change_shows_on_every_factor_and_article(demo_site, editor_client):
    insight = PracticalInsight.objects.get(title=TITLE)
    response = edit_insight(
        editor_client,
        insight,
        body="<p>A feeding specialist can watch a whole feed.</p>",
        publish=True,
    )
    assert response.status_code == 302

    for url in [ARTICLE_URL, *FACTOR_URLS]:
        html = editor_client.get(url).content.decode()
        assert "A feeding specialist can watch a whole feed." in html, url
        assert "show you ways to help your baby" not in html, url


def test_saved_draft_of_an_insight_is_not_public_until_published(demo_site, editor_client):
    insight = PracticalInsight.objects.get(title=TITLE)
    response = edit_insight(
        editor_client, insight, body="<p>Draft wording only.</p>", publish=False
    )
    assert response.status_code == 302

    for url in [ARTICLE_URL, *FACTOR_URLS]:
        html = editor_client.get(url).content.decode()
        assert "Draft wording only." not in html, url
        assert "show you ways to help your baby" in html, url


def test_insight_admin_lists_and_finds_insights(demo_site, editor_client):
    url = reverse("wagtailsnippets_factors_practicalinsight:list")
    html = editor_client.get(url, {"q": "latch"}).content.decode()
    assert TITLE.replace("'", "&#x27;") in html
    assert "Hold your baby skin to skin" not in html


def test_insight_admin_shows_how_many_factors_share_each_insight(demo_site, editor_client):
    url = reverse("wagtailsnippets_factors_practicalinsight:list")
    response = editor_client.get(url)
    rows = {row.title: row.factor_count for row in response.context["object_list"]}
    assert rows[TITLE] == len(FACTOR_URLS)
    assert rows["Look after your own rest"] == 1
    assert "Factors using it" in response.content.decode()
