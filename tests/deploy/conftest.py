"""The production stack, started once for tests/deploy, as a server would run it.

A database of its own (a uniquely named PostgreSQL database beside DATABASE_URL's, dropped
afterwards, or a SQLite file when DATABASE_URL is not PostgreSQL), migrated and loaded
with the gazetteer and the demo content under production settings; collectstatic into a
scratch STATIC_ROOT; gunicorn with deploy/gunicorn.conf.py; nginx (Debian's package) with
deploy/nginx/milk.conf in front. Tests needing nginx are skipped, saying why, where it is
not installed; `make test` installs it.
"""

import http.client
import json
import os
import secrets
import shutil
import socket
import ssl
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from deploy.local_stack import (
    NGINX,
    VARNISHD,
    free_port,
    gunicorn_running,
    manage_run,
    nginx_running,
    varnish_running,
)

# Whatever the machine needs to run programs; nothing of the test settings' environment.
INHERITED = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")
SITE_DESCRIPTION = Path(__file__).with_name("site_description.py")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/deploy/" in str(item.fspath):
            item.add_marker(pytest.mark.deploy)


@pytest.fixture(scope="session")
def production_database():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        directory = tempfile.mkdtemp(prefix="milk-deploy-db-")
        yield f"sqlite:///{directory}/db.sqlite3"
        shutil.rmtree(directory, ignore_errors=True)
        return

    psycopg = pytest.importorskip("psycopg")
    from psycopg import sql

    parts = urlsplit(url)
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    name = f"milk_deploy_{os.getpid()}_{secrets.token_hex(4)}"
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(maintenance, autocommit=True) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


@dataclass
class ProductionSite:
    """gunicorn serving the demo site under production settings."""

    directory: Path
    env: dict
    static_root: Path
    media_root: Path
    gunicorn_port: int
    varnish_port: int
    urls: dict

    def manifest_path(self, name):
        manifest = json.loads((self.static_root / "staticfiles.json").read_text())
        return f"/static/{manifest['paths'][name]}"

    def gunicorn(self, timeout=10):
        return http.client.HTTPConnection("127.0.0.1", self.gunicorn_port, timeout=timeout)


@pytest.fixture(scope="session")
def production_site(production_database):
    # World-readable, because nginx's workers run as an unprivileged user.
    directory = Path(tempfile.mkdtemp(prefix="milk-deploy-"))
    directory.chmod(0o755)
    static_root, media_root = directory / "static", directory / "media"
    media_root.mkdir()
    env = {key: os.environ[key] for key in INHERITED if key in os.environ}
    # Publishing purges Varnish here; the `varnish` fixture starts it when a test needs it.
    varnish_port = free_port()
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "website.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "localhost,127.0.0.1",
            # Configured, as production demands; nothing listens there and nothing is sent.
            "EMAIL_URL": f"smtp://127.0.0.1:{free_port()}",
            "WAGTAILADMIN_BASE_URL": "https://localhost",
            "DATABASE_URL": production_database,
            "STATIC_ROOT": str(static_root),
            "MEDIA_ROOT": str(media_root),
            "PYTHONDONTWRITEBYTECODE": "1",
            "FRONTEND_CACHE_PURGE_URL": f"http://127.0.0.1:{varnish_port}",
        }
    )
    try:
        manage_run("migrate", "--noinput", env=env)
        manage_run("load_gazetteer", env=env)
        manage_run("load_demo_content", env=env)
        manage_run("collectstatic", "--noinput", env=env)
        urls = json.loads(
            manage_run("shell", "--no-imports", "-c", SITE_DESCRIPTION.read_text(), env=env)
        )
        port = free_port()
        with gunicorn_running(directory=directory, env=env, port=port, workers=2):
            yield ProductionSite(
                directory=directory,
                env=env,
                static_root=static_root,
                media_root=media_root,
                gunicorn_port=port,
                varnish_port=varnish_port,
                urls=urls,
            )
    finally:
        shutil.rmtree(directory, ignore_errors=True)


@dataclass
class Front:
    """nginx in front of the production site."""

    https_port: int
    http_port: int
    tls: ssl.SSLContext

    def https(self, timeout=10, source="127.0.0.1"):
        """A connection to nginx from `source` (any 127.x.y.z address: another client)."""
        return http.client.HTTPSConnection(
            "127.0.0.1",
            self.https_port,
            timeout=timeout,
            context=self.tls,
            source_address=(source, 0),
        )

    def http(self, timeout=10):
        return http.client.HTTPConnection("127.0.0.1", self.http_port, timeout=timeout)

    def tls_socket(self, timeout=10, source="127.0.0.1"):
        raw = socket.create_connection(
            ("127.0.0.1", self.https_port), timeout=timeout, source_address=(source, 0)
        )
        return self.tls.wrap_socket(raw, server_hostname="localhost")


@pytest.fixture(scope="session")
def nginx_front(production_site):
    if not Path(NGINX).exists():
        pytest.skip(f"nginx is not installed (looked for {NGINX}; `make deploy-deps`)")
    directory = production_site.directory / "nginx"
    directory.mkdir()
    directory.chmod(0o755)
    https_port, http_port = free_port(), free_port()
    with nginx_running(
        directory=directory,
        static_root=production_site.static_root,
        media_root=production_site.media_root,
        upstream_port=production_site.gunicorn_port,
        https_port=https_port,
        http_port=http_port,
    ) as nginx:
        tls = ssl.create_default_context(cafile=str(nginx.certificate))
        yield Front(https_port=https_port, http_port=http_port, tls=tls)


@pytest.fixture(scope="session")
def varnish(production_site):
    """Varnish with deploy/varnish/milk.vcl in front of the production site's gunicorn."""
    if not Path(VARNISHD).exists():
        pytest.skip(f"Varnish is not installed (looked for {VARNISHD}; `make deploy-deps`)")
    with varnish_running(
        directory=production_site.directory / "varnish",
        backend_ports=[production_site.gunicorn_port],
        port=production_site.varnish_port,
    ):
        yield production_site.varnish_port
