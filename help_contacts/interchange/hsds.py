"""Directory listings as Open Referral HSDS 3.0 services, and back.

Each listing becomes one fully nested HSDS service (the shape of the HSDS API's
`/services/{id}` and of `schema/compiled/service.json`):

- the service carries the listing's name, about text (`description`), website (`url`),
  email, phone, languages, opening hours (a schedule's `description`), when it was last
  checked (`assured_date`, with the directory's own address as `assurer_email`, never the
  listing owner's) and what it costs in words (`fees_description`); a check the
  practitioner made from the directory's email is the attribute
  `confirmed-by-practitioner-on`, which an import keeps;
- its `organization` is the practice, or the person when there is no practice;
- one `service_at_locations` entry holds the physical location: map point and address;
- a `contacts` entry names the person and her credentials;
- the fixed vocabularies (credentials, services, costs, specialties) travel as
  `attributes` whose taxonomy terms carry our codes, so another system can read them and
  a re-import restores them exactly; "accepting new clients" and the home-visit radius
  are attributes with a `value`;
- home visits also appear as a `service_areas` entry, in words, for people reading it.

Every id is a UUID derived from the listing's own HSDS id (see
`consultant_hsds_id`), so exporting the same listing twice gives the same document.
"""

from __future__ import annotations

import datetime
import json
import uuid
from dataclasses import dataclass
from email.utils import parseaddr
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.numbers import whole_number
from help_contacts.data.choices import Cost, Credential, Language, Service, Specialty
from help_contacts.data.models import Consultant
from help_contacts.data.representations import postal_address

from .importing import (
    PROJECT_NAMESPACE,
    RECORD_NOUN_HSDS,
    ImportFileError,
    ImportReport,
    ListingRecord,
    consultant_hsds_id,
    decode_text,
    listings_import,
)
from .schema import hsds_service_errors


@dataclass(frozen=True)
class Vocabulary:
    """One of the directory's fixed lists, published as an HSDS taxonomy."""

    field: str
    taxonomy: str
    description: str
    choices: type[models.TextChoices]


VOCABULARIES = (
    Vocabulary(
        "credentials",
        "lactation-directory-credential",
        gettext_lazy("Qualifications a lactation consultant or supporter holds."),
        Credential,
    ),
    Vocabulary(
        "services",
        "lactation-directory-service",
        gettext_lazy("How a lactation consultant sees families."),
        Service,
    ),
    Vocabulary("costs", "lactation-directory-cost", gettext_lazy("What a family pays."), Cost),
    Vocabulary(
        "specialties",
        "lactation-directory-specialty",
        gettext_lazy("What a lactation consultant has particular experience with."),
        Specialty,
    ),
)
VOCABULARY_BY_TAXONOMY = {vocabulary.taxonomy: vocabulary for vocabulary in VOCABULARIES}
LISTING_TAXONOMY = "lactation-directory-listing"
ACCEPTING_TERM = "accepting-new-clients"
HOME_VISIT_RADIUS_TERM = "home-visit-radius-km"
# Exported so another directory sees when we checked; never imported, because a check
# against the register counts only when one of this site's directory managers made it.
CREDENTIAL_VERIFIED_TERM = "credential-verified-on"
RECERTIFICATION_DUE_TERM = "recertification-due"
INSURANCE_PLANS_TERM = "insurance-plans"
OWNER_CONFIRMED_TERM = "confirmed-by-practitioner-on"
FREE_COSTS = {Cost.FREE, Cost.NHS}
YES, NO = "yes", "no"
LANGUAGE_NAMES = dict(Language.choices)
HSDS_ADDRESS = {
    "street_address": "address_1",
    "city": "city",
    "region": "state_province",
    "postcode": "postal_code",
    "country": "country",
}


def _uuid(*parts: object) -> str:
    return str(uuid.uuid5(PROJECT_NAMESPACE, "/".join(str(part) for part in parts)))


def _taxonomy_id(taxonomy: str) -> str:
    return _uuid("taxonomy", taxonomy)


def _term_id(taxonomy: str, code: str) -> str:
    return _uuid("taxonomy", taxonomy, "term", code)


