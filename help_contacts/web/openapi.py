"""The OpenAPI 3.1 description of the directory's public APIs, served at /api/schema/.

Written by hand beside the views it describes, from the same vocabularies (the codes of
every filter come from `help_contacts.data.choices`), and checked against real responses
by tests/help_contacts/test_openapi.py, so it cannot drift from what the APIs send.
"""

from typing import Any

from django.http import JsonResponse
from django.views.decorators.http import require_safe

from help_contacts.data.choices import Cost, Credential, Language, Service, Specialty
from help_contacts.web.forms import RADIUS_CHOICES
from help_contacts.web.views import RESULTS_PER_PAGE, conditional

HSDS_SERVICE_SCHEMA = (
    "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/service.json"
)


def _codes(choices) -> dict[str, Any]:
    return {"type": "string", "enum": list(choices.values)}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


DATE = {"type": "string", "format": "date"}


def _list_parameter(name: str, choices, description: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "description": description + " Repeat the parameter for several (any of them).",
        "schema": {"type": "array", "items": _codes(choices)},
        "style": "form",
        "explode": True,
    }


def _search_parameters() -> list[dict[str, Any]]:
    return [
        {
            "name": "location",
            "in": "query",
            "description": "A town or city (“Springfield, MO”) or a US ZIP code.",
            "schema": {"type": "string", "maxLength": 200},
        },
        {
            "name": "lat",
            "in": "query",
            "description": "Latitude in decimal degrees, with lon; kept to 3 decimals.",
            "schema": {"type": "number", "minimum": -90, "maximum": 90},
        },
        {
            "name": "lon",
            "in": "query",
            "description": "Longitude in decimal degrees, with lat; kept to 3 decimals.",
            "schema": {"type": "number", "minimum": -180, "maximum": 180},
        },
        {
            "name": "radius",
            "in": "query",
            "description": "How far to look, in km.",
            "schema": {"type": "integer", "enum": [radius for radius, _label in RADIUS_CHOICES]},
        },
        _list_parameter("language", Language, "Languages, as ISO 639-1 codes."),
        _list_parameter("service", Service, "Ways of seeing families."),
        _list_parameter("specialty", Specialty, "What they have experience with."),
        _list_parameter("cost", Cost, "Ways of paying."),
        {
            "name": "accepting",
            "in": "query",
            "description": "1 for only those accepting new clients.",
            "schema": {"type": "string", "enum": ["0", "1"]},
        },
        {
            "name": "ibclc",
            "in": "query",
            "description": "1 for only IBCLCs checked on the public register.",
            "schema": {"type": "string", "enum": ["0", "1"]},
        },
        {
            "name": "q",
            "in": "query",
            "description": "Words in the name or practice name.",
            "schema": {"type": "string", "maxLength": 100},
        },
        {
            "name": "page",
            "in": "query",
            "description": "Page of results; past the last page is a 400.",
            "schema": {"type": "integer", "minimum": 1},
        },
    ]


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


def _place_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "lat": {"type": "number"},
            "lon": {"type": "number"},
        },
        "required": ["name", "lat", "lon"],
        "additionalProperties": False,
    }


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
                    "parameters": _search_parameters(),
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
                    },
                }
            },
            "/api/v1/hsds/services/": {
                "get": {
                    "summary": "Published listings as Open Referral HSDS 3.0 services",
                    "parameters": [
                        *_search_parameters(),
                        {
                            "name": "per_page",
                            "in": "query",
                            "schema": {"type": "integer", "minimum": 1, "maximum": 100},
                        },
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
                        "location": _place_schema(),
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
