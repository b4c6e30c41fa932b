"""How much each part of a page counts in the site search's ranking: one home for the rule.

PostgreSQL's full-text search has four weights, A to D. Wagtail's database backend maps
every boost used by any indexed model onto them, and when there are more than four
distinct boosts it spreads them evenly from the largest to the smallest. Wagtail's own
images and documents use 10 and `Page` uses 2 for its title, so these four boosts are
chosen to be exactly the four in use: a word in a page's title counts most (A), then in
its introduction or summary (B), then in its body (C), then in the shared snippets a page
shows, such as practical insights and contacts (D).
`tests/website/test_search_questions.py` checks the mapping, so a new boost elsewhere
cannot quietly flatten the ranking again (it did: every field had fallen to D).
"""

from wagtail.models import Page
from wagtail.search import index

TITLE_BOOST = 10.0  # = Wagtail's images and documents
INTRO_BOOST = 6.0
BODY_BOOST = 2.0  # = Wagtail's own boost for a page's title
SHOWN_SNIPPET_BOOST = 1.0


def page_search_fields(*fields):
    """Wagtail's page search fields (kept whole, as its system check asks), the title
    again at TITLE_BOOST (`BasePage.title_for_search`: the index keeps fields named
    "title" apart and ranks them at Wagtail's boost), then `fields`."""
    return [
        *Page.search_fields,
        index.SearchField("title_for_search", boost=TITLE_BOOST),
        *fields,
    ]
