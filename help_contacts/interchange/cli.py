"""What the import and export commands share: opening files and printing a report."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from .importing import MAX_IMPORT_BYTES, ImportFileError, ImportReport


@contextlib.contextmanager
def output_stream(path: str | None) -> Iterator[TextIO]:
    """The file to write to, or standard output for none or "-"."""
    if not path or path == "-":
        yield sys.stdout
        return
    try:
        with open(path, "w", encoding="utf-8", newline="") as stream:
            yield stream
    except OSError as error:
        raise CommandError(
            _("Cannot write %(path)s: %(problem)s") % {"path": path, "problem": error.strerror}
        ) from error


def read_import_file(path: str) -> bytes:
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise CommandError(
                _("%(path)s is too big. Split it into files of at most %(limit)s MB.")
                % {"path": path, "limit": MAX_IMPORT_BYTES // 1024 // 1024}
            )
        return file.read_bytes()
    except OSError as error:
        raise CommandError(
            _("Cannot read %(path)s: %(problem)s") % {"path": path, "problem": error.strerror}
        ) from error


def import_user(username: str | None):
    if not username:
        return None
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(_("There is no user called %(name)s.") % {"name": username})
    return user


def add_import_arguments(parser) -> None:
    parser.add_argument("file", help=_("The file to import."))
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help=_("Check the file and say what would change, without saving anything."),
    )
    parser.add_argument(
        "--user", help=_("Username to record as the author of the imported drafts.")
    )


def run_import(
    command: BaseCommand, *, options: dict, importer: Callable[..., ImportReport]
) -> None:
    """Read, import and report; a bad file or any bad record ends with a non-zero exit."""
    content = read_import_file(options["file"])
    user = import_user(options.get("user"))
    try:
        report = importer(content=content, dry_run=options["dry_run"], user=user)
    except ImportFileError as error:
        raise CommandError(f"{options['file']}: {error.message}") from error
    lines = report.lines()
    if report.problems:
        command.stderr.write("\n".join(lines))
        raise CommandError(
            _("%(count)s %(noun)s(s) with problems; nothing was imported.")
            % {"count": len(report.problems), "noun": report.record_noun}
        )
    command.stdout.write("\n".join(lines))
