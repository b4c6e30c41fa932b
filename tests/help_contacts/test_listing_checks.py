"""A listing's owner confirms or corrects it from an email, with no account.

Mail goes through a real SMTP server (aiosmtpd) and the tests follow the link in the
message that arrived, as the practitioner would.
"""

import datetime
import email
import re
import socket
from email import policy
from urllib.parse import urlsplit

import pytest
from aiosmtpd.controller import Controller

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import ModelLogEntry

from help_contacts.data import listing_checks
from help_contacts.models import Consultant, ListingCheck
from tests.conftest import visible_text
from tests.factories import ConsultantFactory, DirectoryPageFactory

LINK = re.compile(r"https?://\S+/listing-check/[\w-]+/")


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"

    def links(self, to):
        """The check links in the messages that reached `to`, in order."""
        found = []
        for message in self.messages:
            if message["To"] == to:
                found += LINK.findall(message.get_body(preferencelist=("plain",)).get_content())
        return [urlsplit(link).path for link in found]


@pytest.fixture(scope="module")
def smtp_server():
    inbox = Inbox()
    with socket.socket() as probe:  # a free port: aiosmtpd cannot start on port 0
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield controller, inbox
    finally:
        controller.stop()


@pytest.fixture
def inbox(smtp_server, settings):
    controller, inbox = smtp_server
    inbox.messages.clear()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    return inbox


@pytest.fixture
def directory(home):
    return DirectoryPageFactory(parent=home)


def going_stale(**fields):
    """A published listing last checked nearly a year ago, with its owner's address."""
    fields.setdefault("owner_email", "ada@example.org")
    fields.setdefault("name", "Ada Abbott")
    fields.setdefault("last_verified", timezone.localdate() - datetime.timedelta(days=350))
    return ConsultantFactory(**fields)


def test_the_owner_confirms_from_the_email_and_parents_see_it(directory, inbox, client):
    listing = going_stale()
    call_command("send_listing_checks")
    [link] = inbox.links("ada@example.org")

    page = client.get(link)
    assert page.status_code == 200
    text = visible_text(page)
    assert "Is your listing still right, Ada Abbott?" in text
    assert "020 7946 0000" in text  # the listing as parents see it
    assert page["Cache-Control"].startswith("private") and "no-store" in page["Cache-Control"]
    assert page["Referrer-Policy"] == "no-referrer"

    done = client.post(link, {"answer": "confirm"})
    assert done.status_code == 200
    assert "Thank you: your listing is up to date" in visible_text(done)

    listing.refresh_from_db()
    assert listing.last_verified == listing.owner_confirmed_on == timezone.localdate()
    assert not listing.is_stale
    card = visible_text(client.get(f"/find-support/{listing.slug}/"))
    assert "Confirmed by the practitioner on" in card
    entry = ModelLogEntry.objects.for_instance(listing).get(action=listing_checks.OWNER_CONFIRMED)
    assert entry.data["how"] == "owner, by email"

    # The link worked once.
    again = client.post(link, {"answer": "confirm"})
    assert again.status_code == 410
    assert "This link has been used already" in visible_text(again)


def test_a_phone_correction_applies_at_once_and_is_a_logged_revision(directory, inbox, client):
    listing = going_stale()
    call_command("send_listing_checks")
    [link] = inbox.links("ada@example.org")
    answer = client.post(
        link,
        {
            "answer": "change",
            "phone": "020 7946 0999",
            "website": "",
            "opening_hours": "Weekdays 9 to 5",
            "accepting_new_clients": "on",
        },
    )
    assert answer.status_code == 200, visible_text(answer)
    listing.refresh_from_db()
    assert listing.phone == "020 7946 0999"
    assert listing.live_revision == listing.latest_revision
    entry = ModelLogEntry.objects.for_instance(listing).get(action=listing_checks.OWNER_CHANGED)
    assert entry.data["fields"] == ["phone", "opening_hours"]
    assert "020 7946 0999" in visible_text(client.get(f"/find-support/{listing.slug}/"))


