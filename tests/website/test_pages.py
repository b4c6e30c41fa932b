"""Every page type renders from the demo content, as a parent would read it."""

import re

import pytest

from django.test import Client

from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.test.utils.page_tests import WagtailPageTestCase

from factors.models import FactorIndexPage, FactorPage
from website.demo import content
from website.demo.site import load_site_content
from website.models import ArticleIndexPage, ArticlePage, FirstDaysPage, HomePage, StandardPage

ARTICLE_URL = "/breastfeeding-issues/when-breast-milk-is-not-coming-out/"


def visible_text(response):
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def client():
    return Client()


def test_article_shows_every_factor_grouped_by_topic_claiming_nothing_about_evidence(
    demo_site, client
):
    response = client.get(ARTICLE_URL)
    assert response.status_code == 200
    html = response.content.decode()
    text = visible_text(response)
    for spec in [*content.FACTORS.values(), *content.NEW_FACTORS.values()]:
        assert spec["title"] in text
    birth = html.index("Your baby&#x27;s birth")
    health = html.index("Your health and body")
    feeding = html.index("How feeding gets started")
    assert birth < html.index("A caesarean birth") < health
    assert health < html.index("Previous breast surgery") < feeding
    assert feeding < html.index("A latch that does not work well")
    assert "Well-established" not in text and "well-established" not in text


def test_article_shows_each_factors_insights_and_the_help_to_seek(demo_site, client):
    text = visible_text(client.get(ARTICLE_URL))
    assert "Get your baby&#x27;s latch checked" in text or "Get your baby's latch checked" in text
    assert "Ask for help to express milk early" in text
    for name in ("Your midwife", "Your doctor", "A lactation consultant"):
        assert name in text
    assert "Where to get help" in text


def test_article_shows_reading_time_and_review_dates(demo_site, client):
    text = visible_text(client.get(ARTICLE_URL))
    assert re.search(r"\d+ minute read", text)
    # The demo content has not been through medical review: no date to renew is claimed.
    assert "Not yet medically reviewed" in text
    assert "Next review due" not in text


def test_article_has_one_h1_and_links_factor_pages(demo_site, client):
    html = client.get(ARTICLE_URL).content.decode()
    assert html.count("<h1") == 1
    assert 'href="/why-milk-can-be-slow/premature-birth/"' in html


