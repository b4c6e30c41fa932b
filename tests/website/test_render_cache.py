"""The article's body is rendered once per version of the site's content, and a change
shows on the very next request: publishing the article, an insight it shows, or the
reviewer's name; a preview always shows the draft."""

import pytest

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.models import ReviewerProfile
from factors.models import PracticalInsight
from tests.conftest import visible_text
from tests.website.test_frontend_cache import ARTICLE, LATCH_INSIGHT, publish_insight
from website.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(superuser):
    client = Client()
    client.force_login(superuser)
    return client


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_second_reader_gets_the_body_from_the_cache(demo_site, client):
    first = queries_for(client, ARTICLE)
    second = queries_for(client, ARTICLE)
    assert second < first, (first, second)


def test_publishing_an_insight_shows_on_the_next_request(demo_site, client, editor_client):
    client.get(ARTICLE)  # cached
    insight = PracticalInsight.objects.get(title=LATCH_INSIGHT)
    publish_insight(editor_client, insight, "<p>Ask a midwife to watch a whole feed.</p>")
    assert "Ask a midwife to watch a whole feed." in visible_text(client.get(ARTICLE))


def test_publishing_the_article_shows_on_the_next_request(demo_site, client):
    client.get(ARTICLE)
    article = ArticlePage.objects.get()
    body = list(article.body.raw_data)
    body.insert(0, {"type": "paragraph", "value": "<p>A sentence added today.</p>"})
    article.body = body
    article.save_revision().publish()
    assert "A sentence added today." in visible_text(client.get(ARTICLE))


def test_a_reviewers_new_name_shows_on_the_next_request(demo_site, client, reviewer):
    article = ArticlePage.objects.get()
    profile = ReviewerProfile.objects.get(user=reviewer)
    today = timezone.localdate()
    ArticlePage.objects.filter(pk=article.pk).update(
        reviewed_by=profile,
        last_reviewed=today,
        next_review_due=today.replace(year=today.year + 1),
    )
    assert "Dr Rita Okafor" in visible_text(client.get(ARTICLE))  # cached with this name
    profile.display_name = "Dr Rita Okafor-Mensah"
    profile.save()
    assert "Dr Rita Okafor-Mensah" in visible_text(client.get(ARTICLE))


def test_a_preview_shows_the_draft_not_the_cached_body(demo_site, client):
    client.get(ARTICLE)  # cached for readers
    article = ArticlePage.objects.get()
    draft = article.get_latest_revision_as_object()
    body = list(draft.body.raw_data)
    body.insert(0, {"type": "paragraph", "value": "<p>Only in the draft.</p>"})
    draft.body = body
    # What the admin's preview panel serves: the draft, through Wagtail's preview request.
    preview = draft.make_preview_request()
    assert preview.status_code == 200
    assert "Only in the draft." in visible_text(preview)
    assert "Only in the draft." not in visible_text(client.get(ARTICLE))


def test_without_a_shared_cache_nothing_is_kept_between_requests(demo_site, client, settings):
    """With local memory a publish in one server process cannot reach another's copies,
    so RENDER_CACHE is off unless Redis is set: even a change no signal reports shows."""
    settings.RENDER_CACHE = False
    client.get(ARTICLE)
    PracticalInsight.objects.filter(title=LATCH_INSIGHT).update(
        body="<p>Changed where no signal saw it.</p>"
    )
    assert "Changed where no signal saw it." in visible_text(client.get(ARTICLE))
