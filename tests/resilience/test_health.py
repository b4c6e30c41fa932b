"""`/healthz` and `/readyz`: what a load balancer probing by IP over plain HTTP sees."""

import http.client
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from django.test import Client

from .conftest import closed_port

ROOT = Path(__file__).resolve().parents[2]
LOAD_BALANCER = {"HTTP_HOST": "10.0.0.7"}  # probing the server by its address


def test_healthz_answers_without_database_or_cache():
    """No `db` fixture: pytest-django would fail any query."""
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {}}
    assert response["Cache-Control"] == "no-store"


def test_readyz_is_ready_when_database_and_cache_answer(db):
    response = Client().get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}


def test_readyz_answers_503_when_the_database_is_down(database_down):
    response = Client().get("/readyz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": "unavailable", "cache": "ok"},
    }


def test_readyz_answers_503_when_redis_is_down(db, dead_redis):
    response = Client().get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "unavailable"}


def test_readyz_answers_503_quickly_when_redis_hangs(db, hung_redis):
    started = time.monotonic()
    response = Client().get("/readyz")
    assert time.monotonic() - started < 1.0
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == "unavailable"


def test_probes_by_ip_over_http_pass_host_checks_and_the_https_redirect(db, settings):
    settings.ALLOWED_HOSTS = ["milk.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    client = Client()
    assert client.get("/healthz", **LOAD_BALANCER).status_code == 200
    assert client.get("/readyz", **LOAD_BALANCER).status_code == 200
    assert client.head("/healthz/", **LOAD_BALANCER).status_code == 200
    # Every other page still refuses the unknown host, and redirects plain HTTP.
    assert client.get("/", **LOAD_BALANCER).status_code == 400
    assert client.get("/", HTTP_HOST="milk.example.org").status_code == 301


def test_probes_are_exempt_from_the_https_redirect_even_without_their_middleware(db, settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != "website.health.ProbeMiddleware"]
    settings.SECURE_SSL_REDIRECT = True
    client = Client()
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
    assert client.get("/").status_code == 301


def test_probes_accept_only_reads():
    assert Client().post("/healthz").status_code == 405


# An app server run as production runs it, its database down -------------------------------


@pytest.fixture(scope="module")
def production_server():
    """gunicorn with production settings, ALLOWED_HOSTS set, and a database that is down."""
    port = closed_port()
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="tests.resilience.production_settings",
        SECRET_KEY="a-long-random-production-secret-key-" + "x" * 40,
        ALLOWED_HOSTS="milk.example.org",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{closed_port()}/milk",
        FALLBACK_HELPLINE_NAME="Feeding helpline",
        FALLBACK_HELPLINE_PHONE="0300 100 0212",
        # Production refuses to start without a mail server and an https address.
        EMAIL_URL=f"smtp://127.0.0.1:{closed_port()}",
        WAGTAILADMIN_BASE_URL="https://milk.example.org",
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "website.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "1", "--log-level", "warning"],
        cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert server.poll() is None, server.stdout.read().decode()
            try:
                request(port, "/healthz", host="127.0.0.1")
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("the app server did not start")
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def request(port, path, *, host, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers={"Host": host, **(headers or {})})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()
    finally:
        connection.close()


def test_production_server_answers_probes_by_ip_and_the_outage_page(production_server):
    status, _, body = request(production_server, "/healthz", host="10.0.0.7")
    assert (status, json.loads(body)["status"]) == (200, "ok")

    status, _, body = request(production_server, "/readyz", host="10.0.0.7")
    assert status == 503
    assert json.loads(body)["checks"] == {"database": "unavailable", "cache": "ok"}

    # A visitor (over HTTPS, behind the proxy) gets the outage page, not an error.
    status, headers, body = request(
        production_server, "/", host="milk.example.org", headers={"X-Forwarded-Proto": "https"}
    )
    assert status == 503
    assert headers["Retry-After"] == "60"
    assert "Get medical help today if" in body
    assert 'href="tel:03001000212"' in body

    # The rest of the site keeps its protections.
    assert request(production_server, "/", host="milk.example.org")[0] == 301
    assert request(production_server, "/", host="10.0.0.7")[0] == 400