def test_a_bad_correction_is_explained_and_nothing_changes(directory, inbox, client):
    listing = going_stale()
    call_command("send_listing_checks")
    [link] = inbox.links("ada@example.org")
    answer = client.post(link, {"answer": "change", "phone": "x" * 500, "website": "not a site"})
    assert answer.status_code == 400
    assert "Please correct the following" in visible_text(answer)
    listing.refresh_from_db()
    assert listing.phone == "020 7946 0000"
    assert ListingCheck.objects.get().answered_at is None  # the link still works


def test_removing_takes_the_listing_down_only_when_the_owner_is_sure(directory, inbox, client):
    listing = going_stale()
    call_command("send_listing_checks")
    [link] = inbox.links("ada@example.org")
    assert client.post(link, {"answer": "remove"}).status_code == 400
    listing.refresh_from_db()
    assert listing.live
    assert client.post(link, {"answer": "remove", "sure": "yes"}).status_code == 200
    listing.refresh_from_db()
    assert not listing.live
    assert client.get(f"/find-support/{listing.slug}/").status_code == 404


def test_running_twice_sends_nothing_the_second_time(directory, inbox):
    going_stale()
    going_stale(owner_email="", name="No Address")  # goes to the managers' queue instead
    ConsultantFactory(owner_email="fresh@example.org")  # checked today: not due
    call_command("send_listing_checks")
    call_command("send_listing_checks")
    assert [message["To"] for message in inbox.messages] == ["ada@example.org"]
    assert ListingCheck.objects.count() == 1


def test_the_limit_caps_one_run_and_the_rest_wait_for_the_next(directory, inbox):
    for n in range(3):
        going_stale(owner_email=f"owner{n}@example.org", name=f"Owner {n}")
    call_command("send_listing_checks", limit=2)
    assert len(inbox.messages) == 2
    call_command("send_listing_checks", limit=2)
    assert len(inbox.messages) == 3


def test_a_tampered_link_reveals_nothing(directory, inbox, client):
    going_stale()
    call_command("send_listing_checks")
    [link] = inbox.links("ada@example.org")
    forged = link[:-3] + ("A" if link[-3] != "A" else "B") + link[-2:]
    for url in (forged, "/find-support/listing-check/nonsense/"):
        answer = client.get(url)
        assert answer.status_code == 404
        text = visible_text(answer)
        assert "We could not read this link" in text
        assert "Ada" not in text and "Send a new link" not in text
        assert client.post(url, {"answer": "confirm"}).status_code == 404


def test_an_expired_link_offers_a_fresh_one_to_the_same_address_only(
    directory, inbox, client, time_machine
):
    listing = going_stale()
    call_command("send_listing_checks")
    [link] = inbox.links("ada@example.org")
    time_machine.move_to(timezone.now() + datetime.timedelta(days=15))
    answer = client.get(link)
    assert answer.status_code == 410
    assert "This link is too old to use" in visible_text(answer)
    assert client.post(link, {"answer": "confirm"}).status_code == 410
    listing.refresh_from_db()
    assert listing.owner_confirmed_on is None

    # A fresh link goes to the address the first one went to, and works.
    client.post(link, {"resend": "1"})
    fresh = inbox.links("ada@example.org")[-1]
    assert fresh != link
    assert client.post(fresh, {"answer": "confirm"}).status_code == 200

    # Once the listing's address has changed, an old link sends nothing anywhere.
    Consultant.objects.filter(pk=listing.pk).update(owner_email="new@example.org")
    before = len(inbox.messages)
    assert client.post(fresh, {"resend": "1"}).status_code == 410
    assert len(inbox.messages) == before


def test_the_owners_address_is_never_public(directory, client):
    listing = going_stale(owner_email="secret-owner@example.org")
    for url in (
        f"/find-support/{listing.slug}/",
        "/find-support/?location=London",
        "/api/v1/directory/?lat=51.5074&lon=-0.1278",
        "/api/v1/hsds/services/",
    ):
        response = client.get(url)
        assert "secret-owner@example.org" not in response.content.decode(), url
