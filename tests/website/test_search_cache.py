"""Site search keeps each query's answer until the site's content changes: asked again, a
search reads nothing from the database, and a publish shows in the very next search."""

import pytest

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from factors.models import FactorPage
from tests.conftest import visible_text
from website.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _content(demo_site):
    call_command("update_index", verbosity=0)


def search(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return visible_text(response)


def test_a_search_asked_again_reads_nothing_from_the_database(client):
    first = search(client, "surgery")
    with CaptureQueriesContext(connection) as queries:
        again = search(client, "surgery")
    assert again == first
    assert "Previous breast surgery" in again
    assert [query["sql"] for query in queries] == []


def test_publishing_a_new_title_shows_in_the_next_search(client):
    assert "Nothing matched" in search(client, "zebrafinch")  # kept: nothing matched
    article = ArticlePage.objects.get()
    article.title = "When breast milk is not coming out (zebrafinch)"
    article.save_revision().publish()
    assert "When breast milk is not coming out (zebrafinch)" in search(client, "zebrafinch")


def test_unpublishing_a_page_takes_it_out_of_the_next_search(client):
    assert "Previous breast surgery" in search(client, "surgery")
    FactorPage.objects.get(title="Previous breast surgery").unpublish()
    assert "Previous breast surgery" not in search(client, "surgery")


def test_the_same_words_differently_spaced_are_one_answer(client):
    search(client, "breast surgery")
    with CaptureQueriesContext(connection) as queries:
        text = search(client, "  breast \t surgery ")
    assert "Previous breast surgery" in text
    assert len(queries) == 0


def test_each_page_of_results_comes_from_the_one_answer(client):
    first = search(client, "milk")
    assert "Page 1 of" in first
    with CaptureQueriesContext(connection) as queries:
        second = search(client, "milk", page=2)
    assert "Page 2 of" in second
    assert len(queries) == 0
    assert second != first


def test_without_a_shared_cache_a_change_no_signal_sees_shows(client, settings):
    settings.RENDER_CACHE = False
    assert "Previous breast surgery" in search(client, "surgery")
    FactorPage.objects.filter(title="Previous breast surgery").update(
        search_description="Changed where no signal saw it."
    )
    assert "Changed where no signal saw it." in search(client, "surgery")


def test_what_was_typed_cannot_be_read_back_from_the_cache(client):
    """Kept under an HMAC with the secret key: neither the words nor their plain hash
    appear in any key or value of the shared cache."""
    import hashlib

    from django.core.cache import cache

    search(client, "surgery after twins")
    keys = list(cache._cache.keys())  # local memory in tests; Redis holds the same keys
    plain = hashlib.sha256(b"surgery after twins").hexdigest()
    assert keys
    for key in keys:
        assert "surgery" not in key and plain not in key
    for value in cache._cache.values():
        assert b"surgery after twins" not in value
