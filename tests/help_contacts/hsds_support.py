"""What the HSDS tests share: the schema validators, and the export and import commands."""

import io
import json

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from django.core.management import call_command

from help_contacts.interchange.schema import SCHEMA_DIR

SCHEMA_BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"


def _hsds_registry():
    """The HSDS schema files, each under its published address; built here, not by the app."""
    resources = [
        (
            f"{SCHEMA_BASE}{path.name}",
            Resource.from_contents(json.loads(path.read_text()), default_specification=DRAFT202012),
        )
        for path in SCHEMA_DIR.glob("*.json")
    ]
    return Registry().with_resources(resources)


def service_validator():
    return Draft202012Validator(
        {"$ref": f"{SCHEMA_BASE}service.json"},
        registry=_hsds_registry(),
        format_checker=FormatChecker(),
    )


def page_validator():
    openapi = json.loads((SCHEMA_DIR / "openapi.json").read_text())
    return Draft202012Validator(
        {**openapi["components"]["schemas"]["Page"], "required": ["total_items", "contents"]}
    )


def export(tmp_path, name="export.json"):
    path = tmp_path / name
    call_command("export_hsds", output=str(path), verbosity=0)
    return path


def run_import(path, *, dry_run=False):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_hsds", str(path), dry_run=dry_run, stdout=out, stderr=err)
    return out.getvalue()
