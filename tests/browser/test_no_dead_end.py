"""No directory outcome is a dead end: each offers a next step, with and without JavaScript.

Walked in the shared demo site: results, nobody near, a filter that excludes everyone, a
place not found (misspelt and unknown), and values the form cannot read.
"""

import pytest

HELPLINE = "National Breastfeeding Helpline"

# (the query, what the page must offer as the next step)
OUTCOMES = {
    "results": ("location=London", "Ada Abbott"),
    "nobody-near": ("lat=0.5&lon=-30.5&radius=5", "Search within 10 km instead"),
    "filter-excludes-everyone": (
        "location=London&language=so",
        "Search again without Language: Somali",
    ),
    "misspelt-place": ("location=Londno", "Did you mean"),
    "unknown-place": ("location=Xqzvbw", HELPLINE),
    "unreadable-values": ("location=London&radius=7&lat=abc", HELPLINE),
}


@pytest.mark.parametrize("outcome", OUTCOMES)
def test_every_directory_outcome_offers_a_next_step(demo_server, phone, outcome):
    query, next_step = OUTCOMES[outcome]
    phone.goto(f"{demo_server.url}/find-support/?{query}")
    main = phone.locator("main").inner_text()
    assert next_step in main, outcome
    # Always a number to call: the card's emergency button, and a helpline when few or none
    # were found.
    assert phone.locator('#get-help-now a[href^="tel:"]').first.is_visible()
    if outcome != "results":
        assert HELPLINE in main, outcome
