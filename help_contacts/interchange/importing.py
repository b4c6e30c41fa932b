"""Writing imported listings: one rule set for HSDS and CSV files.

An import is all or nothing. Every record is checked first (the file format's own rules,
then the same model validation an editor's form gets); if any record is bad, nothing is
written and each bad one is reported with its number and the reasons. A dry run does the
checking and reports what would be created or updated, and writes nothing.

Nothing stored is lost: listings missing from the file are left alone, a new listing is
an unpublished draft, and a change to an existing listing is saved as a new draft
revision, so the published version stays live (and every earlier version stays in its
history) until a person publishes the draft.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from help_contacts.data.models import Consultant, HsdsIdentity, ListingSource

MAX_IMPORT_BYTES = 10 * 1024 * 1024

PROJECT_NAMESPACE = uuid.UUID("6f1d5c1e-93a4-5b8e-9d8b-2f4c1a7e0b35")


def consultant_derived_hsds_id(*, pk: int) -> uuid.UUID:
    """The HSDS id of a listing that was not imported: stable for as long as the row lives."""
    return uuid.uuid5(PROJECT_NAMESPACE, f"consultant/{pk}")


def consultant_hsds_id(*, consultant: Consultant) -> uuid.UUID:
    """The id the listing is exported under: the one it was imported with, if any."""
    try:
        return consultant.hsds_identity.hsds_id
    except HsdsIdentity.DoesNotExist:
        return consultant_derived_hsds_id(pk=consultant.pk)


class ImportFileError(Exception):
    """The file as a whole cannot be read: wrong encoding, not JSON or CSV, too big, wrong shape."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class ListingRecord:
    """One record read from a file: its number there, its HSDS id and the listing's fields."""

    number: int
    hsds_id: uuid.UUID | None
    fields: dict[str, Any]
    label: str = ""
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RecordProblem:
    number: int
    label: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ImportedListing:
    number: int
    name: str
    consultant_pk: int | None


@dataclass
class ImportReport:
    """What an import did (or, for a dry run or a refused file, would have done)."""

    dry_run: bool
    record_noun: str
    created: list[ImportedListing] = field(default_factory=list)
    updated: list[ImportedListing] = field(default_factory=list)
    unchanged: list[ImportedListing] = field(default_factory=list)
    problems: list[RecordProblem] = field(default_factory=list)
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        counts = {
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
        }
        if self.written:
            return (
                _("Imported: %(created)s new draft listings, %(updated)s listings with a new "
                  "draft, %(unchanged)s unchanged.")
                % counts
            )  # fmt: skip
        if self.problems and self.dry_run:
            return _(
                "Dry run, nothing saved: the problems below (%(bad)s in all) would stop this "
                "file from being imported."
            ) % {"bad": len(self.problems)}
        if self.problems:
            return _(
                "Nothing was imported because of the problems below (%(bad)s in all). "
                "Fix them and upload the file again."
            ) % {"bad": len(self.problems)}
        return (
            _("Dry run, nothing saved: this file would create %(created)s new draft listings "
              "and add a new draft to %(updated)s listings; %(unchanged)s are unchanged.")
            % counts
        )  # fmt: skip

    def lines(self) -> list[str]:
        """The report as plain lines, for the command line."""
        lines = [self.summary()]
        outcomes = (
            (self.created, _("new draft") if self.written else _("would be a new draft")),
            (self.updated, _("new draft") if self.written else _("would get a new draft")),
        )
        noun = self.record_noun
        for items, outcome in outcomes:
            lines += [f"  {noun} {item.number}: {item.name} ({outcome})" for item in items]
        for problem in self.problems:
            lines.append(f"  {self.record_noun} {problem.number} ({problem.label}):")
            lines += [f"    - {reason}" for reason in problem.reasons]
        return lines


def decode_text(*, content: bytes, what: str) -> str:
    """The file as text, or a clear ImportFileError if it is too big or not UTF-8."""
    if len(content) > MAX_IMPORT_BYTES:
        raise ImportFileError(
            _("The file is too big (%(size)s MB). Split it into files of at most %(limit)s MB.")
            % {
                "size": round(len(content) / 1024 / 1024, 1),
                "limit": MAX_IMPORT_BYTES // 1024 // 1024,
            }
        )
    if not content.strip():
        raise ImportFileError(_("The file is empty."))
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _(
                "This is not a UTF-8 %(what)s file (unreadable byte at position %(position)s). "
                "Save it again as UTF-8 and upload it."
            )
            % {"what": what, "position": error.start}
        ) from error


def _text_length_problems(fields: dict[str, Any]) -> list[str]:
    # Django enforces max_length on text areas only in forms, so a file must be checked here.
    problems = []
    for name, value in fields.items():
        model_field = Consultant._meta.get_field(name)
        limit = model_field.max_length if isinstance(model_field, models.TextField) else None
        if limit and isinstance(value, str) and len(value) > limit:
            problems.append(
                _("%(field)s: at most %(limit)s characters (this has %(length)s).")
                % {"field": model_field.verbose_name, "limit": limit, "length": len(value)}
            )
    return problems


def _validation_messages(error: ValidationError) -> list[str]:
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    messages = []
    for name, errors in error.message_dict.items():
        for message in errors:
            if name == "__all__":
                messages.append(message)
            else:
                label = Consultant._meta.get_field(name).verbose_name
                messages.append(_("%(field)s: %(message)s") % {"field": label, "message": message})
    return messages