def _listing_taxonomy_terms():
    return {
        ACCEPTING_TERM: (
            _("Accepting new clients"),
            _("Whether the consultant is taking on new families: yes or no."),
        ),
        HOME_VISIT_RADIUS_TERM: (
            _("Home-visit travel radius (km)"),
            _("How far from the address the consultant travels for home visits, in km."),
        ),
        INSURANCE_PLANS_TERM: (
            _("Insurance plans taken"),
            _("The named insurance plans the consultant takes, separated by commas."),
        ),
        CREDENTIAL_VERIFIED_TERM: (
            _("Credential checked on"),
            _("The day a directory manager found the credential on the public register."),
        ),
        RECERTIFICATION_DUE_TERM: (
            _("Recertification due"),
            _("When the credential must next be renewed, as the register shows it."),
        ),
        OWNER_CONFIRMED_TERM: (
            _("Confirmed by the practitioner on"),
            _(
                "The day the practitioner confirmed the listing as right, from a single-use "
                "link the directory emailed to their private address."
            ),
        ),
    }


def _taxonomy_term(taxonomy: str, code: str, name: str, description: str) -> dict[str, Any]:
    if taxonomy == LISTING_TAXONOMY:
        taxonomy_description = _("Facts about a lactation consultant's directory listing.")
    else:
        taxonomy_description = str(VOCABULARY_BY_TAXONOMY[taxonomy].description)
    return {
        "id": _term_id(taxonomy, code),
        "code": code,
        "name": name,
        "description": description,
        "taxonomy": taxonomy,
        "taxonomy_id": _taxonomy_id(taxonomy),
        "taxonomy_detail": {
            "id": _taxonomy_id(taxonomy),
            "name": taxonomy,
            "description": taxonomy_description,
            "version": "1",
        },
    }


def _attribute(service_id: str, taxonomy: str, code: str, name: str, description: str, value=None):
    attribute = {
        "id": _uuid(service_id, "attribute", taxonomy, code),
        "link_id": service_id,
        "link_entity": "service",
        "taxonomy_term_id": _term_id(taxonomy, code),
        "taxonomy_term": _taxonomy_term(taxonomy, code, name, description),
    }
    if value is not None:
        attribute["value"] = value
    return attribute


def _attributes(consultant: Consultant, service_id: str) -> list[dict[str, Any]]:
    attributes = []
    for vocabulary in VOCABULARIES:
        labels = dict(vocabulary.choices.choices)
        for code in getattr(consultant, vocabulary.field) or []:
            label = str(labels.get(code, code))
            attributes.append(_attribute(service_id, vocabulary.taxonomy, code, label, label))
    terms = _listing_taxonomy_terms()
    attributes.append(
        _attribute(
            service_id,
            LISTING_TAXONOMY,
            ACCEPTING_TERM,
            *terms[ACCEPTING_TERM],
            value=YES if consultant.accepting_new_clients else NO,
        )
    )
    if consultant.home_visit_radius_km:
        attributes.append(
            _attribute(
                service_id,
                LISTING_TAXONOMY,
                HOME_VISIT_RADIUS_TERM,
                *terms[HOME_VISIT_RADIUS_TERM],
                value=str(consultant.home_visit_radius_km),
            )
        )
    if consultant.insurance_plans.strip():
        attributes.append(
            _attribute(
                service_id,
                LISTING_TAXONOMY,
                INSURANCE_PLANS_TERM,
                *terms[INSURANCE_PLANS_TERM],
                value=consultant.insurance_plans.strip(),
            )
        )
    for term, day in (
        (CREDENTIAL_VERIFIED_TERM, consultant.credential_verified_on),
        (RECERTIFICATION_DUE_TERM, consultant.recertification_due),
        (OWNER_CONFIRMED_TERM, consultant.owner_confirmed_on),
    ):
        if day:
            attributes.append(
                _attribute(service_id, LISTING_TAXONOMY, term, *terms[term], value=day.isoformat())
            )
    return attributes


def _cost_options(consultant: Consultant, service_id: str) -> list[dict[str, Any]]:
    """Each way of paying as an HSDS cost option; free ones carry an amount of 0."""
    options = []
    # cost_descriptions follow the choices' order, as the codes are sorted here.
    known = [code for code in dict.fromkeys(consultant.costs or []) if code in Cost.values]
    for code, description in zip(
        sorted(known, key=list(Cost.values).index),
        consultant.cost_descriptions,
        strict=True,
    ):
        option = {
            "id": _uuid(service_id, f"cost-option-{code}"),
            "service_id": service_id,
            "option": description,
        }
        if code in FREE_COSTS:
            option["amount"] = 0
        options.append(option)
    return options


