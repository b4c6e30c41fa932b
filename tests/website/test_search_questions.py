"""Forty-odd things parents really type, each with the page that answers it in the top 3.

Plain questions, British and American words, misspellings and symptoms, searched over the
whole demo site as `make run` loads it. The ranking under test is PostgreSQL's full-text
search (the production database); on SQLite the test is skipped, because SQLite's
fallback search does not rank.
"""

import pytest
from bs4 import BeautifulSoup

from django.core.management import call_command
from django.db import connection

from help_contacts.demo import load_directory_demo

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="ranked search is PostgreSQL's (CI runs it)"
)

ARTICLE = "When breast milk is not coming out"
FIRST_DAYS = "Your first days of feeding"
PLAN = "Take this to your appointment"
DIRECTORY = "Find a lactation consultant near you"

QUESTIONS = [
    ("low milk supply", ARTICLE),
    ("milk not coming in", ARTICLE),
    ("my milk hasn't come in", ARTICLE),
    ("not enough milk", ARTICLE),
    ("delayed milk", ARTICLE),
    ("brestfeeding", "Breastfeeding issues"),
    ("breast feeding", ARTICLE),
    ("when does milk come in", ARTICLE),
    ("is my baby getting enough milk", FIRST_DAYS),
    ("baby not pooing", FIRST_DAYS),
    ("how many wet nappies", FIRST_DAYS),
    ("wet diapers", FIRST_DAYS),
    ("jaundice", FIRST_DAYS),
    ("colostrum", FIRST_DAYS),
    ("baby losing weight", FIRST_DAYS),
    ("tongue tie", "Tongue-tie"),
    ("tongue-tie", "Tongue-tie"),
    ("tounge tie", "Tongue-tie"),
    ("latch", "A latch that does not work well"),
    ("baby won't latch", "A latch that does not work well"),
    ("pumping", "A late first feed or first expressing"),
    ("breast pump", "A late first feed or first expressing"),
    ("c-section", "A caesarean birth"),
    ("cesarean", "A caesarean birth"),
    ("premature baby", "Premature birth and early separation"),
    ("preemie", "Premature birth and early separation"),
    ("baby in NICU", "Premature birth and early separation"),
    ("PCOS", "Diabetes, PCOS and other health conditions"),
    ("diabetes", "Diabetes, PCOS and other health conditions"),
    ("thyroid", "Thyroid problems"),
    ("breast reduction", "Previous breast surgery"),
    ("medication", "Some medications"),
    ("stress", "Stress and tiredness"),
    ("exhausted", "Stress and tiredness"),
    ("formula top up", "Formula top-ups before your milk comes in"),
    ("overweight", "A higher body weight"),
    ("retained placenta", "A piece of placenta left behind"),
    ("first baby", "A first baby"),
    ("long labor", "A long pushing stage of labour"),
    ("insufficient glandular tissue", "Insufficient glandular tissue"),
    ("lactation consultant near me", DIRECTORY),
    ("questions to ask the midwife", PLAN),
]


@pytest.fixture(autouse=True)
def _content(demo_site):
    load_directory_demo(home=demo_site, listings=0, log=lambda message: None)  # as `make run`
    call_command("update_index", verbosity=0)


def top_three(client, query):
    soup = BeautifulSoup(client.get("/search/", {"q": query}).content.decode(), "html.parser")
    return [link.get_text(strip=True) for link in soup.select(".card h2 a")][:3]


def test_there_are_forty_questions_or_more():
    assert len(QUESTIONS) >= 40


@pytest.mark.parametrize(("query", "expected"), QUESTIONS)
def test_a_parents_question_finds_its_page_in_the_top_three(client, query, expected):
    assert expected in top_three(client, query), top_three(client, query)
