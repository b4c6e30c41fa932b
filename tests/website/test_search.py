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


def result_titles(client, query):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get("/search/", {"q": query}).content.decode(), "html.parser")
    return [link.get_text(strip=True) for link in soup.select(".card h2 a")]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Words said only by the practical insights a factor page shows.
        ("pumping", "Premature birth and early separation"),
        ("express", "Premature birth and early separation"),
        ("skin", "A late first feed or first expressing"),
        # Words of the first-days guide, and their synonyms.
        ("nappies", "Your first days of feeding"),
        ("diapers", "Your first days of feeding"),
        ("jaundice", "Your first days of feeding"),
        ("colostrum", "Your first days of feeding"),
        ("formula", "Your first days of feeding"),
        ("c-section", "A caesarean birth"),
    ],
)
def test_search_finds_the_pages_that_show_the_words(client, query, expected):
    assert expected in result_titles(client, query)


def test_results_show_each_pages_summary(client):
    from website.demo import content

    text = " ".join(client.get("/search/", {"q": "thyroid"}).content.decode().split())
    assert content.NEW_FACTORS["thyroid"]["summary"] in text


def test_an_empty_result_offers_help_now_the_helplines_and_the_directory(client, home):
    from help_contacts.data.choices import ContactKind
    from tests.factories import DirectoryPageFactory, SupportContactFactory

    DirectoryPageFactory(parent=home)
    SupportContactFactory(kind=ContactKind.HELPLINE, name="Feeding Line", phone="0300 000 0000")
    response = client.get("/search/", {"q": "zzzzqqqq"})
    html = response.content.decode()
    assert "Call 999 now if" in html
    assert "Feeding Line" in html
    assert '<label for="directory-location">Town, city or postcode</label>' in html
    assert 'action="/find-support/"' in html


def test_a_misspelt_word_is_searched_corrected_and_the_page_says_so(client):
    html = " ".join(client.get("/search/", {"q": "brestfeeding"}).content.decode().split())
    assert "Nothing matched “brestfeeding”, so these are the results for <strong>breastfeeding" in (
        html
    )
    assert "Breastfeeding issues" in result_titles(client, "brestfeeding")


def test_a_word_the_site_uses_is_never_corrected(client):
    html = client.get("/search/", {"q": "jaundice"}).content.decode()
    assert "so these are the results for" not in html


def test_the_four_search_weights_rank_title_then_summary_then_body_then_snippets():
    """Every boost in use maps onto PostgreSQL's four weights as core/search_weights.py
    says; a fifth boost anywhere would spread them and flatten the ranking."""
    from modelsearch.backends.database.postgres.weights import determine_boosts_weights

    from core import search_weights as weights

    assert dict(determine_boosts_weights()) == {
        weights.TITLE_BOOST: "A",
        weights.INTRO_BOOST: "B",
        weights.BODY_BOOST: "C",
        weights.SHOWN_SNIPPET_BOOST: "D",
    }
