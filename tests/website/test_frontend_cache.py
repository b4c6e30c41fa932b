"""Publishing purges every page that shows the change from Varnish or a CDN, and no other."""

import pytest

from django.urls import reverse

from wagtail.models import Page, Site

from core.models import SiteSettings
from factors.models import FactorPage, PracticalInsight
from help_contacts.models import SupportContact
from tests.factories import ConsultantFactory, DirectoryPageFactory
from tests.frontend_cache_recorder import RecordingBackend
from tests.website.admin_forms import insight_edit_data
from website.models import ArticlePage

ARTICLE = "/breastfeeding-issues/when-breast-milk-is-not-coming-out/"
LATCH_INSIGHT = "Get your baby's latch checked"
# The factor pages that list the latch insight (demo content), and the article listing them.
LATCH_FACTORS = {
    "/why-milk-can-be-slow/poor-latch/",
    "/why-milk-can-be-slow/breast-surgery/",
    "/why-milk-can-be-slow/tongue-tie/",
}
SEARCHES = {"/find-support/", "/api/v1/directory/", "/api/v1/hsds/services/"}


@pytest.fixture
def purges(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "recording": {"BACKEND": "tests.frontend_cache_recorder.RecordingBackend"}
    }
    RecordingBackend.reset()
    yield RecordingBackend
    RecordingBackend.reset()


@pytest.fixture
def editor_client(client, superuser):
    client.force_login(superuser)
    return client


def publish_insight(client, insight, body):
    url = reverse("wagtailsnippets_factors_practicalinsight:edit", args=[insight.pk])
    response = client.post(url, insight_edit_data(insight, body=body, publish=True))
    assert response.status_code == 302


def test_publishing_an_insight_purges_the_pages_that_show_it_and_nothing_else(
    demo_site, editor_client, purges, django_capture_on_commit_callbacks
):
    insight = PracticalInsight.objects.get(title=LATCH_INSIGHT)
    with django_capture_on_commit_callbacks(execute=True):
        publish_insight(editor_client, insight, "<p>Ask for a feed to be watched.</p>")

    assert purges.paths() == {ARTICLE, *LATCH_FACTORS}
    assert purges.sites == []


def test_nothing_is_purged_before_the_change_is_committed(demo_site, editor_client, purges):
    insight = PracticalInsight.objects.get(title=LATCH_INSIGHT)
    publish_insight(editor_client, insight, "<p>Ask for a feed to be watched.</p>")
    assert purges.urls == []


def test_an_insight_no_page_uses_purges_nothing(
    demo_site, editor_client, purges, django_capture_on_commit_callbacks
):
    insight = PracticalInsight.objects.create(title="Unused", body="<p>Unused.</p>", live=True)
    with django_capture_on_commit_callbacks(execute=True):
        publish_insight(editor_client, insight, "<p>Still unused.</p>")
    assert purges.urls == []


def test_unpublishing_an_insight_purges_the_pages_that_showed_it(
    demo_site, purges, django_capture_on_commit_callbacks
):
    insight = PracticalInsight.objects.get(title=LATCH_INSIGHT)
    with django_capture_on_commit_callbacks(execute=True):
        insight.unpublish()
    assert purges.paths() == {ARTICLE, *LATCH_FACTORS}


def test_publishing_a_support_contact_purges_its_pages_and_directory_searches(
    demo_site, purges, django_capture_on_commit_callbacks
):
    DirectoryPageFactory(parent=demo_site)
    contact = SupportContact.objects.filter(factor_links__isnull=False).distinct().first()
    showing = {Page.objects.get(pk=link.page_id).url for link in contact.factor_links.all()} | {
        page.url
        for page in ArticlePage.objects.live()
        if any(
            block.block_type == "seek_help" and contact in block.value["contacts"]
            for block in page.body
        )
    }
    contact.summary = "Changed."
    with django_capture_on_commit_callbacks(execute=True):
        contact.save_revision().publish()
    assert showing
    assert purges.paths() == showing | SEARCHES


def test_publishing_a_factor_page_purges_it_its_parents_and_the_articles_listing_it(
    demo_site, purges, django_capture_on_commit_callbacks
):
    factor = FactorPage.objects.get(url_path__endswith="/poor-latch/")
    factor.summary = "Changed summary."
    with django_capture_on_commit_callbacks(execute=True):
        factor.save_revision().publish()
    assert purges.paths() == {
        "/why-milk-can-be-slow/poor-latch/",
        "/why-milk-can-be-slow/",
        "/",
        ARTICLE,
        "/first-days/",  # the feeding guide the factor links to
        "/search/",
        "/sitemap.xml",
    }
    assert purges.sites == []


def test_an_article_that_stops_listing_a_factor_purges_that_factors_page(
    demo_site, purges, django_capture_on_commit_callbacks
):
    article = ArticlePage.objects.get(url_path__endswith="/when-breast-milk-is-not-coming-out/")
    factor_list = next(block for block in article.body if block.block_type == "factor_list")
    dropped = factor_list.value["factors"][-1]
    factor_list.value["factors"] = list(factor_list.value["factors"])[:-1]
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    assert dropped.url in purges.paths()
    assert ARTICLE in purges.paths()


def test_a_page_in_the_main_menu_purges_its_whole_site(
    demo_site, purges, django_capture_on_commit_callbacks
):
    factor_index = Page.objects.get(url_path__endswith="/why-milk-can-be-slow/").specific
    factor_index.title = "Why milk is slow"
    with django_capture_on_commit_callbacks(execute=True):
        factor_index.save_revision().publish()
    assert purges.sites == [Site.objects.get(is_default_site=True).hostname]


def test_moving_and_deleting_a_page_purge_its_old_address(
    demo_site, purges, django_capture_on_commit_callbacks
):
    factor = FactorPage.objects.get(url_path__endswith="/breast-surgery/")
    with django_capture_on_commit_callbacks(execute=True):
        factor.delete()
    assert "/why-milk-can-be-slow/breast-surgery/" in purges.paths()
    assert ARTICLE in purges.paths()


def test_publishing_a_listing_purges_its_page_and_every_search(
    demo_site, purges, django_capture_on_commit_callbacks
):
    DirectoryPageFactory(parent=demo_site)
    listing = ConsultantFactory(slug="old-slug")
    RecordingBackend.reset()
    listing.slug = "new-slug"
    with django_capture_on_commit_callbacks(execute=True):
        listing.save_revision().publish()
    assert purges.paths() == SEARCHES | {"/find-support/old-slug/", "/find-support/new-slug/"}
    assert purges.sites == []


def test_changing_the_site_settings_purges_the_whole_site(
    demo_site, purges, django_capture_on_commit_callbacks
):
    settings_obj = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_obj.helpline_phone = "0300 100 0212"
    with django_capture_on_commit_callbacks(execute=True):
        settings_obj.save()
    assert purges.sites == [Site.objects.get(is_default_site=True).hostname]
