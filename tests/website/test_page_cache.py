"""A page's whole answer to anonymous readers is drawn once per version of the site's content
and day (core/page_cache.py): the next reader is sent the same bytes without the database,
a publish shows on the very next request, and nothing that belongs to one visitor (an
editor's userbar, a CSRF token, a session, a message, a cookie) is ever kept or sent to
another. The publish-shows-next tests for every kind of change are in test_render_cache.py,
whose readers are anonymous and so are served through this cache too."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from django.conf import settings
from django.contrib import messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from core.page_cache import kept_page_key, kept_page_response
from tests.conftest import shared_cache_reads, visible_text
from tests.website.test_frontend_cache import ARTICLE
from website.models import ArticlePage

pytestmark = pytest.mark.django_db

FACTOR = "/why-milk-can-be-slow/poor-latch/"


@pytest.mark.parametrize("url", ["/", ARTICLE, FACTOR])
def test_the_next_reader_is_sent_the_page_without_drawing_it_again(demo_site, client, url):
    first = client.get(url)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)
    assert again.status_code == 200
    assert again.content == first.content
    assert dict(again.headers) == dict(first.headers)
    assert first.templates and not again.templates  # sent as kept, not drawn again
    assert [query["sql"] for query in queries] == []
    assert "public" in again["Cache-Control"]  # Varnish may keep it, as before


def test_publishing_a_new_title_shows_on_the_next_request(demo_site, client):
    assert "When breast milk is not coming out" in visible_text(client.get(ARTICLE))
    article = ArticlePage.objects.get()
    article.title = "When breast milk is slow to come out"
    article.save_revision().publish()
    page = client.get(ARTICLE)
    assert "<h1>When breast milk is slow to come out</h1>" in page.content.decode()


def test_a_signed_in_editor_is_never_sent_a_readers_page_nor_a_reader_the_editors(
    demo_site, client, superuser
):
    editor = Client()
    editor.force_login(superuser)
    client.get(ARTICLE)  # kept for readers
    assert b"<wagtail-userbar" in editor.get(ARTICLE).content
    assert b"<wagtail-userbar" not in client.get(ARTICLE).content


def test_a_query_string_draws_the_page_for_that_request(demo_site, client):
    """`?region=us` changes the card; the plain address keeps its own answer, either way round."""
    assert "Call 999 now if" in visible_text(client.get(ARTICLE))
    assert "Call 911 now if" in visible_text(client.get(ARTICLE, {"region": "us"}))
    assert "Call 999 now if" in visible_text(client.get(ARTICLE))


def test_the_next_day_draws_the_page_again(demo_site, client):
    zone = ZoneInfo(settings.TIME_ZONE)
    year = datetime.date.today().year + 1
    with time_machine.travel(datetime.datetime(year, 12, 31, 23, 59, tzinfo=zone), tick=False):
        assert f"© {year} " in visible_text(client.get(ARTICLE))
    with time_machine.travel(datetime.datetime(year + 1, 1, 1, 0, 1, tzinfo=zone), tick=False):
        assert f"© {year + 1} " in visible_text(client.get(ARTICLE))


def test_a_page_behind_a_view_restriction_is_never_kept(demo_site, rf):
    article = ArticlePage.objects.get()
    request = rf.get(ARTICLE, HTTP_HOST="localhost")
    assert kept_page_key(article, request) is not None
    article.view_restrictions.create(restriction_type="password", password="a secret")
    assert kept_page_key(ArticlePage.objects.get(), request) is None


def test_a_visitor_with_a_session_is_never_sent_a_kept_page(demo_site, rf):
    article = ArticlePage.objects.get()
    request = rf.get(ARTICLE, HTTP_HOST="localhost")
    request.COOKIES[settings.SESSION_COOKIE_NAME] = "any"
    assert kept_page_key(article, request) is None


# Whatever in a drawing could belong to one visitor keeps it from being kept: each way in
# which a page could become personal is drawn once, then the next reader must get a fresh
# drawing, not the first.


def _personal_token(request, response):
    response.content = f"token {get_token(request)}".encode()


def _session_written(request, response):
    request.session["seen"] = True


def _message_left(request, response):
    messages.info(request, "Saved")


def _cookie_set(request, response):
    response.set_cookie("chosen", "1")


def _header_added(request, response):
    response["Vary"] = "Cookie"


def _not_found(request, response):
    response.status_code = 404


def _nothing_personal(request, response):
    pass


def _drawn_twice(personalise) -> list[bytes]:
    """Two readers ask for the article in turn, each drawing (when drawn) made personal by
    `personalise`; what each is sent."""
    article = ArticlePage.objects.get()
    drawings = iter(["first drawing", "second drawing"])
    answers = []
    for _ in range(2):
        request = RequestFactory().get(ARTICLE, HTTP_HOST="localhost")
        request.session = SessionStore()
        request._messages = FallbackStorage(request)

        def draw(request=request):
            response = HttpResponse(next(drawings))
            personalise(request, response)
            return response

        answers.append(kept_page_response(article, request, draw).content)
    return answers


@pytest.mark.parametrize(
    "personalise",
    [_personal_token, _session_written, _message_left, _cookie_set, _header_added, _not_found],
)
def test_a_drawing_that_is_not_every_readers_is_never_kept(demo_site, personalise):
    _first, answer = _drawn_twice(personalise)
    assert b"first drawing" not in answer


def test_a_plain_drawing_is_kept_for_the_next_reader(demo_site):
    """The same harness as above with nothing personal: so the test above can fail."""
    answers = _drawn_twice(_nothing_personal)
    assert answers == [b"first drawing", b"first drawing"]


# Site search's page is kept the same way, per whole query string, in the process only.


def test_a_search_asked_again_is_sent_without_drawing_it_again(demo_site, client):
    first = client.get("/search/", {"q": "latch"})
    again = client.get("/search/", {"q": "latch"})
    assert first.templates and not again.templates
    assert again.content == first.content
    assert "Call 911 now if" in visible_text(client.get("/search/", {"q": "latch", "region": "us"}))
    assert "Call 999 now if" in visible_text(client.get("/search/", {"q": "latch"}))


def test_an_editors_search_is_drawn_for_the_editor(demo_site, client, superuser):
    editor = Client()
    editor.force_login(superuser)
    client.get("/search/", {"q": "latch"})  # kept for readers
    assert editor.get("/search/", {"q": "latch"}).templates


def test_a_page_drawn_again_asks_the_shared_cache_for_the_version_alone(demo_site, client):
    """Everything else a drawn page needs (the site, the sites' root paths that every link
    is worked out from, settings, menu, drawn parts) this process already holds under that
    version: one round trip to Redis a request, whatever a later change adds to the page.
    (A query string, so the article is drawn, not sent as kept.)"""
    url = f"{ARTICLE}?from=menu"
    client.get(url)
    with shared_cache_reads() as reads:
        assert client.get(url).templates  # drawn
    assert reads == ["site-cache:version"]
