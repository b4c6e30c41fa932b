"""The article's body and the get-help-now card are rendered once per version of the site's
content, and a change shows on the very next request: publishing the article, an insight it
shows, the reviewer's name, a warning sign, a helpline or the site's numbers; a preview
always shows the draft."""

import datetime

import pytest
from bs4 import BeautifulSoup

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Site

from core.models import ReviewerProfile, SiteSettings, WarningSigns
from factors.models import FactorPage, PracticalInsight
from help_contacts.data.choices import ContactKind
from tests.conftest import visible_text
from tests.factories import SupportContactFactory
from tests.website.test_frontend_cache import ARTICLE, LATCH_INSIGHT, publish_insight
from website.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(superuser):
    client = Client()
    client.force_login(superuser)
    return client


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_second_reader_gets_the_body_from_the_cache(demo_site, client):
    first = queries_for(client, ARTICLE)
    second = queries_for(client, ARTICLE)
    assert second < first, (first, second)


def test_publishing_an_insight_shows_on_the_next_request(demo_site, client, editor_client):
    client.get(ARTICLE)  # cached
    insight = PracticalInsight.objects.get(title=LATCH_INSIGHT)
    publish_insight(editor_client, insight, "<p>Ask a midwife to watch a whole feed.</p>")
    assert "Ask a midwife to watch a whole feed." in visible_text(client.get(ARTICLE))


def test_publishing_the_article_shows_on_the_next_request(demo_site, client):
    client.get(ARTICLE)
    article = ArticlePage.objects.get()
    body = list(article.body.raw_data)
    body.insert(0, {"type": "paragraph", "value": "<p>A sentence added today.</p>"})
    article.body = body
    article.save_revision().publish()
    assert "A sentence added today." in visible_text(client.get(ARTICLE))


def test_a_reviewers_new_name_shows_on_the_next_request(demo_site, client, reviewer):
    article = ArticlePage.objects.get()
    profile = ReviewerProfile.objects.get(user=reviewer)
    today = timezone.localdate()
    ArticlePage.objects.filter(pk=article.pk).update(
        reviewed_by=profile,
        last_reviewed=today,
        next_review_due=today + datetime.timedelta(days=365),
    )
    assert "Dr Rita Okafor" in visible_text(client.get(ARTICLE))  # cached with this name
    profile.display_name = "Dr Rita Okafor-Mensah"
    profile.save()
    assert "Dr Rita Okafor-Mensah" in visible_text(client.get(ARTICLE))


def test_a_preview_shows_the_draft_not_the_cached_body(demo_site, client):
    client.get(ARTICLE)  # cached for readers
    article = ArticlePage.objects.get()
    draft = article.get_latest_revision_as_object()
    body = list(draft.body.raw_data)
    body.insert(0, {"type": "paragraph", "value": "<p>Only in the draft.</p>"})
    draft.body = body
    # What the admin's preview panel serves: the draft, through Wagtail's preview request.
    preview = draft.make_preview_request()
    assert preview.status_code == 200
    assert "Only in the draft." in visible_text(preview)
    assert "Only in the draft." not in visible_text(client.get(ARTICLE))


def test_without_a_shared_cache_nothing_is_kept_between_requests(demo_site, client, settings):
    """With local memory a publish in one server process cannot reach another's copies,
    so RENDER_CACHE is off unless Redis is set: even a change no signal reports shows."""
    settings.RENDER_CACHE = False
    client.get(ARTICLE)
    PracticalInsight.objects.filter(title=LATCH_INSIGHT).update(
        body="<p>Changed where no signal saw it.</p>"
    )
    assert "Changed where no signal saw it." in visible_text(client.get(ARTICLE))


# The get-help-now card: its lines, buttons and signs are drawn once per region and version
# of the site's content; the country switch under them is drawn for each request.

DIRECTORY_LONDON = "/find-support/?location=London&radius=25"
DIRECTORY_NEW_YORK = "/find-support/?location=10001&radius=25"


def card(response):
    return " ".join(
        BeautifulSoup(response.content.decode(), "html.parser")
        .find(id="get-help-now")
        .get_text(" ")
        .split()
    )


def test_the_card_is_drawn_once_for_every_page_of_a_region(demo_site, client):
    client.get(ARTICLE)
    with CaptureQueriesContext(connection) as queries:
        client.get(ARTICLE)
    assert not [query for query in queries if "core_warningsigns" in query["sql"]]


@pytest.mark.parametrize("url", [ARTICLE, DIRECTORY_LONDON])
def test_publishing_a_changed_sign_shows_on_the_next_request(directory, client, url):
    assert "Call 999 now if your baby cannot be woken" in card(client.get(url))  # cached
    signs = WarningSigns.objects.get(live=True, region="uk")
    signs.emergency_line = "your baby is limp and will not wake"
    signs.save_revision().publish()
    assert "Call 999 now if your baby is limp and will not wake" in card(client.get(url))


