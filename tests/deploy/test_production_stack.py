"""Production boots: every kind of page, the APIs, static files and media answer over HTTP.

First from gunicorn alone, given the X-Forwarded-Proto header nginx would send, then
through nginx over TLS, as visitors reach it.
"""

import re

import pytest

from tests.deploy.client import fetch

PUBLIC = [
    "home",
    "article",
    "factor index",
    "factor",
    "directory",
    "directory search",
    "listing",
    "standard page",
    "search",
    "sitemap",
    "robots",
    "admin login",
    "directory API",
    "HSDS API",
]
FROM_PROXY = {"X-Forwarded-Proto": "https", "Host": "localhost"}
LEAFLET = "help_contacts/vendor/leaflet/leaflet.js"


@pytest.mark.parametrize("name", PUBLIC)
def test_gunicorn_serves_every_kind_of_page(production_site, name):
    response = fetch(production_site.gunicorn(), production_site.urls[name], headers=FROM_PROXY)
    assert 200 <= response.status < 300, response.text[:500]


def test_gunicorn_serves_hashed_static_files_itself(production_site):
    path = production_site.manifest_path(LEAFLET)
    assert re.search(r"leaflet\.[0-9a-f]{12}\.js$", path)
    response = fetch(production_site.gunicorn(), path, headers=FROM_PROXY)
    assert response.status == 200
    assert b"Leaflet 1.9.4" in response.body


def test_a_missing_page_gets_the_sites_own_404(production_site):
    response = fetch(production_site.gunicorn(), "/no-such-page/", headers=FROM_PROXY)
    assert response.status == 404
    assert re.search(r'href="/static/[^"]+\.[0-9a-f]{12}\.css"', response.text)


def test_gunicorn_sends_plain_http_to_https(production_site):
    response = fetch(production_site.gunicorn(), "/", headers={"Host": "localhost"})
    assert response.status == 301
    assert response.headers["Location"] == "https://localhost/"


def test_pages_link_hashed_static_files_that_exist(production_site):
    html = fetch(production_site.gunicorn(), "/", headers=FROM_PROXY).text
    linked = re.findall(r'(?:href|src)="(/static/[^"]+)"', html)
    assert linked, "the home page links no static file"
    for path in linked:
        assert re.search(r"\.[0-9a-f]{12}\.\w+$", path), path
        assert fetch(production_site.gunicorn(), path, headers=FROM_PROXY).status == 200


@pytest.mark.parametrize("name", PUBLIC)
def test_nginx_serves_every_kind_of_page_over_https(nginx_front, production_site, name):
    response = fetch(nginx_front.https(), production_site.urls[name])
    assert 200 <= response.status < 300, response.text[:500]


def test_nginx_sends_plain_http_to_https(nginx_front):
    response = fetch(
        nginx_front.http(), "/find-support/?location=Leeds", headers={"Host": "localhost"}
    )
    assert response.status == 301
    assert response.headers["Location"] == (
        f"https://localhost:{nginx_front.https_port}/find-support/?location=Leeds"
    )


def test_nginx_tells_django_the_request_was_https(nginx_front):
    # Django would redirect to https (SECURE_SSL_REDIRECT) if it thought otherwise, and
    # sends HSTS only on requests it knows are secure.
    response = fetch(nginx_front.https(), "/")
    assert response.status == 200
    assert "max-age=31536000" in response.headers["Strict-Transport-Security"]
    assert response.headers["Server"] == "nginx"  # no version: server_tokens off


def test_nginx_serves_static_files_with_a_long_cache(nginx_front, production_site):
    path = production_site.manifest_path(LEAFLET)
    response = fetch(nginx_front.https(), path)
    assert response.status == 200
    assert b"Leaflet 1.9.4" in response.body
    assert response.headers.get_all("Cache-Control") == ["public, max-age=31536000, immutable"]
    assert response.headers["Content-Type"] == "application/javascript"
    compressed = fetch(nginx_front.https(), path, headers={"Accept-Encoding": "gzip"})
    assert compressed.headers["Content-Encoding"] == "gzip"


@pytest.mark.parametrize("name", ["original image", "rendition"])
def test_nginx_serves_uploaded_images(nginx_front, production_site, name):
    path = production_site.urls[name]
    assert path.startswith("/media/")
    response = fetch(nginx_front.https(), path)
    assert response.status == 200
    assert response.headers["Content-Type"] == "image/png"
    assert response.body.startswith(b"\x89PNG")
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_nginx_leaves_documents_to_django(nginx_front, production_site):
    # Documents can be private (collection view restrictions); only Django's /documents/
    # view checks that, so the files themselves are never served from /media/.
    document = production_site.media_root / "documents" / "private.txt"
    document.parent.mkdir(exist_ok=True)
    document.write_text("for reviewers only")
    document.chmod(0o644)
    document.parent.chmod(0o755)
    assert fetch(nginx_front.https(), "/media/documents/private.txt").status == 404


def test_nginx_refuses_a_big_public_body_but_lets_the_admin_upload(nginx_front):
    big = b"details=" + b"x" * 100_000
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    public = fetch(
        nginx_front.https(),
        "/find-support/suggest-a-listing/",
        method="POST",
        headers=form,
        body=big,
    )
    assert public.status == 413
    admin = fetch(nginx_front.https(), "/admin/login/", method="POST", headers=form, body=big)
    # Through to Django, which asks for its CSRF token.
    assert admin.status == 403
    assert "CSRF" in admin.text or "send the form again" in admin.text