def _location(consultant: Consultant, service_id: str) -> dict[str, Any]:
    location_id = _uuid(service_id, "location")
    location = {
        "id": location_id,
        "location_type": "physical",
        "name": consultant.practice_name or consultant.name,
        "addresses": [
            {
                "id": _uuid(service_id, "address"),
                "location_id": location_id,
                **{
                    HSDS_ADDRESS[name]: value
                    for name, value in postal_address(consultant=consultant).items()
                },
                "address_type": "physical",
            }
        ],
    }
    if consultant.latitude is not None and consultant.longitude is not None:
        location["latitude"] = consultant.latitude
        location["longitude"] = consultant.longitude
    return location


def consultant_to_hsds(*, consultant: Consultant) -> dict[str, Any]:
    """One listing as a fully nested HSDS 3.0 service."""
    service_id = str(consultant_hsds_id(consultant=consultant))
    organization_id = _uuid(service_id, "organization")
    organization_name = consultant.practice_name or consultant.name
    location = _location(consultant, service_id)
    service: dict[str, Any] = {
        "id": service_id,
        "organization_id": organization_id,
        "name": consultant.name,
        "description": consultant.bio,
        "status": "active" if consultant.live else "inactive",
        "fees_description": "; ".join(consultant.cost_descriptions),
        "cost_options": _cost_options(consultant, service_id),
        "last_modified": consultant.updated_at.isoformat() if consultant.updated_at else None,
        "organization": {
            "id": organization_id,
            "name": organization_name,
            "description": _("%(name)s: breastfeeding and lactation support in %(city)s.")
            % {"name": organization_name, "city": consultant.city},
        },
        "contacts": [
            {
                "id": _uuid(service_id, "contact"),
                "service_id": service_id,
                "name": consultant.name,
                "title": consultant.short_credentials,
            }
        ],
        "service_at_locations": [
            {
                "id": _uuid(service_id, "service_at_location"),
                "service_id": service_id,
                "location_id": location["id"],
                "location": location,
            }
        ],
        "languages": [
            {
                "id": _uuid(service_id, "language", code),
                "service_id": service_id,
                "name": str(LANGUAGE_NAMES.get(code, code)),
                "code": code,
            }
            for code in consultant.languages or []
        ],
        "attributes": _attributes(consultant, service_id),
    }
    if service["last_modified"] is None:
        del service["last_modified"]
    if consultant.website:
        service["url"] = consultant.website
        service["organization"]["website"] = consultant.website
    if consultant.email:
        service["email"] = consultant.email
    if consultant.last_verified:
        service["assured_date"] = consultant.last_verified.isoformat()
        assurer = assurer_email()
        if assurer:
            service["assurer_email"] = assurer
    if consultant.phone:
        service["phones"] = [
            {
                "id": _uuid(service_id, "phone"),
                "service_id": service_id,
                "number": consultant.phone,
                "type": "voice",
            }
        ]
    if consultant.opening_hours:
        service["schedules"] = [
            {
                "id": _uuid(service_id, "schedule"),
                "service_id": service_id,
                "description": consultant.opening_hours,
            }
        ]
    if consultant.home_visit_radius_km:
        service["service_areas"] = [
            {
                "id": _uuid(service_id, "service_area"),
                "service_id": service_id,
                "name": _("Home visits within %(km)s km of %(place)s")
                % {"km": consultant.home_visit_radius_km, "place": consultant.city},
            }
        ]
    if consultant.is_demo:
        service["alert"] = _("Demo listing: not a real consultant.")
    return service


# Import ---------------------------------------------------------------------------------


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _dict(value) -> dict:
    return value if isinstance(value, dict) else {}


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def _first_phone(*holders: dict) -> str:
    for holder in holders:
        for phone in _list(holder.get("phones")):
            number = _text(_dict(phone).get("number"))
            if number:
                return number
    return ""


def _physical_location(record: dict, problems: list[str]) -> dict:
    locations = [
        _dict(_dict(entry).get("location")) for entry in _list(record.get("service_at_locations"))
    ]
    locations = [location for location in locations if location]
    physical = [loc for loc in locations if loc.get("location_type") == "physical"] or [
        loc for loc in locations if loc.get("location_type") != "virtual"
    ]
    if len(physical) > 1:
        problems.append(
            _(
                "The service is offered at %(count)s places, but a listing has one address. "
                "Split it into one service per place."
            )
            % {"count": len(physical)}
        )
    return physical[0] if physical else {}


