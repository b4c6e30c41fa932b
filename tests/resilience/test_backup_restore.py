"""A backup, a wiped database and media folder, a restore: everything is back.

Runs the real commands in subprocesses against a PostgreSQL database made for this test
(and dropped after), with its own MEDIA_ROOT, so nothing touches the test database.
"""

import json
import os
import shutil
import stat
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
PG = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-v", "ON_ERROR_STOP=1"]

# Builds what the round trip must find again: an image with a real file, a document, a
# user and a page revision, beside the demo content's pages, snippets and listings.
MAKE_CONTENT = """
import io
from PIL import Image as PILImage
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from website.models import ArticlePage

png = io.BytesIO()
PILImage.new("RGB", (8, 6), (200, 80, 120)).save(png, format="PNG")
Image.objects.create(title="Round-trip image", file=ContentFile(png.getvalue(), "round-trip.png"))
Document.objects.create(
    title="Round-trip leaflet", file=ContentFile(b"Feeding leaflet", "round-trip-leaflet.txt")
)
get_user_model().objects.create_user("roundtrip-editor", "editor@example.org", "pass-12345-x")
article = ArticlePage.objects.get()
article.intro = "A draft intro saved as a revision."
article.save_revision()
"""

# Everything the round trip must keep, printed as JSON to compare before and after.
SNAPSHOT = """
import hashlib, json
from django.contrib.auth import get_user_model
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page, Revision
from factors.models import PracticalInsight
from help_contacts.models import Consultant, SupportContact

def files(model):
    return sorted(
        (item.title, item.file.name, hashlib.sha256(item.file.open("rb").read()).hexdigest())
        for item in model.objects.all()
    )

print(json.dumps({
    "pages": sorted((p.url_path, p.title, p.live) for p in Page.objects.all()),
    "revisions": sorted(
        (r.content_type.model, r.object_id, r.content.get("intro", ""))
        for r in Revision.objects.all()
    ),
    "insights": sorted(PracticalInsight.objects.values_list("title", flat=True)),
    "contacts": sorted(SupportContact.objects.values_list("name", flat=True)),
    "listings": sorted(Consultant.objects.values_list("name", "slug", "live")),
    "images": files(Image),
    "documents": files(Document),
    "users": sorted(get_user_model().objects.values_list("username", "email")),
}))
"""


def _postgres_available() -> bool:
    if shutil.which("psql") is None or shutil.which("pg_dump") is None:
        return False
    return subprocess.run([*PG, "-c", "SELECT 1"], capture_output=True).returncode == 0


needs_postgres = pytest.mark.skipif(
    not _postgres_available(), reason="needs PostgreSQL at 127.0.0.1:5432 and its client tools"
)


class Site:
    """A site of its own, run in subprocesses: a database and a media folder for one test."""

    def __init__(self, vendor, tmp_path):
        self.vendor = vendor
        self.tmp_path = tmp_path
        self.name = f"milk_roundtrip_{uuid.uuid4().hex[:12]}"
        self.sqlite_file = tmp_path / "db.sqlite3"
        self.environment = {
            k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}
        }
        self.environment.update(
            DJANGO_SETTINGS_MODULE="website.settings.dev",
            DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{self.name}"
            if vendor == "postgresql"
            else f"sqlite:///{self.sqlite_file}",
            MEDIA_ROOT=str(tmp_path / "media"),
            BACKUP_DIR=str(tmp_path / "backups"),
        )

    def create_database(self):
        if self.vendor == "postgresql":
            subprocess.run([*PG, "-c", f"CREATE DATABASE {self.name}"], check=True)

    def drop_database(self):
        if self.vendor == "postgresql":
            drop = f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)"
            subprocess.run([*PG, "-c", drop], check=True)
        else:
            self.sqlite_file.unlink(missing_ok=True)


# Migrating a fresh SQLite file takes over a minute, so that round trip runs only when the
# suite itself runs on SQLite (`make test` without DATABASE_URL); CI's PostgreSQL run skips it.
needs_sqlite_suite = pytest.mark.skipif(
    "sqlite" not in settings.DATABASES["default"]["ENGINE"],
    reason="the SQLite round trip runs when the suite runs on SQLite",
)


@pytest.fixture(
    params=[
        pytest.param("postgresql", marks=needs_postgres),
        pytest.param("sqlite", marks=needs_sqlite_suite),
    ]
)
def site(request, tmp_path):
    site = Site(request.param, tmp_path)
    site.create_database()
    yield site
    site.drop_database()


def manage(environment, *args, stdin=None):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.mark.slow
def test_everything_comes_back_after_the_database_and_media_are_wiped(site):
    environment = site.environment
    manage(environment, "migrate", "--noinput", "-v", "0")
    manage(environment, "load_demo_content", "--listings", "5", "-v", "0")
    manage(environment, "shell", "-v", "0", "-c", MAKE_CONTENT)
    before = json.loads(manage(environment, "shell", "-v", "0", "-c", SNAPSHOT))
    for kind, items in before.items():
        assert items, f"no {kind} to back up"
    assert before["images"][0][0] == "Round-trip image"
    assert before["documents"][0][0] == "Round-trip leaflet"
    assert "A draft intro saved as a revision." in {r[2] for r in before["revisions"]}

    (site.tmp_path / "backups").mkdir(mode=0o755)  # an operator's directory, readable by all
    # Encrypted with a passphrase from the environment (GnuPG, AES-256).
    encrypted = {**environment, "BACKUP_PASSPHRASE": "a long and private passphrase"}
    archive = Path(manage(encrypted, "backup_site").strip())
    assert archive.name.endswith(".tar.gpg")
    assert not tarfile.is_tarfile(archive) and b"Round-trip" not in archive.read_bytes()
    assert archive.parent == site.tmp_path / "backups"
    assert archive.is_file()
    # It holds password hashes and second-factor secrets: its owner's eyes only.
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert stat.S_IMODE(archive.parent.stat().st_mode) == 0o700

    # The disaster: the database and every uploaded file are gone.
    site.drop_database()
    site.create_database()
    shutil.rmtree(site.tmp_path / "media")

    refused = subprocess.run(
        [sys.executable, "manage.py", "restore_site", str(archive), "--noinput"],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert refused.returncode != 0 and "set BACKUP_PASSPHRASE" in refused.stderr
    output = manage(encrypted, "restore_site", str(archive), "--noinput")
    assert "Restored the backup" in output
    after = json.loads(manage(environment, "shell", "-v", "0", "-c", SNAPSHOT))
    assert after == before
    for _, file_name, _ in before["images"] + before["documents"]:
        assert (site.tmp_path / "media" / file_name).is_file()


def test_restore_asks_first_and_refuses_a_missing_archive(tmp_path):
    environment = Site("sqlite", tmp_path).environment
    missing = str(tmp_path / "nothing.tar")
    result = subprocess.run(
        [sys.executable, "manage.py", "restore_site", missing],
        cwd=ROOT, env=environment, input="no\n", capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode != 0
    assert "Restore cancelled" in result.stderr
    result = subprocess.run(
        [sys.executable, "manage.py", "restore_site", missing, "--noinput"],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode != 0
    assert "No backup archive" in result.stderr
