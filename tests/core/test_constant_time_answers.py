"""Where an answer could reveal an account, it takes the same time either way.

The class of hole: work done only for a known account (rendering and sending the reset
email) happened before the answer, so a known address took ~50 ms and an unknown one ~4 ms.
"""

import statistics
import time

import pytest

from django.core import mail
from django.test import Client, override_settings

from core.background import wait_until_idle
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def answer_time(email):
    client = Client(REMOTE_ADDR="198.51.100.7")
    started = time.perf_counter()
    response = client.post("/admin/password_reset/", {"email": email})
    elapsed = time.perf_counter() - started
    assert response.status_code == 302
    return elapsed


class SlowMailBackend:
    """An email backend as slow as a real mail server can be (0.2 s a message)."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        time.sleep(0.2)
        mail.outbox.extend(messages)
        return len(messages)


@override_settings(
    ADMIN_PASSWORD_RESETS_PER_HOUR=1000,
    EMAIL_BACKEND="tests.core.test_constant_time_answers.SlowMailBackend",
)
def test_a_known_and_an_unknown_address_answer_alike(home):
    UserFactory(username="ella", email="ella@example.org", is_staff=True)
    mail.outbox = []
    known, unknown = [], []
    for _ in range(5):
        known.append(answer_time("ella@example.org"))
        unknown.append(answer_time("nobody@example.org"))
    wait_until_idle()
    # The mail still goes, to the known address only.
    assert {message.to[0] for message in mail.outbox} == {"ella@example.org"}
    assert len(mail.outbox) == 5
    # A slow mail server would make a known address take 0.2 s longer; it adds nothing now.
    assert statistics.median(known) < statistics.median(unknown) + 0.1, (known, unknown)