def _address(location: dict) -> dict:
    addresses = [_dict(address) for address in _list(location.get("addresses"))]
    physical = [a for a in addresses if a.get("address_type") == "physical"]
    return (physical or addresses or [{}])[0]


def _language_codes(record: dict, location: dict, problems: list[str]) -> list[str]:
    known = set(Language.values)
    codes: list[str] = []
    for entry in _list(record.get("languages")) + _list(location.get("languages")):
        entry = _dict(entry)
        code = _text(entry.get("code")).lower()
        if not code:
            problems.append(
                _("The language “%(name)s” has no code. Give its ISO 639 code, such as en.")
                % {"name": _text(entry.get("name")) or "?"}
            )
        elif code not in known:
            problems.append(
                _("Unknown language code “%(code)s”. Known codes: %(known)s.")
                % {"code": code, "known": ", ".join(sorted(known))}
            )
        elif code not in codes:
            codes.append(code)
    return codes


def _term_lookup() -> dict[str, tuple[str, str]]:
    """Our taxonomy term ids, for attributes that give only `taxonomy_term_id`."""
    lookup = {}
    for vocabulary in VOCABULARIES:
        for code in vocabulary.choices.values:
            lookup[_term_id(vocabulary.taxonomy, code)] = (vocabulary.taxonomy, code)
    for code in (
        ACCEPTING_TERM,
        HOME_VISIT_RADIUS_TERM,
        INSURANCE_PLANS_TERM,
        OWNER_CONFIRMED_TERM,
    ):
        lookup[_term_id(LISTING_TAXONOMY, code)] = (LISTING_TAXONOMY, code)
    return lookup


def _attribute_fields(record: dict, problems: list[str]) -> dict[str, Any]:
    fields: dict[str, Any] = {vocabulary.field: [] for vocabulary in VOCABULARIES}
    fields["accepting_new_clients"] = True
    fields["home_visit_radius_km"] = None
    fields["insurance_plans"] = ""
    fields["owner_confirmed_on"] = None
    lookup = _term_lookup()
    for attribute in _list(record.get("attributes")):
        attribute = _dict(attribute)
        term = _dict(attribute.get("taxonomy_term"))
        detail = _dict(term.get("taxonomy_detail"))
        taxonomy = _text(term.get("taxonomy")) or _text(detail.get("name"))
        code = _text(term.get("code"))
        if not (taxonomy and code):
            taxonomy, code = lookup.get(_text(attribute.get("taxonomy_term_id")), ("", ""))
        value = _text(attribute.get("value"))
        if taxonomy in VOCABULARY_BY_TAXONOMY:
            vocabulary = VOCABULARY_BY_TAXONOMY[taxonomy]
            if code not in vocabulary.choices.values:
                problems.append(
                    _("Unknown %(list)s code “%(code)s”. Known codes: %(known)s.")
                    % {
                        "list": Consultant._meta.get_field(vocabulary.field).verbose_name,
                        "code": code,
                        "known": ", ".join(vocabulary.choices.values),
                    }
                )
            elif code not in fields[vocabulary.field]:
                fields[vocabulary.field].append(code)
        elif taxonomy == LISTING_TAXONOMY and code == ACCEPTING_TERM:
            if value.lower() not in (YES, NO):
                problems.append(
                    _("Accepting new clients must be “yes” or “no”, not “%(value)s”.")
                    % {"value": value}
                )
            fields["accepting_new_clients"] = value.lower() == YES
        elif taxonomy == LISTING_TAXONOMY and code == HOME_VISIT_RADIUS_TERM:
            radius = whole_number(value, maximum=32767)
            if radius is not None:
                fields["home_visit_radius_km"] = radius
            else:
                problems.append(
                    _("The home-visit radius must be a whole number of km, not “%(value)s”.")
                    % {"value": value}
                )
        elif taxonomy == LISTING_TAXONOMY and code == INSURANCE_PLANS_TERM:
            fields["insurance_plans"] = value
        elif taxonomy == LISTING_TAXONOMY and code == OWNER_CONFIRMED_TERM:
            fields["owner_confirmed_on"] = _iso_date(value, OWNER_CONFIRMED_TERM, problems)
        # Attributes from other taxonomies describe things the directory does not record.
    return fields


def _opening_hours(record: dict) -> str:
    parts = []
    for schedule in _list(record.get("schedules")):
        schedule = _dict(schedule)
        description = _text(schedule.get("description"))
        if description:
            parts.append(description)
            continue
        days, opens, closes = (
            _text(schedule.get(key)) for key in ("byday", "opens_at", "closes_at")
        )
        if opens or closes:
            parts.append(" ".join(part for part in (days, f"{opens}–{closes}") if part))
    return "; ".join(parts)


