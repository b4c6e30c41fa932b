"""With Redis dead or hung, every page is still served, quickly, from the database.

The cache is configured exactly as production configures it from REDIS_URL (see
`conftest.redis_caches`); only the address points at a closed port or at a server that
accepts connections and never answers.
"""

import socket
import time
import uuid

import pytest

from django.core.cache import cache
from django.test import Client

from help_contacts.models import Consultant
from tests.factories import ConsultantFactory, DirectoryPageFactory, suggestion_form_data
from tests.help_contacts.conftest import make_place

from .conftest import redis_caches

# A functional bound, not a benchmark: a page that waited on Redis for every cache call
# would take several seconds; one served from the database takes a fraction of one.
QUICK = 1.0


@pytest.fixture
def site_with_directory(demo_site):
    DirectoryPageFactory(parent=demo_site, slug="find-support", title="Find support")
    listing = ConsultantFactory(name="Zofia Nowak", slug="zofia")
    make_place("Springfield", region="Illinois", region_code="IL", latitude=39.8017,
               longitude=-89.6437, population=114_394)  # fmt: skip
    return listing


PUBLIC_PAGES = [
    "/",
    "/breastfeeding-issues/when-breast-milk-is-not-coming-out/",
    "/why-milk-can-be-slow/",
    "/find-support/",
    "/find-support/?location=Springfield%2C+IL",
    "/find-support/zofia/",
    "/find-support/suggest-a-listing/",
    "/search/?q=milk",
    "/api/v1/directory/?location=Springfield%2C+IL",
]


def assert_every_page_answers_quickly(client):
    for url in PUBLIC_PAGES:
        started = time.monotonic()
        response = client.get(url)
        elapsed = time.monotonic() - started
        assert response.status_code == 200, url
        assert elapsed < QUICK, f"{url} took {elapsed:.2f} s"


def test_pages_are_served_from_the_database_when_redis_is_down(site_with_directory, dead_redis):
    assert cache.get("anything") is None  # the cache really is the unreachable Redis
    assert_every_page_answers_quickly(Client(raise_request_exception=True))


def test_pages_are_served_quickly_when_redis_hangs(site_with_directory, hung_redis, settings):
    settings.REDIS_RETRY_AFTER = 60  # longer than the test: Redis is tried exactly once
    client = Client(raise_request_exception=True)
    assert_every_page_answers_quickly(client)
    # Waited on once, then skipped: not once per cache call as without the circuit.
    assert len(hung_redis.held) == 1


def test_one_cache_call_waits_on_a_hung_redis_no_longer_than_the_timeout(hung_redis, settings):
    settings.REDIS_RETRY_AFTER = 0  # every call tries Redis: this measures the timeout alone
    for _ in range(3):
        started = time.monotonic()
        assert cache.get("anything") is None
        cache.set("anything", 1)
        assert time.monotonic() - started < 0.5


def test_admin_sign_in_works_while_redis_is_down(site_with_directory, dead_redis, superuser):
    client = Client(raise_request_exception=True)
    response = client.post(
        "/admin/login/", {"username": "root", "password": "correct-horse-battery"}
    )
    assert response.status_code == 302  # signed in: the session is in the database
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/snippets/help_contacts/consultant/").status_code == 200


def test_a_suggestion_can_be_sent_while_redis_is_down(site_with_directory, dead_redis):
    client = Client(raise_request_exception=True)
    response = client.post("/find-support/suggest-a-listing/", suggestion_form_data())
    assert response.status_code == 302
    assert Consultant.objects.filter(name="Siobhan Walsh", live=False).exists()


def _redis_is_running() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.2).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not _redis_is_running(), reason="no Redis at 127.0.0.1:6379")
def test_a_working_redis_is_used_and_trusted_again_after_an_outage(
    site_with_directory, monkeypatch, settings
):
    caches = redis_caches("redis://127.0.0.1:6379/15", monkeypatch)
    caches["default"]["KEY_PREFIX"] = f"test-{uuid.uuid4().hex}"  # apart from other workers
    settings.CACHES = caches
    client = Client(raise_request_exception=True)
    assert client.get("/").status_code == 200
    assert cache.get("site-cache:version")  # the page stored what it looked up

    from website.redis_circuit import circuit

    circuit.trip(ConnectionError("pretend"))
    assert cache.get("site-cache:version") is None  # skipped while the circuit is open
    circuit.open_until = time.monotonic() - 1  # the wait is over
    assert cache.get("site-cache:version")
    assert not circuit.is_open
    cache.clear()
