"""sitemap.xml names every public page and listing at the site's own address; a favicon."""

import xml.etree.ElementTree as ET

import pytest

from django.test import override_settings

from wagtail.models import Site

from tests.factories import ConsultantFactory, DirectoryPageFactory
from website.demo.site import _home_page

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return [node.text for node in ET.fromstring(response.content).findall("sm:url/sm:loc", NS)]


def test_sitemap_lists_published_listing_pages(client, home):
    DirectoryPageFactory(parent=home)
    ConsultantFactory(slug="nadia-london")
    ConsultantFactory(slug="hidden-draft", live=False)
    locations = sitemap_locations(client)
    assert "http://testserver/find-support/" in locations  # the host the request came to
    assert "http://testserver/find-support/nadia-london/" in locations
    assert not any("hidden-draft" in location for location in locations)


def test_sitemap_names_the_host_and_port_the_site_is_served_on(client, home):
    # The Site record says 127.0.0.1:8000 (as `make run` makes it); the site is served on
    # another port, as `make run PORT=8830` or a proxy would: the sitemap follows the request.
    Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=8000)
    DirectoryPageFactory(parent=home)
    ConsultantFactory(slug="nadia-london")
    response = client.get("/sitemap.xml", HTTP_HOST="localhost:8830")
    locations = [node.text for node in ET.fromstring(response.content).findall("sm:url/sm:loc", NS)]
    assert "http://localhost:8830/find-support/" in locations
    assert "http://localhost:8830/find-support/nadia-london/" in locations
    assert not any("8000" in location for location in locations)


@override_settings(DEV_SUPERUSER=True)
def test_make_run_prints_the_address_it_serves():
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("ensure_dev_superuser", "--address", "127.0.0.1:8830", stdout=out)
    assert "Admin: http://127.0.0.1:8830/admin/" in out.getvalue()


@override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000")
def test_demo_site_takes_its_address_from_the_configured_base_url(home):
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    _home_page()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)


@override_settings(WAGTAILADMIN_BASE_URL="https://milk.example.org")
def test_demo_site_leaves_an_operators_host_alone(home):
    Site.objects.filter(is_default_site=True).update(hostname="help.example.net", port=443)
    _home_page()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("help.example.net", 443)


def test_favicon_ico_leads_to_an_icon(client, home):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith(".ico")
    page = client.get("/").content.decode()
    assert 'rel="icon"' in page
