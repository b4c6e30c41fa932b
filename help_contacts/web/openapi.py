"""The OpenAPI 3.1 description of the directory's public APIs, served at /api/schema/.

The parameters are generated from the forms that check them (`_field_schema`), so every
limit the forms enforce is stated; the answers' schemas are written here and checked
against real responses (tests/help_contacts/test_openapi.py), and Schemathesis, with every
check, drives both APIs from this document (test_openapi_schemathesis.py).
"""

from typing import Any

from django import forms
from django.http import JsonResponse
from django.views.decorators.http import require_safe

from help_contacts.data.choices import Cost, Credential, Language, Service, Specialty
from help_contacts.web.forms import SEARCH_PARAMETERS, DirectorySearchForm, YesNoField
from help_contacts.web.interchange_forms import HsdsServicesForm
from help_contacts.web.views import RESULTS_PER_PAGE, conditional

HSDS_SERVICE_SCHEMA = (
    "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/service.json"
)


def _codes(choices) -> dict[str, Any]:
    return {"type": "string", "enum": list(choices.values)}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


DATE = {"type": "string", "format": "date"}


# What each parameter means; its type and limits come from the form's own fields below.
DESCRIPTIONS = {
    "location": "A town or city (“Springfield, MO”, “Perth, Scotland”), a postcode (UK, "
    "Canadian or Australian; a UK postcode is found at its area unless a finer file is "
    "loaded) or a US ZIP code. One that cannot be found is a 404.",
    "lat": "Latitude in decimal degrees, with lon; kept to 3 decimals.",
    "lon": "Longitude in decimal degrees, with lat; kept to 3 decimals.",
    "radius": "How far to look, in km.",
    "language": "Languages, as ISO 639-1 codes (any of them).",
    "service": "Ways of seeing families (any of them).",
    "specialty": "What they have experience with (any of them).",
    "cost": "Ways of paying (any of them).",
    "accepting": "1 for only those accepting new clients.",
    "ibclc": "1 for only IBCLCs checked on the public register.",
    "q": "Words in the name or practice name.",
    "page": "Page of results; one past the last is a 404.",
    "per_page": "Services a page.",
}
# Text a person types: no control characters, and something that is not a space.
TYPED_TEXT = r"^[^\x00-\x1f\x7f]*[^\s\x00-\x1f\x7f][^\x00-\x1f\x7f]*$"


def _field_schema(field: forms.Field) -> dict[str, Any]:
    """The JSON Schema of what a form field accepts, read from the field itself, so the
    description states every limit the form enforces and cannot drift from it."""
    if isinstance(field, forms.MultipleChoiceField):
        codes = [value for value, _label in field.choices if value != ""]
        return {"type": "array", "items": {"type": "string", "enum": codes}}
    if isinstance(field, forms.TypedChoiceField):
        return {"type": "integer", "enum": [field.coerce(value) for value, _ in field.choices]}
    if isinstance(field, YesNoField):
        return {"type": "string", "enum": ["0", "1"]}
    if isinstance(field, forms.FloatField):
        return {"type": "number", "minimum": field.min_value, "maximum": field.max_value}
    if isinstance(field, forms.IntegerField):
        return {"type": "integer", "minimum": field.min_value, "maximum": field.max_value}
    if isinstance(field, forms.CharField):
        return {"type": "string", "maxLength": field.max_length, "pattern": TYPED_TEXT}
    raise TypeError(f"no schema for {type(field).__name__}: describe it here")


def _search_parameter(form_class, *, extra=(), place_optional=False) -> dict[str, Any]:
    """The search's parameters as one form-style object: OpenAPI cannot say "location, or
    lat and lon together" of separate parameters, but it can of an object's properties."""
    names = (*SEARCH_PARAMETERS, "page", *extra)
    properties = {
        name: {**_field_schema(form_class.base_fields[name]), "description": DESCRIPTIONS[name]}
        for name in names
    }
    return {
        "name": "search",
        "in": "query",
        "description": "The search: a place (location, or lat and lon) and any filters.",
        "required": True,
        "style": "form",
        "explode": True,
        "schema": {
            "type": "object",
            "properties": properties,
            "additionalProperties": False,
            "dependentRequired": {"lat": ["lon"], "lon": ["lat"]},
            "anyOf": [
                {"required": ["location"]},
                {"required": ["lat", "lon"]},
                # HSDS: with no place, every listing, so no filter either.
                *(
                    [{"not": {"anyOf": [{"required": [name]} for name in SEARCH_PARAMETERS]}}]
                    if place_optional
                    else []
                ),
            ],
        },
    }


