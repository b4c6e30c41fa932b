"""The Open Referral HSDS 3.0 JSON Schemas, read from the copy shipped in `hsds_schema/`.

The schema files refer to each other by relative file name (`"$ref": "phone.json"`). They
are registered under the addresses the HSDS OpenAPI document uses for them, so every
reference resolves to a local file and validating never touches the network.
"""

from __future__ import annotations

import datetime
import functools
import json
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

SCHEMA_DIR = Path(__file__).resolve().parent / "hsds_schema"
SCHEMA_BASE_URI = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
SERVICE_SCHEMA_URI = f"{SCHEMA_BASE_URI}service.json"
MAX_ERRORS_PER_RECORD = 5

format_checker = FormatChecker()


@format_checker.checks("uri", raises=ValidationError)
def _is_uri(value) -> bool:
    # jsonschema checks "uri" only with an optional package; Django's validator is at hand.
    if isinstance(value, str):
        URLValidator(schemes=["http", "https", "ftp", "ftps", "mailto", "tel"])(value)
    return True


@format_checker.checks("date-time", raises=ValueError)
def _is_date_time(value) -> bool:
    if isinstance(value, str):
        datetime.datetime.fromisoformat(value)
    return True


@functools.cache
def hsds_registry() -> Registry:
    """Every HSDS schema file, each under its published address."""
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resource = Resource.from_contents(contents, default_specification=DRAFT202012)
        resources.append((f"{SCHEMA_BASE_URI}{path.name}", resource))
    return Registry().with_resources(resources)


@functools.cache
def service_validator() -> Draft202012Validator:
    """A validator for one fully nested HSDS service (the API's `/services/{id}` shape)."""
    return Draft202012Validator(
        {"$ref": SERVICE_SCHEMA_URI}, registry=hsds_registry(), format_checker=format_checker
    )


def _path(error) -> str:
    return "/".join(str(part) for part in error.absolute_path) or _("(the record itself)")


def hsds_service_errors(*, record) -> list[str]:
    """Why a record is not a valid HSDS 3.0 service, as readable sentences; empty if it is."""
    errors = sorted(
        service_validator().iter_errors(record), key=lambda error: list(error.absolute_path)
    )
    messages = [
        _("Not valid HSDS 3.0 at %(path)s: %(problem)s")
        % {"path": _path(error), "problem": error.message[:200]}
        for error in errors[:MAX_ERRORS_PER_RECORD]
    ]
    if len(errors) > MAX_ERRORS_PER_RECORD:
        messages.append(
            _("… and %(count)s more problems with the HSDS format.")
            % {"count": len(errors) - MAX_ERRORS_PER_RECORD}
        )
    return messages
