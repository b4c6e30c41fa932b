"""A real SMTP server (aiosmtpd) for tests that follow links in the mail a person receives.

`inbox` points Django's SMTP backend at it for one test and gives the messages that
arrived; addresses with "bounce" in them are refused, as a real server refuses an
unknown mailbox. Loaded for every test by tests/conftest.py (`pytest_plugins`).
"""

import email
import re
import socket
from email import policy
from urllib.parse import urlsplit

import pytest
from aiosmtpd.controller import Controller

LINK = re.compile(r"https?://\S+/listing-check/[\w-]+/")


class Inbox:
    """Accepts every message, except to addresses with "bounce" in them (refused as a real
    server refuses an unknown mailbox)."""

    def __init__(self):
        self.messages = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if "bounce" in address:
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

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
