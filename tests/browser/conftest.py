"""Headless Chromium (Debian's package) driven by Playwright, with axe-core for accessibility.

Tests here are skipped, with the reason shown, on a machine without Chromium or
axe-core; `make test` installs both.
"""

import json
import os
from pathlib import Path

import pytest
from pytest_django.live_server_helper import LiveServer

from django.db import connection

from help_contacts.demo import load_directory_demo
from tests.factories import ConsultantFactory
from tests.help_contacts.conftest import make_place
from website.demo.site import load_site_content

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PHONE = {"width": 390, "height": 844}

# Playwright runs its own event loop in this thread; Django must still allow DB access.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
        if "demo_server" in getattr(item, "fixturenames", ()):
            # pytest-django sets up the test database only for a run with tests marked as
            # needing it; without this a run of readers alone would meet the real database.
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="session")
def _demo_server(django_db_setup, django_db_blocker):
    """The demo site and a small directory, committed once, behind one live server.

    Tests that only read (nearly all of them) share it; tests that change data use
    `transactional_db` and `live_server` instead and run after every reader (tests/conftest.py).
    """
    with django_db_blocker.unblock():
        name = str(connection.settings_dict["NAME"])
        assert "test" in name or "memory" in name, f"not a test database: {name}"
        ensure_wagtail_tree()
        home = load_site_content(log=lambda message: None)
        load_directory_demo(home=home, listings=0, log=lambda message: None)
        make_place(
            "London", country="United Kingdom", code="GB", latitude=51.5074,
            longitude=-0.1278, population=8_961_989,
        )  # fmt: skip
        for index, name in enumerate(["Ada Abbott", "Bea Brennan", "Cara Chen", "Dee Doyle"]):
            ConsultantFactory(
                name=name, slug=f"listing-{index}", latitude=51.5074 + index / 100,
                website="https://example.org/", bio="Helps with latch.",
            )  # fmt: skip
        # Cities with namesakes abroad, each with someone near: the first result must stay
        # in a phone's first screen however many other places share the name.
        for city, lat, lon, population in (
            ("Leeds", 53.7965, -1.5478, 455_123),
            ("Manchester", 53.4809, -2.2374, 395_515),
        ):
            make_place(
                city, country="United Kingdom", code="GB", latitude=lat, longitude=lon,
                population=population,
            )  # fmt: skip
            for state, state_code in (("Alabama", "AL"), ("New Hampshire", "NH"), ("Iowa", "IA")):
                make_place(
                    city, region=state, region_code=state_code, latitude=33.5, longitude=-86.8,
                    population=20_000,
                )  # fmt: skip
            ConsultantFactory(name=f"Near {city}", slug=f"near-{city.lower()}", latitude=lat,
                              longitude=lon)  # fmt: skip
        server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture
def demo_server(_demo_server, django_db_blocker):
    """The shared demo site's live server (`.url`), for a test that reads and never writes."""
    with django_db_blocker.unblock():
        yield _demo_server


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh phone-sized tab that records every request and any CSP violation."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=True)
    tab = context.new_page()
    tab.requests = []
    tab.console_errors = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on(
        "console",
        lambda message: (
            tab.console_errors.append(message.text) if message.type == "error" else None
        ),
    )
    yield tab
    context.close()


# The guide's phone: what a parent sees first on it is the "first screen".
PHONE_375 = {"width": 375, "height": 812}


@pytest.fixture(params=[True, False], ids=["with-js", "without-js"])
def phone(request, browser):
    """A 375 x 812 tab, once with JavaScript and once without (the test runs twice)."""
    context = browser.new_context(viewport=PHONE_375, java_script_enabled=request.param)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def axe_violations():
    """Run axe-core (WCAG 2.0/2.1 A and AA) in the page; returns the list of violations."""
    if not AXE.exists():
        pytest.skip("axe-core is not installed (run `npm ci`)")
    source = AXE.read_text()

    def run(tab, every_rule=False):
        """WCAG 2.0/2.1 A and AA; with `every_rule`, every rule axe has, best practices too."""
        tab.evaluate(source)
        options = (
            "{}"
            if every_rule
            else "{runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}"
        )
        result = tab.evaluate(f"async () => await axe.run(document, {options})")
        return [
            {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
        ]

    return run


def ensure_wagtail_tree():
    """Recreate the rows Wagtail's migrations make, which a transactional test's flush removes.

    The live server reads committed rows, so browser tests run outside a transaction and
    the database is emptied after each one.
    """
    from wagtail.models import Locale, Page

    Locale.objects.get_or_create(language_code="en")
    if not Page.get_first_root_node():
        Page.add_root(title="Root", slug="root")


def describe(violations):
    return json.dumps(violations, indent=2)