def test_a_helplines_new_number_shows_on_the_next_request(demo_site, client):
    helpline = SupportContactFactory(
        kind=ContactKind.HELPLINE, name="A helpline", region="uk", phone="0300 100 0212"
    )
    assert "0300 100 0212" in card(client.get(ARTICLE))
    helpline.phone = "0300 100 0299"
    helpline.save()
    assert "0300 100 0299" in card(client.get(ARTICLE))


def test_the_sites_own_emergency_number_shows_on_the_next_request(demo_site, client):
    client.get(ARTICLE)
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.emergency_number = "112"
    site_settings.save()
    assert "Call 112 now if" in card(client.get(ARTICLE))


def test_each_search_keeps_its_own_place_in_the_country_switch(directory, client):
    """The switch links back to the page the parent is on, search and all: never to the
    page that happened to fill the cache."""
    for url, country_shown in ((DIRECTORY_LONDON, "999"), (DIRECTORY_NEW_YORK, "911")):
        page = BeautifulSoup(client.get(url).content.decode(), "html.parser")
        assert f"Call {country_shown} now if" in page.find(id="get-help-now").get_text(" ")
        switch = page.select_one(".help-now__region")
        location = url.split("location=")[1].split("&")[0]
        links = [link["href"] for link in switch.find_all("a")]
        assert links and all(f"location={location}" in link for link in links), links


# The factor page's body (what it says, insights, contacts, articles, references, review
# dates) is cached as the article's is.

FACTOR = "/why-milk-can-be-slow/poor-latch/"


def test_the_second_reader_of_a_factor_page_reads_nothing_for_its_body(demo_site, client):
    first = queries_for(client, FACTOR)
    with CaptureQueriesContext(connection) as second:
        assert client.get(FACTOR).status_code == 200
    assert len(second) < first
    assert not [query for query in second if "factors_factorinsight" in query["sql"]]


def test_publishing_an_insight_shows_on_the_factor_page_next(demo_site, client, editor_client):
    client.get(FACTOR)
    insight = PracticalInsight.objects.get(title=LATCH_INSIGHT)
    publish_insight(editor_client, insight, "<p>Ask a midwife to watch a whole feed.</p>")
    assert "Ask a midwife to watch a whole feed." in visible_text(client.get(FACTOR))


def test_publishing_the_factor_page_shows_on_the_next_request(demo_site, client):
    client.get(FACTOR)
    factor = FactorPage.objects.get(url_path__endswith="/poor-latch/")
    factor.why_it_matters = "<p>A reason added today.</p>"
    factor.save_revision().publish()
    assert "A reason added today." in visible_text(client.get(FACTOR))


def test_a_contacts_change_shows_on_the_factor_page_next(demo_site, client):
    client.get(FACTOR)
    factor = FactorPage.objects.get(url_path__endswith="/poor-latch/")
    contact = factor.contact_links.first().contact
    contact.summary = "Sees families the same week."
    contact.save()
    assert "Sees families the same week." in visible_text(client.get(FACTOR))


# The directory's filters are drawn once per choice of filters.


def filters_of(response):
    details = BeautifulSoup(response.content.decode(), "html.parser").select_one(
        ".directory-search__filters"
    )
    return {
        "open": details.has_attr("open"),
        "checked": sorted(box["value"] for box in details.select("input[checked]")),
        "selected": [option["value"] for option in details.select("option[selected]")],
        "q": details.select_one("input[name=q]").get("value"),
    }


def test_each_search_shows_its_own_filters_chosen(directory, client):
    """The drawing kept for one choice of filters is never shown for another."""
    plain = f"{DIRECTORY_LONDON}"
    spanish = f"{DIRECTORY_LONDON}&language=es&service=home-visits&accepting=1"
    for _ in range(2):  # the second time from the cache
        assert filters_of(client.get(plain)) == {
            "open": False, "checked": [], "selected": [], "q": None,
        }  # fmt: skip
        assert filters_of(client.get(spanish)) == {
            "open": True, "checked": ["1", "home-visits"], "selected": ["es"], "q": None,
        }  # fmt: skip


def test_words_typed_in_the_filters_are_never_kept(directory, client):
    first = filters_of(client.get(f"{DIRECTORY_LONDON}&q=tongue+tie"))
    second = filters_of(client.get(f"{DIRECTORY_LONDON}&q=night+feeds"))
    assert (first["q"], second["q"]) == ("tongue tie", "night feeds")


def test_a_refused_filter_shows_its_own_error(directory, client):
    page = client.get(f"{DIRECTORY_LONDON}&language=xx")
    text = visible_text(page)
    assert "Select a valid choice" in text
    assert "Select a valid choice" not in visible_text(client.get(DIRECTORY_LONDON))


def test_a_cards_own_preview_shows_its_draft_and_a_pages_preview_the_live_card(demo_site, client):
    assert "Call 999 now if your baby cannot be woken" in card(client.get(ARTICLE))  # cached
    signs = WarningSigns.objects.get(live=True, region="uk")
    signs.emergency_line = "only the draft says this"
    preview = signs.make_preview_request()
    assert "Call 999 now if only the draft says this" in card(preview)
    # The article's preview shows the card readers see, from the cache.
    article_preview = ArticlePage.objects.get().make_preview_request()
    assert "Call 999 now if your baby cannot be woken" in card(article_preview)
