"""What every page repeats (site, settings, menu, footer, view restrictions) is cached, and an
editor's change shows on the very next request."""

import re
import sys

import pytest

from django.apps import apps
from django.core.cache import cache
from django.db import connection
from django.db.models.signals import post_migrate
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from wagtail.models import Page, PageViewRestriction, Site

from core.models import SiteSettings
from core.site_cache import LocalCopies, request_scope, site_cache_clear, site_cached
from tests.conftest import shared_cache_reads
from tests.factories import DirectoryPageFactory, StandardPageFactory, UserFactory
from tests.website.admin_forms import edit_page, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home):
    return StandardPageFactory(parent=home, title="About us", slug="about", show_in_menus=True)


@pytest.fixture
def admin_client(client, about):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def menu_of(response):
    html = response.content.decode()
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav)


def footer_of(response):
    html = response.content.decode()
    return re.search(r'<footer class="site-footer">.*?</footer>', html, re.S).group(0)


def get_twice(client, url="/"):
    """The second response is the one served from the cache."""
    client.get(url)
    return client.get(url)


def edit_settings(client, **changes):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["core", "sitesettings", site.pk])
    response = client.get(url)
    assert response.status_code == 200
    # The footer links' editor is drawn by JavaScript; posting no links keeps the none there are.
    data = form_data(response.content.decode(), action=url, **{"footer_links-count": "0"})
    response = client.post(url, {**data, **changes})
    assert response.status_code == 302


def test_second_request_reads_site_settings_and_menu_from_the_cache(client, about):
    client.get("/about/")  # creates the site settings, which clears the cache
    cache.clear()
    with CaptureQueriesContext(connection) as first:
        client.get("/about/")
    with CaptureQueriesContext(connection) as second:
        response = client.get("/about/")
    assert menu_of(response) == [("/about/", "About us")]
    for query in second.captured_queries:
        sql = query["sql"]
        assert '"wagtailcore_site"' not in sql and '"website_sitesettings"' not in sql
        assert '"alias_of_id" FROM' not in sql  # the view restrictions' ancestors
        assert '"show_in_menus"' not in sql.partition("WHERE")[2]  # the menu
    # Routing too: the page at the path comes from the cache (core.site_cache.CachedRoutingMixin).
    assert second.captured_queries == [] and first.captured_queries


def test_a_new_slug_routes_at_once_and_the_old_one_is_gone(client, admin_client, about):
    get_twice(client, "/about/")
    response = edit_page(admin_client, about, slug="about-us", **{"action-publish": "1"})
    assert response.status_code == 302
    assert client.get("/about-us/").status_code == 200
    assert client.get("/about/").status_code == 404


def test_a_path_that_matches_nothing_is_not_kept(client, about):
    """Slugs come from visitors' URLs: a miss is asked of the database each time, so a
    flood of made-up paths cannot fill the cache, and a page published later is found."""
    assert client.get("/not-yet/").status_code == 404
    with CaptureQueriesContext(connection) as again:
        assert client.get("/not-yet/").status_code == 404
    assert any('"slug"' in query["sql"] for query in again.captured_queries)
    StandardPageFactory(parent=about.get_parent(), title="Not yet", slug="not-yet")
    assert client.get("/not-yet/").status_code == 200


def test_publishing_a_new_title_renames_the_menu_item_at_once(client, admin_client, about):
    assert menu_of(get_twice(client)) == [("/about/", "About us")]
    response = edit_page(admin_client, about, title="Who we are", **{"action-publish": "1"})
    assert response.status_code == 302
    assert menu_of(client.get("/")) == [("/about/", "Who we are")]


def test_saving_a_draft_changes_nothing_public(client, admin_client, about):
    get_twice(client)
    edit_page(admin_client, about, title="Draft title")
    assert menu_of(client.get("/")) == [("/about/", "About us")]


def test_publishing_a_new_menu_page_adds_it_at_once(client, home, about):
    get_twice(client)
    contact = StandardPageFactory(parent=home, title="Contact", slug="contact", live=False)
    contact.show_in_menus = True
    contact.save_revision().publish()
    assert menu_of(client.get("/")) == [("/about/", "About us"), ("/contact/", "Contact")]


