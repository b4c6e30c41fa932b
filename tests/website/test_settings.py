"""Production settings refuse to start half-configured and pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    # Only what a production server would have: no test-only switches from this process.
    dropped = {
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "EMAIL_URL",
        "WAGTAILADMIN_BASE_URL",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
        "DATABASE_URL",
    }
    environment = {k: v for k, v in os.environ.items() if k not in dropped}
    environment.update({"DJANGO_SETTINGS_MODULE": "website.settings.production", **env})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_passes_check_deploy_without_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="a-long-random-production-secret-key-" + "x" * 40,
        ALLOWED_HOSTS="milk.example.org",
        EMAIL_URL="smtp+tls://mailer:secret@smtp.example.org:587",
        WAGTAILADMIN_BASE_URL="https://milk.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", ALLOWED_HOSTS="milk.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", SECRET_KEY="k" * 60)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_opensearch_url_chooses_wagtails_opensearch_backend():
    """No OpenSearch server can run here (none is packaged for this machine), so this
    checks the wiring: the backend OpenSearch needs, built from the settings."""
    script = (
        "from wagtail.search.backends import get_search_backend;"
        "backend = get_search_backend();"
        "print(type(backend).__module__, backend.index_prefix, backend.hosts[0]['port'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "website.settings.test",
            "OPENSEARCH_URL": "http://127.0.0.1:9200",
            "SEARCH_INDEX": "milk-test",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["modelsearch.backends.opensearch3", "milk-test_", "9200"]
