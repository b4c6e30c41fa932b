"""Every form a listing takes outside the database, from one set of field rules.

The JSON API, the schema.org JSON-LD on a listing's page, the result cards of the
directory page and the CSV and HSDS interchange all start from the same pieces here
(the address, the interchange fields, distances, map links), so a change to what a
listing says reaches every representation at once.
"""

import functools

from django.conf import settings
from django.utils.formats import date_format, number_format
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from core.json_script import json_for_script
from help_contacts.data.choices import Service
from help_contacts.data.models import Consultant

KM_PER_MILE = 1.609344

# What a file (CSV, HSDS) carries for each listing; everything else (slug, source,
# moderation state, who suggested it) stays as it is on import. The public suggestion
# form asks for the same fields, less those only a directory manager can vouch for.
INTERCHANGE_FIELDS = (
    "name",
    "practice_name",
    "credentials",
    "street_address",
    "city",
    "region",
    "postcode",
    "country",
    "latitude",
    "longitude",
    "phone",
    "email",
    "website",
    "services",
    "home_visit_radius_km",
    "languages",
    "costs",
    "insurance_plans",
    "specialties",
    "opening_hours",
    "accepting_new_clients",
    "bio",
    "last_verified",
)
ADDRESS_FIELDS = ("street_address", "city", "region", "postcode", "country")
SCHEMA_ORG_ADDRESS = {
    "street_address": "streetAddress",
    "city": "addressLocality",
    "region": "addressRegion",
    "postcode": "postalCode",
    "country": "addressCountry",
}


def postal_address(*, consultant: Consultant) -> dict[str, str]:
    """The listing's address, field by field, in the order a letter would give it."""
    return {name: getattr(consultant, name) for name in ADDRESS_FIELDS}


def interchange_values(*, consultant: Consultant) -> dict:
    """The listing's values for every interchange field, as stored."""
    return {name: getattr(consultant, name, None) for name in INTERCHANGE_FIELDS}


def distance_label(km: float | None) -> str:
    """'2.4 km (1.5 mi)', with one decimal under 10 km and none above."""
    if km is None:
        return ""
    digits = 1 if km < 10 else 0
    # number_format truncates, so round first: 0.29 km reads 0.3 km, not 0.2 km.
    return _distance_text(
        get_language(), round(km, digits), round(km / KM_PER_MILE, digits), digits
    )


@functools.lru_cache(maxsize=4096)
def _distance_text(language: str | None, km: float, miles: float, digits: int) -> str:
    """A rounded distance in the active language (`language` is its key here): a page of
    results says a few dozen, from a few hundred that can be said at all, each worked out
    once per process rather than through the locale's number format each time."""
    return f"{number_format(km, digits)} km ({number_format(miles, digits)} mi)"


def directions_url(*, consultant: Consultant) -> str:
    return settings.MAP_DIRECTIONS_URL.format(
        lat=f"{consultant.latitude:.5f}", lon=f"{consultant.longitude:.5f}"
    )


def consultant_json_ld(*, consultant: Consultant, url: str) -> SafeString:
    """schema.org data for one listing, safe to place inside a <script> element."""
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalBusiness",
        "name": consultant.practice_name or consultant.name,
        "url": url,
        "address": {
            "@type": "PostalAddress",
            **{
                SCHEMA_ORG_ADDRESS[name]: value
                for name, value in postal_address(consultant=consultant).items()
            },
        },
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": consultant.latitude,
            "longitude": consultant.longitude,
        },
        "employee": {
            "@type": "Person",
            "name": consultant.name,
            "hasCredential": [str(label) for label in consultant.credential_labels],
        },
        "knowsLanguage": consultant.languages,
        "isAcceptingNewPatients": consultant.accepting_new_clients,
    }
    if consultant.phone:
        data["telephone"] = consultant.phone
    if consultant.email:
        data["email"] = consultant.email
    if consultant.website:
        data["sameAs"] = consultant.website
    if consultant.opening_hours:
        data["openingHours"] = consultant.opening_hours
    if consultant.home_visit_radius_km:
        data["areaServed"] = {
            "@type": "GeoCircle",
            "geoMidpoint": data["geo"],
            "geoRadius": consultant.home_visit_radius_km * 1000,
        }
    return json_for_script(data)