def _draft_for(consultant: Consultant | None, fields: dict[str, Any]) -> Consultant:
    """The listing as it would be after the import, not yet saved."""
    if consultant is None:
        listing = Consultant(source=ListingSource.EDITOR, live=False)
    elif consultant.latest_revision_id:
        # Start from the newest draft, so a person's unpublished edits to what the file
        # does not carry are kept.
        listing = consultant.get_latest_revision_as_object()
    else:
        listing = Consultant.objects.get(pk=consultant.pk)  # a copy, never the shared one
    for name, value in fields.items():
        setattr(listing, name, value)
    return listing


def _checked(listing: Consultant, record: ListingRecord) -> list[str]:
    problems = _text_length_problems(record.fields)
    try:
        listing.full_clean()
    except ValidationError as error:
        problems += _validation_messages(error)
    return problems


class _Matcher:
    """Finds the stored listing a record's HSDS id points at, if any."""

    def __init__(self, hsds_ids: set[uuid.UUID]):
        identities = HsdsIdentity.objects.filter(hsds_id__in=hsds_ids).select_related("consultant")
        self.by_id = {identity.hsds_id: identity.consultant for identity in identities}
        missing = hsds_ids - set(self.by_id)
        if missing:
            # Listings exported from here carry an id derived from their key, which cannot
            # be reversed; deriving every key's id is quick (about 100,000 a second).
            pks = Consultant.objects.values_list("pk", flat=True).iterator()
            derived = {consultant_derived_hsds_id(pk=pk): pk for pk in pks}
            matched = {hsds_id: derived[hsds_id] for hsds_id in missing if hsds_id in derived}
            listings = Consultant.objects.in_bulk(matched.values())
            self.by_id.update({hsds_id: listings[pk] for hsds_id, pk in matched.items()})

    def find(self, hsds_id: uuid.UUID | None) -> Consultant | None:
        return self.by_id.get(hsds_id) if hsds_id else None


def _lock_problem(consultant: Consultant | None, user) -> str | None:
    if consultant is None or not consultant.locked:
        return None
    if user is not None and consultant.locked_by_id == user.pk:
        return None
    return _(
        "The listing “%(name)s” is locked for editing; ask whoever locked it to unlock it."
    ) % {"name": consultant.name}


def _unchanged(consultant: Consultant | None, fields: dict[str, Any]) -> bool:
    if consultant is None:
        return False
    current = consultant.get_latest_revision_as_object()  # read only, so it may be shared
    return all(getattr(current, name) == value for name, value in fields.items())


def _record_problems(
    record: ListingRecord, existing: Consultant | None, first_seen: dict, user, record_noun: str
) -> list[str]:
    if record.problems and not record.fields:
        return list(record.problems)  # not even the file format's shape, so nothing to check
    if record.hsds_id in first_seen:
        return [
            _("The id %(id)s is used again: %(noun)s %(number)s has it too.")
            % {"id": record.hsds_id, "noun": record_noun, "number": first_seen[record.hsds_id]}
        ]
    if record.hsds_id:
        first_seen[record.hsds_id] = record.number
    lock_problem = _lock_problem(existing, user)
    if lock_problem:
        return [lock_problem]
    return list(record.problems) + _checked(_draft_for(existing, record.fields), record)


def listings_import(
    *, records: list[ListingRecord], dry_run: bool, user, record_noun: str
) -> ImportReport:
    """Check every record, then (unless a dry run or any record is bad) write them all."""
    if not records:
        raise ImportFileError(_("The file holds no listings."))
    report = ImportReport(dry_run=dry_run, record_noun=record_noun)
    matcher = _Matcher({record.hsds_id for record in records if record.hsds_id})
    first_seen: dict[uuid.UUID, int] = {}
    planned: list[tuple[ListingRecord, Consultant | None]] = []
    for record in records:
        existing = matcher.find(record.hsds_id)
        problems = _record_problems(record, existing, first_seen, user, record_noun)
        if problems:
            label = record.label or str(record.fields.get("name") or _("no name"))
            report.problems.append(RecordProblem(record.number, label, tuple(problems)))
            continue
        item = ImportedListing(record.number, record.fields["name"], existing and existing.pk)
        if _unchanged(existing, record.fields):
            report.unchanged.append(item)  # a re-import of the same data adds no drafts
            continue
        planned.append((record, existing))
        (report.updated if existing else report.created).append(item)

    if dry_run or report.problems:
        return report

    report.created, report.updated = [], []
    with transaction.atomic():
        for record, existing in planned:
            listing = _listing_write(record=record, existing=existing, user=user)
            item = ImportedListing(record.number, listing.name, listing.pk)
            (report.updated if existing else report.created).append(item)
    report.written = True
    return report


def _listing_write(*, record: ListingRecord, existing: Consultant | None, user) -> Consultant:
    listing = _draft_for(existing, record.fields)
    if existing is None:
        listing.slug = ""  # made again now, so two new listings in one file cannot share one
    # Checked again inside the transaction: earlier records may have taken a slug since.
    listing.full_clean()
    if existing is None:
        listing.has_unpublished_changes = True
        listing.save()
        listing.save_revision(user=user, log_action="wagtail.create", clean=False)
    else:
        if not existing.live:
            listing.save()
        # A live listing's row stays as published; the import becomes its newest draft.
        listing.save_revision(user=user, log_action=True, clean=False)
    if record.hsds_id and record.hsds_id != consultant_derived_hsds_id(pk=listing.pk):
        HsdsIdentity.objects.update_or_create(
            consultant=listing, defaults={"hsds_id": record.hsds_id}
        )
    return listing


RECORD_NOUN_HSDS = gettext_lazy("record")
RECORD_NOUN_CSV = gettext_lazy("row")
