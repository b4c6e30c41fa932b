"""A practitioner keeps her listing true from the email, in a real browser.

The mail arrives at a real SMTP server (aiosmtpd, tests/mail_support.py); the test opens
the link it carries, as she would, and answers with the page's own buttons and form.
"""

import datetime

import pytest

from django.core.management import call_command
from django.utils import timezone

from help_contacts.models import Consultant, ProblemKind, ProblemReport
from tests.browser.conftest import PHONE, ensure_wagtail_tree
from tests.factories import ConsultantFactory, DirectoryPageFactory
from tests.help_contacts.conftest import make_place


@pytest.fixture
def wagtail_tree(transactional_db):
    ensure_wagtail_tree()  # before `home`: the last browser test's flush removed it


@pytest.fixture
def directory(wagtail_tree, home):
    make_place(
        "London", country="United Kingdom", code="GB", latitude=51.5074, longitude=-0.1278,
        population=8_961_989,
    )  # fmt: skip
    return DirectoryPageFactory(parent=home)


def listing(name, *, days_since_check, **fields):
    return ConsultantFactory(
        name=name,
        last_verified=timezone.localdate() - datetime.timedelta(days=days_since_check),
        **fields,
    )


def result_names(tab, base):
    tab.goto(f"{base}/find-support/?location=London")
    return tab.locator("h3.listing__name").all_inner_texts()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_the_owner_confirms_and_corrects_from_the_email(
    directory, inbox, live_server, browser, javascript
):
    base = live_server.url
    # Two listings at the same place: the one checked 400 days ago ranks below the fresh one.
    ada = listing("Ada Abbott", days_since_check=400, owner_email="ada@example.org")
    listing("Zed Zimmer", days_since_check=10)
    bea = listing("Bea Brennan", days_since_check=350, owner_email="bea@example.org")
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    tab = context.new_page()
    try:
        names = result_names(tab, base)
        assert names.index("Zed Zimmer") < names.index("Ada Abbott")

        call_command("send_listing_checks")
        [ada_link] = inbox.links("ada@example.org")
        [bea_link] = inbox.links("bea@example.org")

        # Everything is still right: one tap.
        tab.goto(base + ada_link)
        assert tab.locator("h1").inner_text() == "Is your listing still right, Ada Abbott?"
        tab.get_by_role("button", name="Everything is still right").click()
        tab.wait_for_load_state()
        assert tab.locator("h1").inner_text() == "Thank you: your listing is up to date"
        today = timezone.localdate()
        card = tab.goto(f"{base}/find-support/{ada.slug}/")
        assert card.status == 200
        text = tab.locator("main").inner_text()
        assert f"Confirmed by the practitioner on {today.day} {today:%B %Y}" in text
        names = result_names(tab, base)
        assert names.index("Ada Abbott") < names.index("Zed Zimmer")  # fresh now: name order

        # The link worked once.
        used = tab.goto(base + ada_link)
        assert used.status == 410
        assert "This link has been used already" in tab.locator("main").inner_text()
        assert "Everything is still right" not in tab.content()

        # A new phone number shows at once; a new credential waits for a manager.
        tab.goto(base + bea_link)
        tab.get_by_label("Phone", exact=True).fill("020 7946 0999")
        tab.get_by_label("CLC (Certified Lactation Counselor)").check()
        tab.get_by_role("button", name="Save my changes").click()
        tab.wait_for_load_state()
        main = tab.locator("main").inner_text()
        assert "A directory manager will check your change to: Credentials" in main
        tab.goto(f"{base}/find-support/{bea.slug}/")
        main = tab.locator("main").inner_text()
        assert "020 7946 0999" in main
        assert "Certified Lactation Counselor" not in main and "CLC," not in main
        report = ProblemReport.objects.get(kind=ProblemKind.OWNER_CHANGE)
        assert report.proposed_changes == {"credentials": ["ibclc", "clc"]}
        assert Consultant.objects.get(pk=bea.pk).credentials == ["ibclc"]

        # A forged link reveals nothing.
        forged = tab.goto(base + ada_link[:-4] + "AAAA/")
        assert forged.status == 404
        text = tab.locator("main").inner_text()
        assert "We could not read this link" in text and "Ada" not in text
    finally:
        context.close()
