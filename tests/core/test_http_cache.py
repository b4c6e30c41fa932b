"""Anonymous public answers say how long caches may keep them; nothing personal ever does."""

import pytest

from django.urls import reverse

from wagtail.models import PageViewRestriction

from tests.factories import (
    ConsultantFactory,
    DirectoryPageFactory,
    PlaceFactory,
    StandardPageFactory,
)

PAGE = {"public", "max-age=60", "s-maxage=3600"}
SEARCH = {"public", "max-age=60", "s-maxage=300"}


def directives(response):
    return {part.strip() for part in response["Cache-Control"].split(",")}


def is_never_cached(response):
    found = directives(response)
    return (
        "public" not in found
        and "no-store" in found
        and not any(part.startswith("s-maxage") for part in found)
    )


@pytest.fixture
def directory(home):
    PlaceFactory(name="Leeds", key="leeds", country_code="GB", latitude=53.8, longitude=-1.55)
    ConsultantFactory(city="Leeds", latitude=53.8, longitude=-1.55, slug="ann")
    return DirectoryPageFactory(parent=home)


@pytest.mark.django_db
def test_a_page_is_public_for_a_minute_in_browsers_and_an_hour_in_shared_caches(client, home):
    page = StandardPageFactory(parent=home, slug="about")
    response = client.get(page.url)
    assert response.status_code == 200
    assert directives(response) == PAGE
    assert not response.cookies


@pytest.mark.parametrize(
    "path",
    [
        "/find-support/?location=Leeds",
        "/api/v1/directory/?location=Leeds",
        "/api/v1/hsds/services/?location=Leeds",
        "/search/?q=milk",
    ],
)
def test_searches_and_apis_are_public_for_five_minutes_in_shared_caches(client, directory, path):
    response = client.get(path)
    assert response.status_code == 200, response.content[:300]
    assert directives(response) == SEARCH


def test_a_listing_page_is_public_like_a_page(client, directory):
    response = client.get("/find-support/ann/")
    assert response.status_code == 200
    assert directives(response) == PAGE


def test_a_form_with_a_csrf_token_is_never_cached(client, directory):
    response = client.get("/find-support/suggest-a-listing/")
    assert response.status_code == 200
    assert "csrftoken" in response.cookies
    assert is_never_cached(response)


def test_a_signed_in_editor_gets_private_pages(client, home, superuser):
    page = StandardPageFactory(parent=home, slug="about")
    client.force_login(superuser)
    response = client.get(page.url)
    assert response.status_code == 200
    assert is_never_cached(response)


def test_a_page_behind_a_password_is_never_cached(client, home):
    page = StandardPageFactory(parent=home, slug="about")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    response = client.get(page.url)
    assert response.status_code == 200
    assert is_never_cached(response)


def test_a_preview_is_never_cached(client, home, superuser):
    page = StandardPageFactory(parent=home, slug="about")
    client.force_login(superuser)
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert response.status_code == 200
    assert "public" not in directives(response)
    assert "private" in directives(response)


@pytest.mark.parametrize(
    "path",
    [
        "/no-such-page/",  # a 404
        "/find-support/?location=Nowhere-at-all",  # a 400: the form explains
        "/api/v1/directory/?radius=7",  # a 400 in JSON
        "/healthz",
        "/admin/login/",
    ],
)
def test_errors_probes_and_the_admin_are_never_cached(client, directory, path):
    response = client.get(path)
    assert response.status_code != 200 or path in ("/healthz", "/admin/login/")
    assert is_never_cached(response)


def test_a_post_is_never_cached(client, directory):
    response = client.post("/find-support/ann/report/", {"kind": "closed"})
    assert is_never_cached(response)


def test_robots_txt_is_public_for_a_day_in_shared_caches(client, home):
    response = client.get("/robots.txt")
    assert directives(response) == {"public", "max-age=3600", "s-maxage=86400"}