def _iso(day) -> str | None:
    return day.isoformat() if day else None


def consultant_api_json(*, consultant: Consultant, listing_base_url: str | None) -> dict:
    """One search result in the directory's JSON API."""
    return {
        "id": consultant.pk,
        "name": consultant.name,
        "url": f"{listing_base_url}{consultant.slug}/" if listing_base_url else None,
        "credentials": consultant.credentials,
        "practice_name": consultant.practice_name,
        "address": postal_address(consultant=consultant),
        "lat": consultant.latitude,
        "lon": consultant.longitude,
        "phone": consultant.phone,
        "email": consultant.email,
        "website": consultant.website,
        "languages": consultant.languages,
        "services": consultant.services,
        "costs": consultant.costs,
        "insurance_plans": consultant.insurance_plans,
        "specialties": consultant.specialties,
        "opening_hours": consultant.opening_hours,
        "accepting_new_clients": consultant.accepting_new_clients,
        "home_visit_radius_km": consultant.home_visit_radius_km,
        "remote_regions": consultant.remote_regions,
        "visits_your_area": bool(consultant.reaches_you),
        "last_verified": _iso(consultant.last_verified),
        "stale": consultant.is_stale,
        "credential_number": consultant.credential_number,
        "credential_verified_on": _iso(consultant.credential_verified_on),
        "recertification_due": _iso(consultant.recertification_due),
        "verified_ibclc": consultant.is_verified_ibclc,
        "is_demo": consultant.is_demo,
        "distance_km": round(consultant.distance_km, 2),
        "distance_miles": round(consultant.distance_km / KM_PER_MILE, 2),
    }


def _filled_in(message: str, **values) -> SafeString:
    """A translated message with escaped values put in, as `{% blocktranslate %}` does."""
    return mark_safe(message % {name: conditional_escape(value) for name, value in values.items()})


def _joined(labels) -> str:
    return ", ".join(str(label) for label in labels)


def checked_date(day) -> str:
    """'3 March 2026', the way every page says when a listing or credential was checked."""
    return date_format(day, "j F Y")


def freshness_note(*, consultant: Consultant) -> str:
    """When a person last checked the listing, in words."""
    if consultant.last_verified is None:
        return gettext("Not yet checked with them")
    if consultant.owner_confirmed_on == consultant.last_verified:
        return gettext("Confirmed by the practitioner on %(date)s") % {
            "date": checked_date(consultant.last_verified)
        }
    return gettext("Last checked %(date)s") % {"date": checked_date(consultant.last_verified)}


def availability_note(*, consultant: Consultant) -> dict:
    """Whether they take new clients, stated as fact only while the listing is fresh.

    `state` is "accepting", "not-accepting" or "unsure" (stale: the answer may be old).
    """
    if consultant.is_stale:
        if consultant.last_verified is None:
            text = gettext("May have changed: never checked with them")
        else:
            text = gettext("May have changed: last checked %(date)s") % {
                "date": checked_date(consultant.last_verified)
            }
        return {"state": "unsure", "text": text}
    if consultant.accepting_new_clients:
        return {"state": "accepting", "text": gettext("Accepting new clients")}
    return {"state": "not-accepting", "text": gettext("Not taking new clients at the moment")}


def credential_note(*, consultant: Consultant) -> str:
    """Who vouches for the credentials: the register (checked by us, and when) or only them."""
    if not consultant.credentials:
        return ""
    if consultant.credential_is_current:
        return gettext("Checked against the public register on %(date)s") % {
            "date": checked_date(consultant.credential_verified_on)
        }
    if consultant.credential_verified_on is not None:
        return gettext("Recertification was due %(date)s; not yet checked again") % {
            "date": checked_date(consultant.recertification_due)
        }
    return gettext("Self-reported: not yet checked against a register")


