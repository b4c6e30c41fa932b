"""Back the site up to one archive, and put it back: the database and the uploaded media.

An archive is a tar file holding `manifest.json`, the database (`database.dump`, from
`pg_dump --format=custom`, for PostgreSQL; `database.sqlite3`, from SQLite's online backup
API, for SQLite) and every file under MEDIA_ROOT in `media/`. Both are taken while the
site runs. Media on S3-compatible storage are not in the archive: keep that bucket
versioned instead.

Restoring replaces the database's contents with the archive's (`pg_restore --clean`, or
SQLite's backup API the other way round) and writes the archive's media files back into
MEDIA_ROOT. The database must already exist; it may be empty. Cached lookups are cleared
in the shared cache; app servers on the local-memory cache should be restarted.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connections

from wagtail.models import Site

from core.site_cache import site_cache_clear
from help_contacts.data.directory_cache import directory_cache_clear

ARCHIVE_PREFIX = "milk-backup-"
MANIFEST = "manifest.json"
FORMAT_VERSION = 1


class BackupError(Exception):
    """A backup or restore that could not be done, with what to fix."""


def _database() -> dict:
    return connections["default"].settings_dict


def _vendor() -> str:
    return connections["default"].vendor


def _postgres_command(program: str, *args: str) -> tuple[list[str], dict]:
    db = _database()
    command = [program, "--no-password"]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            command += [flag, str(db[key])]
    environment = dict(os.environ)
    if db.get("PASSWORD"):
        environment["PGPASSWORD"] = db["PASSWORD"]
    return [*command, *args], environment


def _run(command: list[str], environment: dict) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(
            f"{command[0]} is not installed (Debian: apt-get install postgresql-client)."
        )
    result = subprocess.run(command, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def _media_root() -> Path | None:
    """MEDIA_ROOT when uploads are local files; None when they live in a bucket."""
    backend = settings.STORAGES["default"]["BACKEND"]
    if backend != "django.core.files.storage.FileSystemStorage":
        return None
    return Path(settings.MEDIA_ROOT)


def site_backup(*, directory: Path) -> Path:
    """Write a backup archive of the database and media into `directory`; return its path.

    The archive holds every account's password hash and second-factor secrets, so it is
    readable by its owner alone: written 0600 in a directory made (or tightened to) 0700.
    """
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    directory.chmod(0o700)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    archive = directory / f"{ARCHIVE_PREFIX}{stamp}.tar"
    with tempfile.TemporaryDirectory(dir=directory) as work:
        work = Path(work)
        vendor = _vendor()
        if vendor == "postgresql":
            database_file = work / "database.dump"
            command, environment = _postgres_command(
                "pg_dump", "--format=custom", "--no-owner", "--no-acl",
                f"--file={database_file}", _database()["NAME"],
            )  # fmt: skip
            _run(command, environment)
        elif vendor == "sqlite":
            database_file = work / "database.sqlite3"
            if not Path(_database()["NAME"]).is_file():  # connecting would create an empty one
                raise BackupError(f"There is no SQLite database at {_database()['NAME']}.")
            source = sqlite3.connect(_database()["NAME"])
            target = sqlite3.connect(database_file)
            try:
                source.backup(target)  # consistent even while the site writes
            finally:
                target.close()
                source.close()
        else:
            raise BackupError(f"Backing up a {vendor} database is not supported.")

        media_root = _media_root()
        manifest = {
            "format": FORMAT_VERSION,
            "created": datetime.now(UTC).isoformat(),
            "database": vendor,
            "database_file": database_file.name,
            "media": media_root is not None,
        }
        (work / MANIFEST).write_text(json.dumps(manifest, indent=2))
        partial = archive.with_suffix(".tar.partial")
        partial.touch(mode=0o600, exist_ok=False)  # private from its first byte
        with tarfile.open(partial, "w") as tar:
            tar.add(work / MANIFEST, arcname=MANIFEST)
            tar.add(database_file, arcname=database_file.name)
            if media_root is not None and media_root.is_dir():
                tar.add(media_root, arcname="media")
        passphrase = settings.BACKUP_PASSPHRASE
        if passphrase:
            archive = archive.with_name(archive.name + ENCRYPTED_SUFFIX)
            _gpg(["--symmetric", "--cipher-algo", "AES256", "--output", str(partial) + ".gpg",
                  str(partial)], passphrase)  # fmt: skip
            partial.unlink()
            partial = Path(str(partial) + ".gpg")
            partial.chmod(0o600)
        partial.rename(archive)  # a half-written archive never looks like a backup
    return archive


ENCRYPTED_SUFFIX = ".gpg"


def _gpg(arguments: list[str], passphrase: str) -> None:
    """Run GnuPG with the passphrase on its standard input, never on its command line."""
    gpg = shutil.which("gpg")
    if gpg is None:
        raise BackupError("BACKUP_PASSPHRASE is set but GnuPG (gpg) is not installed.")
    result = subprocess.run(
        [gpg, "--batch", "--yes", "--quiet", "--pinentry-mode", "loopback",
         "--passphrase-fd", "0", *arguments],
        input=passphrase, capture_output=True, text=True, timeout=3600,
    )  # fmt: skip
    if result.returncode != 0:
        raise BackupError(f"gpg could not do it: {result.stderr.strip() or 'unknown error'}")


def site_restore(*, archive: Path) -> dict:
    """Replace the database's contents and restore the media from `archive`; return its manifest."""
    if not archive.is_file():
        raise BackupError(f"No backup archive at {archive}.")
    with tempfile.TemporaryDirectory() as clear:
        if archive.name.endswith(ENCRYPTED_SUFFIX):
            if not settings.BACKUP_PASSPHRASE:
                raise BackupError(
                    f"{archive} is encrypted: set BACKUP_PASSPHRASE to the passphrase it was "
                    "made with."
                )
            decrypted = Path(clear) / "archive.tar"
            _gpg(["--decrypt", "--output", str(decrypted), str(archive)],
                 settings.BACKUP_PASSPHRASE)  # fmt: skip
            archive = decrypted
        return _restore_tar(archive)


def _restore_tar(archive: Path) -> dict:
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive) as tar:
        work = Path(work)
        tar.extractall(work, filter="data")  # refuses absolute paths, links out, devices
        manifest = json.loads((work / MANIFEST).read_text())
        if manifest.get("format") != FORMAT_VERSION:
            raise BackupError(f"{archive} is not a backup this version can restore.")
        vendor = _vendor()
        if manifest["database"] != vendor:
            raise BackupError(
                f"{archive} holds a {manifest['database']} database; this site uses {vendor}."
            )
        database_file = work / manifest["database_file"]
        connections.close_all()
        if vendor == "postgresql":
            command, environment = _postgres_command(
                "pg_restore", "--clean", "--if-exists", "--no-owner", "--no-acl",
                "--single-transaction", "--exit-on-error",
                f"--dbname={_database()['NAME']}", str(database_file),
            )  # fmt: skip
            _run(command, environment)
        else:
            source = sqlite3.connect(database_file)
            target = sqlite3.connect(_database()["NAME"])
            try:
                source.backup(target)
            finally:
                target.close()
                source.close()

        media_root = _media_root()
        if manifest["media"] and (work / "media").is_dir():
            if media_root is None:
                raise BackupError("The archive has media files but MEDIA_ROOT is not in use.")
            shutil.copytree(work / "media", media_root, dirs_exist_ok=True)
    # What a shared cache (Redis) remembers of the old contents must not be served again.
    site_cache_clear()
    directory_cache_clear()
    Site.clear_site_root_paths_cache()
    return manifest
