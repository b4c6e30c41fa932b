"""Fault fixtures: a Redis that is down or hung, built from the settings production uses."""

import runpy
import socket
import threading
from pathlib import Path

import pytest

from website.redis_circuit import circuit

SETTINGS_BASE = Path(__file__).resolve().parents[2] / "website" / "settings" / "base.py"


def redis_caches(url: str, monkeypatch) -> dict:
    """CACHES exactly as `website/settings/base.py` builds them when REDIS_URL is `url`."""
    monkeypatch.setenv("REDIS_URL", url)
    return runpy.run_path(str(SETTINGS_BASE))["CACHES"]


def closed_port() -> int:
    """A local port nothing listens on: connecting to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SilentServer:
    """Accepts TCP connections and never answers: a hung Redis, as far as a client can tell."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.held = []
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        self.listener.settimeout(0.05)
        while not self.stopping.is_set():
            try:
                connection, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.held.append(connection)  # kept open, read from never, written to never

    def stop(self):
        self.stopping.set()
        self.thread.join(timeout=2)
        for connection in self.held:
            connection.close()
        self.listener.close()


@pytest.fixture(autouse=True)
def closed_circuit():
    """Each test starts with Redis trusted again, whatever the last one did to it."""
    circuit.open_until = 0.0
    yield
    circuit.open_until = 0.0


@pytest.fixture
def dead_redis(monkeypatch, settings):
    settings.CACHES = redis_caches(f"redis://127.0.0.1:{closed_port()}/0", monkeypatch)


@pytest.fixture
def hung_redis(monkeypatch, settings):
    server = SilentServer()
    settings.CACHES = redis_caches(f"redis://127.0.0.1:{server.port}/0", monkeypatch)
    yield server
    server.stop()


@pytest.fixture
def database_down(django_db_blocker):
    """The default database is a PostgreSQL server that refuses connections.

    Whatever the suite runs on, `connections["default"]` is swapped for a connection to a
    closed port, so every query fails to connect, as it does when the server is down.
    """
    from django.db import connections
    from django.db.backends.postgresql.base import DatabaseWrapper

    real = connections["default"]
    dead = DatabaseWrapper(
        {
            **real.settings_dict,
            "ENGINE": "django.db.backends.postgresql",
            "NAME": "milk",
            "USER": "postgres",
            "PASSWORD": "",
            "HOST": "127.0.0.1",
            "PORT": str(closed_port()),
            "OPTIONS": {"connect_timeout": 2},
        },
        "default",
    )
    connections["default"] = dead
    try:
        with django_db_blocker.unblock():
            yield
    finally:
        connections["default"] = real
        dead.close()