def home_visit_note(*, consultant: Consultant) -> str:
    """Whether a home visitor's travel radius reaches the place searched from."""
    if not consultant.offers_home_visits or not consultant.home_visit_radius_km:
        return ""
    if getattr(consultant, "reaches_you", False):
        return gettext("Visits homes up to %(km)s km away, including where you searched") % {
            "km": consultant.home_visit_radius_km
        }
    return gettext("Visits homes up to %(km)s km away, which does not reach where you searched") % {
        "km": consultant.home_visit_radius_km
    }


def card_url(consultant: Consultant, listing_base_url: str, search_query: str = "") -> str:
    """A result card's link: the listing page, carrying the search that found it."""
    back = f"?{search_query}" if search_query else ""
    return f"{listing_base_url}{consultant.slug}/{back}"


def card_distance(consultant: Consultant) -> SafeString:
    """'3.2 km away', as a nearby result's card says it."""
    return _card_distance_text(distance_label(consultant.distance_km), get_language())


@functools.lru_cache(maxsize=4096)
def _card_distance_text(distance: str, language: str | None) -> SafeString:
    return _filled_in(gettext("%(distance)s away"), distance=distance)


def listing_cards(
    *, listings, listing_base_url: str, remote: bool = False, search_query: str = ""
) -> list[dict]:
    """What each result card on the directory page says, worked out here for its template.

    The template only places these values. Resolved there, twenty cards each looking up
    some forty expressions through the model (labels, translations, filters) cost more
    than the search that found them.
    One dict per listing; an optional line is None when the template leaves it out.
    `remote` cards are for help by video or phone, so they name the ways, not a distance.
    `search_query` (the search's own parameters) rides on each listing's link, so the listing
    page can lead back to these results.
    """
    # Each message is translated once for the whole list.
    call = gettext("Call %(phone)s")
    website_of = gettext("of %(name)s")
    directions_to = gettext("to %(name)s")
    cards = []
    for consultant in listings:
        address = consultant.address_lines
        cards.append(
            {
                "id": consultant.pk,
                "name": consultant.name,
                "url": card_url(consultant, listing_base_url, search_query),
                "lat": f"{consultant.latitude:f}",  # as the stringformat:"f" filter wrote it
                "lon": f"{consultant.longitude:f}",
                "credentials": consultant.short_credentials if consultant.credentials else None,
                "distance": (
                    _joined(
                        label
                        for label in consultant.service_labels
                        if label in (Service.VIDEO.label, Service.PHONE.label)
                    )
                    if remote
                    else card_distance(consultant)
                ),
                "reaches_you": consultant.reaches_you,
                "availability": availability_note(consultant=consultant),
                "checked": freshness_note(consultant=consultant),
                "credential_note": credential_note(consultant=consultant) or None,
                "home_visits": home_visit_note(consultant=consultant) or None,
                "is_demo": consultant.is_demo,
                "address": ", ".join(address) if address else None,
                # Home visits get their own line, saying whether they reach the parent.
                "services": _joined(
                    label
                    for label in consultant.service_labels
                    if label != Service.HOME_VISITS.label
                )
                or None,
                "languages": _joined(consultant.language_labels) if consultant.languages else None,
                "costs": "; ".join(consultant.cost_descriptions) if consultant.costs else None,
                "phone_tel": consultant.phone_tel,
                "call": _filled_in(call, phone=consultant.phone) if consultant.phone else None,
                "website": consultant.website,
                "website_of": _filled_in(website_of, name=consultant.name),
                "directions_url": directions_url(consultant=consultant),
                "directions_to": _filled_in(directions_to, name=consultant.name),
            }
        )
    return cards
