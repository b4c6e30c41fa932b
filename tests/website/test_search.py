"""Site search finds articles and factors and copes with any input."""

import pytest


@pytest.fixture(autouse=True)
def _content(demo_site):
    from django.core.management import call_command

    call_command("update_index", verbosity=0)


def test_search_finds_the_article_by_its_words(client):
    html = client.get("/search/", {"q": "milk coming out"}).content.decode()
    assert "When breast milk is not coming out" in html


def test_search_finds_a_factor_page(client):
    html = client.get("/search/", {"q": "surgery"}).content.decode()
    assert "Previous breast surgery" in html


def test_search_with_no_matches_says_so(client):
    html = client.get("/search/", {"q": "zzzzqqqq"}).content.decode()
    assert "Nothing matched" in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 5000},
        {"q": "milk", "page": "abc"},
        {"q": "milk", "page": "-3"},
        {"q": "\x00"},
        {"q": "' OR 1=1"},
    ],
)
def test_odd_input_never_breaks_search(client, params):
    assert client.get("/search/", params).status_code == 200
