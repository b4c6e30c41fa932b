"""Production refuses to start without a mail server or the site's https address."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONFIGURED = {
    "SECRET_KEY": "a-long-random-production-secret-key-" + "x" * 40,
    "ALLOWED_HOSTS": "milk.example.org",
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.org:587",
    "WAGTAILADMIN_BASE_URL": "https://milk.example.org",
}


def production_check(**changes):
    """`manage.py check` under production settings with CONFIGURED, changed; None unsets."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in CONFIGURED and key not in {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    settings = {**CONFIGURED, **changes}
    environment.update({key: value for key, value in settings.items() if value is not None})
    environment["DJANGO_SETTINGS_MODULE"] = "website.settings.production"
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_starts_when_everything_is_configured():
    result = production_check()
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "email_url",
    [None, "", "consolemail://", "dummymail://", "memorymail://", "filemail:///tmp/mail"],
)
def test_production_refuses_to_start_without_a_mail_server(email_url):
    result = production_check(EMAIL_URL=email_url)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "EMAIL_URL" in result.stderr


@pytest.mark.parametrize(
    "base_url", [None, "", "http://milk.example.org", "http://127.0.0.1:8000", "milk.example.org"]
)
def test_production_refuses_to_start_without_an_https_base_url(base_url):
    result = production_check(WAGTAILADMIN_BASE_URL=base_url)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "WAGTAILADMIN_BASE_URL" in result.stderr


@pytest.mark.parametrize(
    ("bind", "starts"),
    [
        ("127.0.0.1:8123", True),
        ("unix:/tmp/milk-test-gunicorn.sock", True),
        ("[::1]:8123", True),
        ("0.0.0.0:8123", False),
        ("127.0.0.1:8123,192.0.2.10:8123", False),
        ("[::]:8123", False),
    ],
)
def test_gunicorn_listens_only_where_nginx_alone_can_reach_it(bind, starts):
    """A sync worker waits on a slow client (a body shorter than its Content-Length holds
    it until the timeout), so the shipped gunicorn refuses any address visitors could reach
    without nginx in front."""
    environment = {
        **os.environ,
        **CONFIGURED,
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "GUNICORN_BIND": bind,
    }
    environment.pop("GUNICORN_ALLOW_PUBLIC_BIND", None)
    result = subprocess.run(
        [str(Path(sys.executable).parent / "gunicorn"), "-c", "deploy/gunicorn.conf.py",
         "--check-config"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    if starts:
        assert result.returncode == 0, result.stderr
    else:
        assert result.returncode != 0
        assert "where clients can reach it without nginx" in result.stderr + result.stdout