def test_unpublishing_a_menu_page_removes_it_at_once(client, admin_client, about):
    get_twice(client)
    response = admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[about.pk]))
    assert response.status_code == 302
    assert menu_of(client.get("/")) == []
    assert client.get("/about/").status_code == 404


def test_moving_a_menu_page_updates_the_menu_and_its_url(client, admin_client, home, about):
    other = StandardPageFactory(parent=home, title="Other", slug="other", show_in_menus=True)
    get_twice(client)
    url = reverse("wagtailadmin_pages:move_confirm", args=[about.pk, other.pk])
    assert admin_client.post(url).status_code == 302
    assert menu_of(client.get("/")) == [("/other/", "Other")]
    assert client.get("/other/about/").status_code == 200


def test_reordering_menu_pages_reorders_the_menu(client, home, about):
    other = StandardPageFactory(parent=home, title="Other", slug="other", show_in_menus=True)
    assert [title for _url, title in menu_of(get_twice(client))] == ["About us", "Other"]
    other.move(about, pos="left")
    assert [title for _url, title in menu_of(client.get("/"))] == ["Other", "About us"]


def test_deleting_a_menu_page_removes_it_at_once(client, admin_client, about):
    get_twice(client)
    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[about.pk]))
    assert response.status_code == 302
    assert menu_of(client.get("/")) == []


def test_a_new_view_restriction_applies_and_hides_the_menu_item_at_once(client, about):
    assert client.get("/about/").status_code == 200
    get_twice(client)
    restriction = PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert menu_of(client.get("/")) == []
    response = client.get("/about/")
    assert response.status_code == 200 and 'name="password"' in response.content.decode()
    restriction.delete()
    assert 'name="password"' not in client.get("/about/").content.decode()
    assert menu_of(client.get("/")) == [("/about/", "About us")]


