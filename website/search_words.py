"""The words the site's pages use, for "Did you mean …?" when a searched word is not one.

The vocabulary is read from the same fields the search index holds (each page type's
`search_fields`) of every live, public page, plus the editors' synonym groups, and kept
in the site cache: publishing anything clears that cache, so a new page's words count
from the next search.
"""

import difflib
import re

from django.utils.html import strip_tags

from wagtail.models import Page
from wagtail.search import index

from core.site_cache import public_pages, site_cached

WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
MIN_WORD_LENGTH = 4  # shorter words are too alike to correct safely
CUTOFF = 0.8  # difflib's similarity: "brestfeeding" → "breastfeeding" is 0.96


def _texts(value):
    if value is None:
        return
    if isinstance(value, str):
        yield strip_tags(value)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)


def _page_words(page) -> set[str]:
    words = set()
    for field in page.get_search_fields():
        if not isinstance(field, index.SearchField):
            continue
        for text in _texts(field.get_value(page)):
            words.update(word.lower() for word in WORD_RE.findall(text))
    return words


def search_vocabulary(groups) -> frozenset[str]:
    """Every word of MIN_WORD_LENGTH or more letters the public pages (and the synonym
    groups) use, lower case."""

    def build():
        words = set()
        for page in public_pages(Page.objects.live()).specific():
            words |= _page_words(page)
        return frozenset(word for word in words if len(word) >= MIN_WORD_LENGTH)

    synonyms = {
        word for group in groups for phrase in group for word in WORD_RE.findall(phrase.lower())
    }
    return site_cached("search-vocabulary", build) | synonyms


def spelling_correction(query: str, *, vocabulary) -> str:
    """`query` with each word the site never uses replaced by the closest one it does, or
    "" when every word is known (or none is close)."""
    changed = False

    def fix(match):
        nonlocal changed
        word = match.group(0)
        lowered = word.lower()
        if len(lowered) < MIN_WORD_LENGTH or lowered in vocabulary:
            return word
        close = difflib.get_close_matches(lowered, vocabulary, n=1, cutoff=CUTOFF)
        if not close:
            return word
        changed = True
        return close[0]

    corrected = WORD_RE.sub(fix, query)
    return corrected if changed else ""
