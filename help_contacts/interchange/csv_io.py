"""Directory listings as CSV, one row per listing, for spreadsheets.

Lists of codes (languages, services, …) are written as codes separated by "; ", yes/no
as `yes`/`no`, dates as YYYY-MM-DD. The `id` column is the listing's HSDS id, so a CSV
and an HSDS file of the same listings update the same rows; leave it empty for a new
listing. A cell that a spreadsheet would run as a formula (one starting with =, +, -, @)
is written with a leading apostrophe, which the import takes off again.
"""

from __future__ import annotations

import csv
import datetime
import io
import math
import uuid
from collections.abc import Iterable
from typing import Any, TextIO

from django.utils.translation import gettext as _

from help_contacts.data.choices import Cost, Credential, Language, Service, Specialty
from help_contacts.data.models import Consultant
from help_contacts.data.representations import INTERCHANGE_FIELDS, interchange_values

from .importing import (
    RECORD_NOUN_CSV,
    ImportFileError,
    ImportReport,
    ListingRecord,
    consultant_hsds_id,
    decode_text,
    listings_import,
)

CSV_COLUMNS = ("id", *INTERCHANGE_FIELDS)
CODE_COLUMNS = {
    "credentials": Credential,
    "languages": Language,
    "services": Service,
    "costs": Cost,
    "specialties": Specialty,
}
NUMBER_COLUMNS = ("latitude", "longitude")
LIST_SEPARATOR = "; "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
YES_WORDS = {"yes", "y", "true", "1"}
NO_WORDS = {"no", "n", "false", "0"}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _spreadsheet_safe(column: str, text: str) -> str:
    if column not in NUMBER_COLUMNS and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def consultant_to_csv_row(*, consultant: Consultant) -> dict[str, str]:
    values = {
        "id": consultant_hsds_id(consultant=consultant),
        **interchange_values(consultant=consultant),
    }
    row = {column: _cell(value) for column, value in values.items()}
    return {column: _spreadsheet_safe(column, text) for column, text in row.items()}


def csv_export(*, consultants: Iterable[Consultant], stream: TextIO) -> int:
    """Write a header and one row per listing; returns how many rows were written."""
    writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    count = 0
    for consultant in consultants:
        writer.writerow(consultant_to_csv_row(consultant=consultant))
        count += 1
    return count


# Import ---------------------------------------------------------------------------------


def _unescape(text: str) -> str:
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def _label(column: str) -> str:
    if column == "id":
        return "id"
    return str(Consultant._meta.get_field(column).verbose_name)


def _codes(column: str, text: str, problems: list[str]) -> list[str]:
    choices = CODE_COLUMNS[column]
    codes = []
    for part in text.replace(",", ";").split(";"):
        code = part.strip().lower()
        if not code:
            continue
        if code not in choices.values:
            problems.append(
                _("%(column)s: unknown code “%(code)s”. Known codes: %(known)s.")
                % {"column": _label(column), "code": code, "known": ", ".join(choices.values)}
            )
        elif code not in codes:
            codes.append(code)
    return codes


def _number(column: str, text: str, problems: list[str], kind=float):
    if not text:
        return None
    try:
        number = kind(text)
        if math.isfinite(number):
            return number
    except ValueError:
        pass
    problems.append(
        _("%(column)s: “%(value)s” is not a number.") % {"column": _label(column), "value": text}
    )
    return None


def csv_row_to_listing(*, row: dict[str, str], number: int) -> ListingRecord:
    """A listing's fields from one CSV row, with any reasons it cannot be imported."""
    problems: list[str] = []
    cells = {column: _unescape((row.get(column) or "").strip()) for column in CSV_COLUMNS}
    fields: dict[str, Any] = {}
    for column in CSV_COLUMNS[1:]:
        text = cells[column]
        if column in CODE_COLUMNS:
            fields[column] = _codes(column, text, problems)
        elif column in NUMBER_COLUMNS:
            fields[column] = _number(column, text, problems)
        elif column == "home_visit_radius_km":
            fields[column] = _number(column, text, problems, kind=int)
        elif column == "accepting_new_clients":
            if text.lower() not in YES_WORDS | NO_WORDS:
                problems.append(
                    _("%(column)s: write yes or no, not “%(value)s”.")
                    % {"column": _label(column), "value": text}
                )
            fields[column] = text.lower() in YES_WORDS
        elif column == "last_verified":
            try:
                fields[column] = datetime.date.fromisoformat(text) if text else None
            except ValueError:
                problems.append(
                    _("%(column)s: write a date such as 2024-05-31, not “%(value)s”.")
                    % {"column": _label(column), "value": text}
                )
        elif column == "country":
            fields[column] = text.upper()
        else:
            fields[column] = text
    hsds_id = None
    if cells["id"]:
        try:
            hsds_id = uuid.UUID(cells["id"])
        except ValueError:
            problems.append(
                _("id: “%(value)s” is not a UUID. Leave it empty for a new listing.")
                % {"value": cells["id"]}
            )
    return ListingRecord(number, hsds_id, fields, label=cells["name"], problems=problems)


def csv_rows(*, content: bytes) -> list[tuple[int, dict[str, str], int]]:
    """The file's data rows, numbered as a spreadsheet numbers them (the header is row 1).

    Each comes with its number of cells, so a row with too few or too many is reported.
    """
    text = decode_text(content=content, what="CSV")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [cell.strip().lower() for cell in next(reader)]
        missing = [column for column in CSV_COLUMNS if column not in header]
        unknown = [column for column in header if column not in CSV_COLUMNS]
        if missing or unknown:
            parts = []
            if missing:
                parts.append(_("missing columns: %(columns)s") % {"columns": ", ".join(missing)})
            if unknown:
                parts.append(_("unknown columns: %(columns)s") % {"columns": ", ".join(unknown)})
            raise ImportFileError(
                _("The first row must name the columns %(expected)s; %(problems)s.")
                % {"expected": ", ".join(CSV_COLUMNS), "problems": "; ".join(parts)}
            )
        if len(set(header)) != len(header):
            raise ImportFileError(_("A column is named twice in the first row."))
        rows = []
        for number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue  # blank lines, often at the end of a file
            rows.append((number, dict(zip(header, cells, strict=False)), len(cells)))
        return rows
    except csv.Error as error:
        raise ImportFileError(
            _("This file cannot be read as CSV (%(problem)s).") % {"problem": error}
        ) from error


def csv_import(*, content: bytes, dry_run: bool, user) -> ImportReport:
    """Import a CSV file as draft listings (see `listings_import` for the rules)."""
    records = []
    for number, row, cell_count in csv_rows(content=content):
        record = csv_row_to_listing(row=row, number=number)
        if cell_count != len(CSV_COLUMNS):
            record.problems.insert(
                0,
                _("This row has %(cells)s cells but the first row names %(columns)s columns.")
                % {"cells": cell_count, "columns": len(CSV_COLUMNS)},
            )
        records.append(record)
    return listings_import(
        records=records, dry_run=dry_run, user=user, record_noun=str(RECORD_NOUN_CSV)
    )