def test_a_restriction_on_an_ancestor_guards_the_directory(client, home):
    DirectoryPageFactory(parent=home)
    assert get_twice(client, "/find-support/").status_code == 200
    PageViewRestriction.objects.create(page=home, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/find-support/")
    assert response.status_code == 302 and "login" in response["Location"]


def test_saving_site_settings_in_the_admin_shows_at_once(client, admin_client):
    html = get_twice(client).content.decode()
    assert "Milk Supply Help" in html
    edit_settings(
        admin_client,
        site_name="Milk Help Line",
        helpline_name="Feeding helpline",
        helpline_phone="0300 100 0212",
    )
    html = re.sub(r"\s+", " ", client.get("/about/").content.decode())
    assert "| Milk Help Line</title>" in html
    assert 'Feeding helpline: <a href="tel:03001000212">0300 100 0212</a>' in html
    assert "&copy;" in html and "Milk Help Line</p>" in html


def test_footer_links_follow_the_settings_and_the_pages_they_name(client, home, about):
    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    settings.footer_links = [("link", {"label": "About", "page": about, "url": ""})]
    settings.save()
    assert '<a href="/about/">About</a>' in footer_of(get_twice(client))

    about.slug = "about-us"
    about.save_revision().publish()
    assert '<a href="/about-us/">About</a>' in footer_of(client.get("/"))

    settings = SiteSettings.for_site(site)
    settings.footer_links = []
    settings.save()
    assert "footer-links" not in footer_of(client.get("/"))


def test_changing_the_sites_root_page_serves_the_new_root(client, home, about):
    get_twice(client)
    site = Site.objects.get(is_default_site=True)
    site.root_page = about
    site.save()
    response = client.get("/")
    assert response.status_code == 200
    assert "<title>About us |" in response.content.decode()
    assert menu_of(response) == []  # the new root has no children


def test_publishing_the_home_page_shows_at_once(client, home):
    get_twice(client)
    home.heading = "Help with milk supply, tonight"
    home.save_revision().publish()
    assert "Help with milk supply, tonight" in client.get("/").content.decode()


CACHE_NAMESPACE = "site-cache"


def test_a_request_reads_the_cache_version_once(client, about):
    """A page asks the site cache a dozen times; the version costs one read, not one each."""
    get_twice(client, "/about/")
    with shared_cache_reads() as reads:
        client.get("/about/")
    assert reads.count(f"{CACHE_NAMESPACE}:version") == 1, reads


def test_a_change_made_elsewhere_shows_on_the_next_request(client, about):
    """Another server process clears the version: the next request here reads it anew."""
    assert menu_of(get_twice(client)) == [("/about/", "About us")]
    Page.objects.filter(pk=about.pk).update(title="Renamed elsewhere")
    site_cache_clear()  # what the other process's signal does
    assert menu_of(client.get("/")) == [("/about/", "Renamed elsewhere")]


def test_a_change_made_during_a_request_shows_in_that_request():
    """Inside one request a clear is seen at once: an editor's publish, then its page."""
    with request_scope():
        first = site_cached("value", lambda: "old")
        site_cache_clear()
        second = site_cached("value", lambda: "new")
    assert (first, second) == ("old", "new")


def test_a_request_inside_a_request_keeps_the_outer_ones_versions():
    """The admin's preview serves the draft as a request inside the editor's request."""
    with request_scope():
        outer = site_cached("value", lambda: "outer")
        with request_scope():
            site_cache_clear()
        assert site_cached("value", lambda: "after") == "after" != outer


def test_this_processs_copies_are_its_readers_own_and_bounded():
    copies = LocalCopies(size=2)
    copies.put("a", ["first"])
    mine = copies.get("a")
    mine.append("changed by one request")
    assert copies.get("a") == ["first"]  # the next request's copy is untouched
    copies.put("b", 2)
    copies.get("a")  # read recently, so kept
    copies.put("c", 3)
    assert (copies.get("a"), copies.get("b"), copies.get("c")) == (["first"], None, 3)


def test_text_is_kept_as_it_is_and_counts_towards_the_bound():
    """Drawn parts of pages are text, which no reader can change: handed out uncopied,
    and still bounded by the bytes they take, with anything else that is kept."""
    drawn = mark_safe("<p>" + "é" * 400 + "</p>")
    copies = LocalCopies(size=10, max_bytes=sys.getsizeof(drawn) + 200)
    copies.put("drawn", drawn)
    assert copies.get("drawn") is drawn and isinstance(copies.get("drawn"), SafeString)
    copies.put("small", ["a list", "copied for each reader"])
    assert copies.get("small") == ["a list", "copied for each reader"]
    assert copies.get("small") is not copies.get("small")
    copies.put("more text", "x" * 300)  # over the bound: the oldest read goes
    assert copies.get("drawn") is None and copies.get("more text") == "x" * 300
    copies.discard("more text")
    copies.put("drawn", drawn)  # the bytes of what was dropped were given back
    assert copies.get("drawn") is drawn


class Text(str):
    """A subclass of str may hold state of its own: it is copied, like any other value."""


def test_a_subclass_of_text_is_still_each_readers_own():
    copies = LocalCopies(size=2)
    copies.put("a", Text("value"))
    assert copies.get("a") == "value" and copies.get("a") is not copies.get("a")


def test_a_version_replaced_in_the_shared_cache_is_not_read_from_this_processs_copy():
    """Another server process publishes: the shared version changes, and this process's
    copy of the old entry is never read again."""
    with request_scope():
        assert site_cached("copied", lambda: "old") == "old"
    cache.set(f"{CACHE_NAMESPACE}:version", "set-by-another-process", None)
    with request_scope():
        assert site_cached("copied", lambda: "new") == "new"


def test_a_deploys_migrate_drops_what_the_old_release_drew():
    """Cached parts are drawn by templates: a new release must not serve the old ones."""
    with request_scope():
        site_cached("drawn", lambda: "by the old release")
    core = apps.get_app_config("core")
    post_migrate.send(
        sender=core, app_config=core, verbosity=0, interactive=False, using="default",
        apps=apps, plan=[],
    )  # fmt: skip
    with request_scope():
        assert site_cached("drawn", lambda: "by the new release") == "by the new release"


def test_the_menu_marks_the_page_being_read_on_every_page(client, home, about):
    def current(response):
        nav = re.search(r'<nav class="site-nav".*?</nav>', response.content.decode(), re.S)
        return re.findall(r'<a href="([^"]+)" aria-current="([^"]+)"', nav.group(0))

    assert current(get_twice(client, "/about/")) == [("/about/", "page")]
    assert current(get_twice(client, "/")) == []
    child = StandardPageFactory(parent=about, title="Our team", slug="team")
    assert current(get_twice(client, child.url)) == [("/about/", "true")]
    assert current(client.get("/about/")) == [("/about/", "page")]
