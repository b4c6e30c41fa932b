"""Fixtures every test folder shares, and helpers for reading what a person sees.

Expensive state is built once: the demo site is loaded once per test module inside a
transaction that is rolled back when the module is done, and each test runs in a savepoint
inside it (what Django's `setUpTestData` does for a class). Tests in a module that use it run
after the module's other tests, so those never see it.
"""

import contextlib
import os

import pytest
import time_machine
from bs4 import BeautifulSoup

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from wagtail.models import Page, Site

from tests.factories import (
    ArticleIndexPageFactory,
    FactorIndexPageFactory,
    HomePageFactory,
    ReviewerProfileFactory,
    UserFactory,
)
from website.demo.site import load_site_content
from website.models import HomePage

# The real SMTP server (`inbox`) for tests that follow links in received mail.
pytest_plugins = ["tests.mail_support"]

# Set by `make test` to start the clock just before midnight on a leap day (it ticks on from
# there), so a test that reads the date at the wrong moment fails in every run, not at night.
TEST_CLOCK = os.environ.get("TEST_CLOCK", "")


def pytest_configure(config):
    if TEST_CLOCK:
        config._test_clock = time_machine.travel(TEST_CLOCK, tick=True)
        config._test_clock.start()


def pytest_report_header(config):
    return f"clock: {TEST_CLOCK} (ticking)" if TEST_CLOCK else "clock: real"


def pytest_collection_modifyitems(config, items):
    """Order the run so that shared state is built once and nothing wipes it early.

    Within each module, the tests that use the demo site run last (see above). Tests in a
    transactional database (whose flush empties every table) run after all the others, so the
    demo site that the browser tests' one live server reads stays until they are done.
    """
    first_in_module = {}
    for index, item in enumerate(items):
        first_in_module.setdefault(getattr(item, "module", None), index)
    original = {item: index for index, item in enumerate(items)}

    def order(item):
        fixtures = getattr(item, "fixturenames", ())
        return (
            "transactional_db" in fixtures or "live_server" in fixtures,
            first_in_module[getattr(item, "module", None)],
            "demo_site" in fixtures,
            original[item],
        )

    items.sort(key=order)


def member_of(group_name, **fields):
    """A new user in one of the editorial groups (Editors, Medical reviewers, …)."""
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def visible_text(response):
    """What a person reads on the page: its text, parsed as HTML, whitespace collapsed."""
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    return " ".join(soup.get_text(" ").split())


@contextlib.contextmanager
def shared_cache_reads():
    """Every key read from the shared cache (local memory in tests; Redis in production,
    a round trip each) while the block runs, in order."""
    reads = []
    original_get = cache.get

    def recording_get(key, *args, **kwargs):
        reads.append(key)
        return original_get(key, *args, **kwargs)

    cache.get = recording_get
    try:
        yield reads
    finally:
        del cache.get


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: nothing cached for another test's rows leaks in."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    """A HomePage as the root of the default site, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="home-test")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    return home


@pytest.fixture
def topic(home):
    return ArticleIndexPageFactory(parent=home, slug="topic")


@pytest.fixture
def factor_index(home):
    return FactorIndexPageFactory(parent=home, slug="why-milk-can-be-slow")


@pytest.fixture(scope="module")
def _demo_site_for_module(django_db_setup, django_db_blocker):
    """Load the demo content once for a module, in a transaction rolled back after it."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            home_pk = load_site_content(log=lambda message: None).pk
        except BaseException:
            outer.__exit__(None, None, None)
            raise
    try:
        yield home_pk
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo_site(_demo_site_for_module, db):
    """The full demo content, as `make run` loads it; returns its home page, read afresh."""
    return HomePage.objects.get(pk=_demo_site_for_module)


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True, is_staff=True)


@pytest.fixture
def editor(db):
    """An editor: writes and submits content, cannot publish health content alone."""
    return member_of("Editors", username="eddie", email="eddie@example.org")


@pytest.fixture
def reviewer(db):
    """A medical reviewer with the public name and credentials the site shows."""
    user = member_of("Medical reviewers", username="rita", first_name="Rita", last_name="Okafor")
    ReviewerProfileFactory(user=user, display_name="Dr Rita Okafor", credentials="MBBS, IBCLC")
    return user


@pytest.fixture
def now():
    """The time, held still for the test, so dates compared across a request cannot straddle
    midnight; compute dates from this (or `today`) inside the test, never at import."""
    with time_machine.travel(timezone.now(), tick=False):
        yield timezone.now()


@pytest.fixture
def today(now):
    return timezone.localdate(now)