def test_factor_page_links_back_to_the_articles_that_use_it(demo_site, client):
    response = client.get("/why-milk-can-be-slow/breast-surgery/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Articles that mention this" in html
    assert f'href="{ARTICLE_URL}"' in html
    assert "Tell your care team about past breast surgery" in html
    assert "A lactation consultant" in html


def test_factor_index_groups_every_factor_with_its_evidence_note(demo_site, client):
    text = visible_text(client.get("/why-milk-can-be-slow/"))
    assert text.index("Your baby&#x27;s birth") < text.index("Your health and body")
    for spec in [*content.FACTORS.values(), *content.NEW_FACTORS.values()]:
        assert spec["title"] in text
    assert "What the research says: Limited: one small study without a comparison group." in text


def test_home_page_leads_to_the_article_and_the_factors(demo_site, client):
    html = client.get("/").content.decode()
    assert content.HOME["heading"] in html
    assert f'href="{ARTICLE_URL}"' in html
    assert 'href="/why-milk-can-be-slow/"' in html


def test_topic_page_lists_its_articles(demo_site, client):
    html = client.get("/breastfeeding-issues/").content.decode()
    assert content.ARTICLE["title"] in html


def test_unknown_page_is_a_friendly_404(demo_site, client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_public_pages_carry_a_strict_content_security_policy(demo_site, client):
    response = client.get(ARTICLE_URL)
    policy = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "default-src 'self'" in policy


def test_public_pages_have_no_inline_scripts_styles_or_handlers(demo_site, client):
    for url in ("/", ARTICLE_URL, "/why-milk-can-be-slow/", "/why-milk-can-be-slow/medications/"):
        html = client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", html), (
            url
        )
        assert not re.search(r"\sstyle=", html), url
        assert not re.search(r"\son[a-z]+=", html), url


def test_withdrawn_insight_disappears_without_breaking_the_article(demo_site, client):
    from factors.models import PracticalInsight

    insight = PracticalInsight.objects.get(title="Get your baby's latch checked")
    insight.unpublish()
    response = client.get(ARTICLE_URL)
    assert response.status_code == 200
    assert "Get your baby" not in response.content.decode()


class DemoPagesRenderTests(WagtailPageTestCase, WagtailTestUtils):
    """Wagtail's own checks: each page type renders, edits and previews in the admin."""

    @classmethod
    def setUpTestData(cls):
        load_site_content(log=lambda message: None)

    def setUp(self):
        self.login()

    def test_every_page_type_is_renderable_editable_and_previewable(self):
        for model in (HomePage, ArticleIndexPage, FactorIndexPage):
            page = model.objects.live().first()
            with self.subTest(model=model.__name__):
                self.assertPageIsRenderable(page)
                self.assertPageIsEditable(page)
                self.assertPageIsPreviewable(page)

    def test_pages_with_a_stream_body_are_renderable_editable_and_previewable(self):
        body = streamfield([("paragraph", rich_text("<p>Edited in a test.</p>"))])
        article = ArticlePage.objects.live().first()
        article_data = nested_form_data(
            {
                "title": article.title,
                "slug": article.slug,
                "intro": article.intro,
                "body": body,
                "references": streamfield([]),
                "related_links": inline_formset([]),
            }
        )
        standard = StandardPage.objects.live().first()
        standard_data = nested_form_data(
            {"title": standard.title, "slug": standard.slug, "intro": rich_text(""), "body": body}
        )
        factor = FactorPage.objects.live().first()
        factor_data = nested_form_data(
            {
                "title": factor.title,
                "slug": factor.slug,
                "topic": "birth",
                "tags": "",
                "summary": factor.summary,
                "why_it_matters": rich_text("<p>Why, edited in a test.</p>"),
                "evidence_note": rich_text("<p>One small study.</p>"),
                "insight_links": inline_formset([]),
                "what_helps": rich_text(""),
                "when_to_seek_help": rich_text(""),
                "contact_links": inline_formset([]),
                "specialty": "",
                "references": streamfield(
                    [("reference", {"title": "A guideline", "publisher": "NHS", "url": ""})]
                ),
            }
        )
        guide = FirstDaysPage.objects.live().first()
        guide_data = nested_form_data(
            {
                "title": guide.title,
                "slug": guide.slug,
                "intro": guide.intro,
                "body": streamfield([("heading", {"text": "Edited", "level": "h2"})]),
            }
        )
        pages = ((article, article_data), (standard, standard_data), (factor, factor_data))
        for page, data in (*pages, (guide, guide_data)):
            with self.subTest(model=type(page).__name__):
                self.assertPageIsRenderable(page)
                self.assertPageIsEditable(page, post_data=data)
                self.assertPageIsPreviewable(page, post_data=data)


def test_anonymous_pages_set_no_cookies_so_a_shared_cache_can_hold_them(demo_site, client):
    for url in ("/", ARTICLE_URL, "/why-milk-can-be-slow/", "/why-milk-can-be-slow/poor-latch/"):
        response = client.get(url)
        assert response.status_code == 200
        assert not response.cookies, url


def test_article_shows_its_references(demo_site, client):
    text = visible_text(client.get(ARTICLE_URL))
    references = text[text.index("References") :]
    for key in content.ARTICLE["references"]:
        assert content.REFERENCES[key]["title"] in references


def test_the_article_links_its_directory_mention_to_the_directory(demo_site, client):
    html = client.get(ARTICLE_URL).content.decode()
    assert '<a href="/find-support/">search our directory</a>' in html