def _listing_schema() -> dict[str, Any]:
    string = {"type": "string"}
    properties = {
        "id": {"type": "integer"},
        "name": string,
        "url": _nullable({"type": "string", "format": "uri"}),
        "credentials": {"type": "array", "items": _codes(Credential)},
        "practice_name": string,
        "address": {
            "type": "object",
            "properties": dict.fromkeys(("street_address", "city", "region", "postcode"), string)
            | {"country": {"type": "string", "pattern": "^[A-Z]{2}$"}},
            "required": ["street_address", "city", "region", "postcode", "country"],
            "additionalProperties": False,
        },
        "lat": {"type": "number"},
        "lon": {"type": "number"},
        "phone": string,
        "email": string,
        "website": string,
        "languages": {"type": "array", "items": _codes(Language)},
        "services": {"type": "array", "items": _codes(Service)},
        "costs": {"type": "array", "items": _codes(Cost)},
        "insurance_plans": string,
        "specialties": {"type": "array", "items": _codes(Specialty)},
        "opening_hours": string,
        "accepting_new_clients": {
            "type": "boolean",
            "description": "As last checked; when `stale`, it may have changed.",
        },
        "home_visit_radius_km": _nullable({"type": "integer", "minimum": 1}),
        "remote_regions": {
            "type": "array",
            "description": "Where they help by video or phone: country codes, US-XX, or *.",
            "items": {"type": "string", "pattern": r"^(\*|[A-Z]{2}|US-[A-Z]{2})$"},
        },
        "visits_your_area": {"type": "boolean"},
        "last_verified": _nullable(DATE),
        "stale": {
            "type": "boolean",
            "description": "Not checked within the site's staleness period (12 months).",
        },
        "credential_number": string,
        "credential_verified_on": _nullable(DATE),
        "recertification_due": _nullable(DATE),
        "verified_ibclc": {"type": "boolean"},
        "is_demo": {"type": "boolean", "description": "A fictional listing for demonstration."},
        "distance_km": {"type": "number", "minimum": 0},
        "distance_miles": {"type": "number", "minimum": 0},
    }
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _place_schema(*, searched: bool = False) -> dict[str, Any]:
    schema = {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "lat": {"type": "number"},
            "lon": {"type": "number"},
        },
        "required": ["name", "lat", "lon"],
        "additionalProperties": False,
    }
    if searched:
        schema["properties"]["approximate"] = {
            "type": "boolean",
            "description": "True when the search starts from the area around a postcode "
            "the gazetteer does not hold (its UK postcode area, or its outward code).",
        }
        schema["required"].append("approximate")
    return schema


def _errors_response() -> dict[str, Any]:
    return {
        "description": "A parameter that cannot be used; each field names what was wrong.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}},
    }


def openapi_document() -> dict[str, Any]:
    """The document itself: paths, parameters and the schemas of every answer."""
    conditional_headers = {
        "ETag": {"schema": {"type": "string"}},
        "Last-Modified": {"schema": {"type": "string"}},
    }
    not_modified = {"description": "Unchanged since the ETag or date the client sent."}
    listing_ref = {"$ref": "#/components/schemas/Listing"}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Lactation consultant directory",
            "version": "1",
            "description": (
                "Search the directory by place or position. Every listing says when a person "
                "last checked it; demo listings are fictional and marked `is_demo`."
            ),
        },
        "paths": {
            "/api/v1/directory/": {
                "get": {
                    "summary": "Listings near a place, nearest first, and remote helpers",
                    "parameters": [_search_parameter(DirectorySearchForm)],
                    "responses": {
                        "200": {
                            "description": f"Up to {RESULTS_PER_PAGE} listings a page.",
                            "headers": conditional_headers,
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/DirectoryPage"}
                                }
                            },
                        },
                        "304": not_modified,
                        "400": _errors_response(),
                        "404": _errors_response(),
                    },
                }
            },
            "/api/v1/hsds/services/": {
                "get": {
                    "summary": "Published listings as Open Referral HSDS 3.0 services",
                    "parameters": [
                        _search_parameter(
                            HsdsServicesForm, extra=("per_page",), place_optional=True
                        )
                    ],
                    "responses": {
                        "200": {
                            "description": "An HSDS page of fully nested services.",
                            "headers": conditional_headers,
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/HsdsPage"}
                                }
                            },
                        },
                        "304": not_modified,
                        "400": _errors_response(),
                        "404": _errors_response(),
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "Listing": _listing_schema(),
                "DirectoryPage": {
                    "type": "object",
                    "properties": {
                        "location": _place_schema(searched=True),
                        "radius_km": {"type": "integer"},
                        "count": {
                            "type": "integer",
                            "minimum": 0,
                            "description": "How many listings match, up to 200.",
                        },
                        "more_than_count": {
                            "type": "boolean",
                            "description": (
                                "True when more listings match than `count` says; only the "
                                "nearest 200 are paged through."
                            ),
                        },
                        "next": _nullable({"type": "string", "format": "uri"}),
                        "previous": _nullable({"type": "string", "format": "uri"}),
                        "alternatives": {"type": "array", "items": _place_schema()},
                        "results": {"type": "array", "items": listing_ref},
                        "remote": {
                            "type": "array",
                            "description": "Who helps by video or phone in the region.",
                            "items": listing_ref,
                        },
                    },
                    "required": [
                        *("location", "radius_km", "count", "more_than_count", "next"),
                        "previous",
                        *("alternatives", "results", "remote"),
                    ],
                    "additionalProperties": False,
                },
                "HsdsPage": {
                    "type": "object",
                    "properties": {
                        "total_items": {"type": "integer"},
                        "total_pages": {"type": "integer"},
                        "page_number": {"type": "integer"},
                        "size": {"type": "integer"},
                        "first_page": {"type": "boolean"},
                        "last_page": {"type": "boolean"},
                        "empty": {"type": "boolean"},
                        "contents": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "description": f"An HSDS 3.0 service: {HSDS_SERVICE_SCHEMA}",
                                "required": ["id", "name", "status"],
                            },
                        },
                    },
                    "required": [
                        *("total_items", "total_pages", "page_number", "size"),
                        *("first_page", "last_page", "empty", "contents"),
                    ],
                    "additionalProperties": False,
                },
                "Errors": {
                    "type": "object",
                    "properties": {
                        "errors": {
                            "type": "object",
                            "additionalProperties": {
                                "type": "array",
                                "items": {"type": "string"},
                                "minItems": 1,
                            },
                        }
                    },
                    "required": ["errors"],
                    "additionalProperties": False,
                },
            }
        },
    }


@require_safe
@conditional
def openapi_schema(request):
    """GET /api/schema/: this document as JSON."""
    return JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False})
