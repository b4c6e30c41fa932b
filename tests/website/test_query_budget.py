"""Public pages do a fixed number of SQL queries, however much content they show."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from factors.models import FactorTopic
from tests.factories import (
    ArticlePageFactory,
    FactorPageFactory,
    PracticalInsightFactory,
    SupportContactFactory,
    link_contacts,
    link_insights,
)


def build_article(topic, factor_index, *, factors):
    contacts = SupportContactFactory.create_batch(3)
    pages = []
    for number in range(factors):
        factor = FactorPageFactory(
            parent=factor_index,
            slug=f"factor-{factors}-{number}",
            topic=FactorTopic.BIRTH if number % 2 else FactorTopic.HEALTH,
        )
        link_insights(factor, PracticalInsightFactory.create_batch(2))
        link_contacts(factor, contacts[:2])
        pages.append(factor)
    return ArticlePageFactory(
        parent=topic,
        slug=f"article-{factors}",
        body=[
            ("paragraph", "<p>Intro.</p>"),
            ("factor_list", {"heading": "Why", "factors": pages, "show_insights": True}),
            ("seek_help", {"heading": "Help", "contacts": contacts}),
        ],
    )


def warm(client, *urls):
    """Fill the caches pages read from (content types, site root paths, each page's view
    restrictions, the site settings, which are created, and so clear the cache, at first)."""
    for url in (*urls, *urls):
        client.get(url)


def queries_for(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.django_db
def test_article_query_count_does_not_grow_with_its_factors(client, topic, factor_index):
    small = build_article(topic, factor_index, factors=2)
    large = build_article(topic, factor_index, factors=12)
    warm(client, small.url, large.url)
    assert queries_for(client, large.url) == queries_for(client, small.url)


@pytest.mark.django_db
def test_article_page_stays_within_its_query_budget(
    client, topic, factor_index, django_assert_max_num_queries
):
    article = build_article(topic, factor_index, factors=7)
    client.get(article.url)
    with django_assert_max_num_queries(20):
        client.get(article.url)


@pytest.mark.django_db
def test_factor_page_query_count_does_not_grow_with_its_insights(client, factor_index):
    few = FactorPageFactory(parent=factor_index, slug="few")
    link_insights(few, PracticalInsightFactory.create_batch(1))
    many = FactorPageFactory(parent=factor_index, slug="many")
    link_insights(many, PracticalInsightFactory.create_batch(9))
    warm(client, few.url, many.url)
    assert queries_for(client, many.url) == queries_for(client, few.url)
