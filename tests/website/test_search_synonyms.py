"""Synonym groups widen each searched word; the site settings hold the groups."""

from wagtail.search.query import Or, PlainText

from core.models import SiteSettings
from core.models.settings import DEFAULT_SEARCH_SYNONYMS
from website.views import expand_synonyms

GROUPS = [{"pumping", "expressing"}, {"nappies", "diapers"}]


def words(query):
    """The words a query object searches for, as nested lists of strings."""
    if isinstance(query, PlainText):
        return query.query_string
    if isinstance(query, Or):
        return {words(sub) for sub in query.subqueries}
    return [words(sub) for sub in query.subqueries]


def test_a_word_with_synonyms_matches_any_of_them():
    query = expand_synonyms("Pumping", GROUPS)
    assert isinstance(query, Or)
    assert words(query) == {"pumping", "expressing"}


def test_each_word_of_a_longer_query_is_widened_and_any_may_match():
    """A parent's question rarely uses the page's words: pages matching more rank first."""
    query = expand_synonyms("pumping at night", GROUPS)
    assert isinstance(query, Or)
    assert [words(sub) for sub in query.subqueries] == [{"pumping", "expressing"}, "at", "night"]


def test_a_word_without_synonyms_is_searched_as_typed():
    assert words(expand_synonyms("jaundice", GROUPS)) == "jaundice"


def test_the_settings_field_gives_groups_of_two_or_more_words():
    settings_obj = SiteSettings(search_synonyms="Pumping, expressing\n\nlonely\n nappies ,diapers,")
    assert settings_obj.synonym_groups == [{"pumping", "expressing"}, {"nappies", "diapers"}]


def test_the_default_groups_join_the_words_parents_and_pages_use():
    groups = SiteSettings(search_synonyms=DEFAULT_SEARCH_SYNONYMS).synonym_groups
    assert any({"pumping", "expressing"} <= group for group in groups)
    assert any({"nappies", "diapers"} <= group for group in groups)