def _iso_date(value: str, name: str, problems: list[str]) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        problems.append(
            _("%(name)s must be a date such as 2024-05-31, not “%(value)s”.")
            % {"name": name, "value": value}
        )
        return None


def _assured_date(record: dict, problems: list[str]) -> datetime.date | None:
    return _iso_date(_text(record.get("assured_date")), "assured_date", problems)


def assurer_email() -> str:
    """Who vouches for the listings in open data: the directory's own address
    (DIRECTORY_ASSURER_EMAIL, else the address the site sends mail from)."""
    configured = settings.DIRECTORY_ASSURER_EMAIL or settings.DEFAULT_FROM_EMAIL
    return parseaddr(configured)[1]


def hsds_to_listing(*, record: Any, number: int) -> ListingRecord:
    """A listing's fields from one HSDS service, with any reasons it cannot be imported."""
    schema_problems = hsds_service_errors(record=record)
    if schema_problems:
        label = _text(record.get("name")) if isinstance(record, dict) else ""
        return ListingRecord(number, None, {}, label=label, problems=schema_problems)
    problems: list[str] = []
    name = _text(record["name"])
    if not name:
        problems.append(_("name: this field cannot be blank."))
    if record["status"] != "active":
        problems.append(
            _("Its status is “%(status)s”: only active services can be listed.")
            % {"status": record["status"]}
        )
    organization = _dict(record.get("organization"))
    organization_name = _text(organization.get("name"))
    location = _physical_location(record, problems)
    address = _address(location)
    street = ", ".join(
        part for part in (_text(address.get("address_1")), _text(address.get("address_2"))) if part
    )
    contacts = [_dict(contact) for contact in _list(record.get("contacts"))]
    fields: dict[str, Any] = {
        "name": name,
        "practice_name": organization_name if organization_name != name else "",
        "street_address": street,
        "city": _text(address.get("city")),
        "region": _text(address.get("state_province")) or _text(address.get("region")),
        "postcode": _text(address.get("postal_code")),
        "country": _text(address.get("country")).upper(),
        "latitude": location.get("latitude"),
        "longitude": location.get("longitude"),
        "phone": _first_phone(record, location, organization, *contacts),
        "email": _text(record.get("email")) or _text(organization.get("email")),
        "website": _text(record.get("url")) or _text(organization.get("website")),
        "languages": _language_codes(record, location, problems),
        "opening_hours": _opening_hours(record),
        "bio": _text(record.get("description")),
        "last_verified": _assured_date(record, problems),
        **_attribute_fields(record, problems),
    }
    return ListingRecord(
        number, uuid.UUID(record["id"]), fields, label=name or record["id"], problems=problems
    )


def hsds_records(*, data: Any) -> list[Any]:
    """The services in a parsed HSDS document: a list, a page with `contents`, or one service."""
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        return data["contents"]
    if isinstance(data, list):
        return data
    if isinstance(data, dict) and "id" in data and "name" in data:
        return [data]
    raise ImportFileError(
        _(
            "This JSON is not HSDS services. Upload a list of HSDS 3.0 services, an HSDS "
            "API page (with “contents”), or one service."
        )
    )


def _refuse_constant(name: str):
    # Python reads NaN and Infinity, which are not JSON and would slip past range checks.
    raise ImportFileError(_("%(name)s is not a number JSON allows.") % {"name": name})


def hsds_parse(*, content: bytes) -> Any:
    """The file's JSON, or an ImportFileError saying why it cannot be read."""
    text = decode_text(content=content, what="JSON")
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise ImportFileError(
            _("This is not valid JSON (line %(line)s, column %(column)s: %(problem)s).")
            % {"line": error.lineno, "column": error.colno, "problem": error.msg}
        ) from error
    except RecursionError as error:
        raise ImportFileError(_("This JSON is nested too deeply to read.")) from error


def hsds_import(*, data: Any, dry_run: bool, user) -> ImportReport:
    """Import parsed HSDS data as draft listings (see `listings_import` for the rules)."""
    records = [
        hsds_to_listing(record=record, number=number)
        for number, record in enumerate(hsds_records(data=data), start=1)
    ]
    return listings_import(
        records=records, dry_run=dry_run, user=user, record_noun=str(RECORD_NOUN_HSDS)
    )
