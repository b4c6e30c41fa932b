"""Read queries for the directory. One function serves the page, the API and the exports."""

from __future__ import annotations

import functools
import hashlib
import math
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connection, connections, router, transaction
from django.db.models import (
    DEFERRED,
    BooleanField,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    IntegerField,
    JSONField,
    Max,
    Q,
    QuerySet,
    Value,
    Window,
)
from django.utils import timezone

from help_contacts.data.choices import ContactKind, PlaceKind
from help_contacts.data.directory_cache import directory_cached
from help_contacts.data.listing_checks import month_counts as listing_checks_month_counts
from help_contacts.data.models import Consultant, Place, ProblemReport, SupportContact
from help_contacts.data.models.fields import ANYWHERE
from help_contacts.data.models.querysets import (
    REMOTE_SERVICES,
    json_list_has_any,
    remote_ranking,
    verified_cutoff,
)
from help_contacts.data.unit_sphere import UNIT_SPHERE_POSITION

EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG), good to about 0.5% anywhere
UNSHOWN_FIELDS = ("bio", "submitter_contact", "owner_email")  # long or private, never in results
# What a search reads of each listing: every other column, in the model's order.
_SHOWN_FIELDS = tuple(
    field for field in Consultant._meta.concrete_fields if field.name not in UNSHOWN_FIELDS
)
SHOWN_FIELD_NAMES = tuple(field.attname for field in _SHOWN_FIELDS)
_SHOWN_POSITIONS = tuple(
    SHOWN_FIELD_NAMES.index(field.attname) if field in _SHOWN_FIELDS else None
    for field in Consultant._meta.concrete_fields
)


def shown_listing(database: str, values) -> Consultant:
    """A listing built from the values of `SHOWN_FIELD_NAMES`, already converted to Python,
    with the unshown fields deferred, as `.defer(*UNSHOWN_FIELDS)` would load it.

    What the ORM does for a deferred load (`Model.from_db` with a list of names), without
    testing each of the fifty fields' names against that list for every row."""
    listing = Consultant(
        *(DEFERRED if position is None else values[position] for position in _SHOWN_POSITIONS)
    )
    listing._state.adding = False
    listing._state.db = database
    return listing


@functools.lru_cache(maxsize=16)
def _shown_converters(db_connection):
    """For each shown field that the database answers in another form (jsonb as text),
    its position and what turns it into the field's Python value, as the ORM would; worked
    out once for each connection (one a thread)."""
    found = []
    for position, model_field in enumerate(_SHOWN_FIELDS):
        expression = model_field.get_col(Consultant._meta.db_table)
        converters = db_connection.ops.get_db_converters(expression) + expression.get_db_converters(
            db_connection
        )
        if converters:
            found.append((position, converters, expression))
    return found


@dataclass(frozen=True)
class Point:
    lat: float
    lon: float

    @property
    def cos_lat(self) -> float:
        return math.cos(math.radians(self.lat))

    @property
    def cube_text(self) -> str:
        """The point on the unit sphere, as a `cube` literal (see `UNIT_SPHERE_POSITION`)."""
        lat, lon = math.radians(self.lat), math.radians(self.lon)
        x, y, z = math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat)
        return f"({x!r}, {y!r}, {z!r})"


class SearchValue:
    """Where a search's own value goes in a statement kept for every search of its shape
    (`_walk_statement`): built once with these in its parameters, the statement is run by
    each search with its own values put in their place."""

    __slots__ = ("name",)

    def __init__(self, name: str):
        self.name = name

    def __repr__(self):
        return f"SearchValue({self.name!r})"


class _AnyPoint:
    """Stands for the point of whichever search runs a kept statement."""

    lat, lon = SearchValue("lat"), SearchValue("lon")
    cos_lat, cube_text = SearchValue("cos_lat"), SearchValue("cube_text")


class SearchValueExpression(Func):
    """A `SearchValue` where the ORM expects an expression (the right side of a filter)."""

    def __init__(self, name: str, output_field):
        super().__init__(output_field=output_field)
        self.name = name

    def as_sql(self, compiler, connection, **extra_context):
        return "%s", (SearchValue(self.name),)


@dataclass(frozen=True)
class DirectoryFilters:
    """What a parent narrowed the search to; every multi-valued filter means "any of these"."""

    languages: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    specialties: tuple[str, ...] = ()
    costs: tuple[str, ...] = ()
    accepting: bool = False
    ibclc_only: bool = False
    text: str = ""


@dataclass(frozen=True)
class DirectorySearch:
    """A validated search: the point, its name, how far to look and what to look for."""

    point: Point
    place_name: str
    radius_km: int
    filters: DirectoryFilters
    place: Place | None = None
    alternatives: list[Place] = field(default_factory=list)
    # The place is the area around what was typed (a postcode's area), not the point itself.
    approximate: bool = False

    @cached_property
    def region_place(self) -> Place | None:
        """The place searched, or for a bare point the gazetteer's nearest town: which
        country's help to show, and where remote helpers must serve. Looked up once."""
        return self.place or place_nearest(point=self.point)


def _bounding_box(point: Point, radius_km: float) -> Q:
    """Latitude/longitude ranges holding every point within radius_km, split at the dateline."""
    angular = radius_km / EARTH_RADIUS_KM
    min_lat = point.lat - math.degrees(angular)
    max_lat = point.lat + math.degrees(angular)
    box = Q(latitude__gte=max(min_lat, -90.0), latitude__lte=min(max_lat, 90.0))
    if max_lat >= 90 or min_lat <= -90:
        return box  # the circle holds a pole, so every longitude is in play
    ratio = math.sin(angular) / math.cos(math.radians(point.lat))
    if ratio >= 1:
        return box
    delta_lon = math.degrees(math.asin(ratio))
    west, east = point.lon - delta_lon, point.lon + delta_lon
    if west < -180:
        return box & (Q(longitude__gte=west + 360) | Q(longitude__lte=east))
    if east > 180:
        return box & (Q(longitude__gte=west) | Q(longitude__lte=east - 360))
    return box & Q(longitude__gte=west, longitude__lte=east)


def great_circle_sql(lat: str, lon: str, point: Point, *, least: str = "LEAST"):
    """The haversine distance in km from `point` to the columns `lat` and `lon`, as SQL
    and its parameters: the one home of the formula (`GreatCircleKm`, `place_nearest`)."""
    sql = (
        f"(%s * ASIN(SQRT({least}((POWER(SIN((RADIANS(({lat} - %s)) / %s)), 2) + "
        f"((%s * COS(RADIANS({lat}))) * POWER(SIN((RADIANS(({lon} - %s)) / %s)), 2))), %s))))"
    )
    params = (2 * EARTH_RADIUS_KM, point.lat, 2.0, point.cos_lat, point.lon, 2.0, 1.0)
    return sql, params


class GreatCircleKm(Func):
    """The haversine distance in km from a fixed point to each row's latitude/longitude.

    Written as one SQL template rather than a tree of thirty ORM functions: the search
    names the distance in its filter, ordering and annotations, and compiling that tree
    each time cost more than running the query.
    """

    output_field = FloatField()
    least = "LEAST"  # rounding can push the haversine a hair past 1 for antipodes

    def __init__(self, point: Point):
        super().__init__(F("latitude"), F("longitude"))
        self.point = point

    def as_sql(self, compiler, connection, **extra_context):
        (lat, lat_params), (lon, lon_params) = (
            compiler.compile(expression) for expression in self.get_source_expressions()
        )
        assert not lat_params and not lon_params  # two plain columns
        return great_circle_sql(lat, lon, self.point, least=self.least)

    def as_sqlite(self, compiler, connection, **extra_context):
        # SQLite's two-argument MIN is its LEAST.
        return self.copy_with_least("MIN").as_sql(compiler, connection, **extra_context)

    def copy_with_least(self, least):
        clone = self.copy()
        clone.least = least
        return clone


def nearness_sql(position: str, point: Point):
    """How near `position` (a unit-sphere cube) is to `point`, in the GiST index's order."""
    return f"({position} <-> %s::cube)", (point.cube_text,)


def reach_chord(km: float) -> float:
    """The straight line through the unit sphere to a point `km` away along the great
    circle, with a hair to spare for rounding: the exact distance is tested on each row."""
    angle = min(km / EARTH_RADIUS_KM, math.pi)
    return 2 * math.sin(angle / 2) * (1 + 1e-9) + 1e-12


def within_reach_sql(position: str, point: Point, chord: float):
    """Whether `position` lies in the cube around `point` that holds every point within
    `reach_chord(km)`: a condition a GiST index on the position tests itself."""
    return f"({position} <@ cube_enlarge(%s::cube, %s, 3))", (point.cube_text, chord)


class _UnitSpherePosition(Func):
    def __init__(self, point: Point):
        super().__init__(F("latitude"), F("longitude"))
        self.point = point

    def position_sql(self, compiler):
        (lat, lat_params), (lon, lon_params) = (
            compiler.compile(expression) for expression in self.get_source_expressions()
        )
        assert not lat_params and not lon_params  # two plain columns
        return UNIT_SPHERE_POSITION.format(lat=lat, lon=lon)


class Nearness(_UnitSpherePosition):
    """How near each row is to a point, in the GiST index's order (PostgreSQL)."""

    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        return nearness_sql(self.position_sql(compiler), self.point)


class WithinReach(_UnitSpherePosition):
    """Rows whose position lies in the cube around a point that holds every point within
    `km` along the great circle (PostgreSQL): a condition the GiST index tests itself, so
    a walk nearest first ends where the search's reach ends instead of running on."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, point: Point, chord: float):
        super().__init__(point)
        self.chord = chord

    def as_sql(self, compiler, connection, **extra_context):
        return within_reach_sql(self.position_sql(compiler), self.point, self.chord)


INTEGER_ARRAY = ArrayField(IntegerField())


class FilterTags(Func):
    """A listing's filter choices as the nearest-first index holds them (PostgreSQL;
    migration 0008 defines the function, the one home of the coding)."""

    function = "help_contacts_filter_tags"
    output_field = INTEGER_ARRAY

    def __init__(self):
        super().__init__(
            *(F(name) for name in ("languages", "services", "specialties", "costs")),
            F("accepting_new_clients"),
        )


class FilterCodes(Func):
    """The codes of some choices of one kind ("language", ["es", "pl"]), as `FilterTags`
    holds them; PostgreSQL works them out once, when it plans the query."""

    function = "help_contacts_filter_codes"
    output_field = INTEGER_ARRAY

    def __init__(self, kind: str, choices):
        super().__init__(Value(kind), Value(list(choices), output_field=JSONField()))


def _tagged(candidates, filters: DirectoryFilters):
    """The filters the nearest-first index can test itself, beside the exact ones."""
    candidates = candidates.alias(filter_tags=FilterTags())
    for kind, choices in (
        ("language", filters.languages),
        ("service", filters.services),
        ("specialty", filters.specialties),
        ("cost", filters.costs),
    ):
        if choices:
            candidates = candidates.filter(filter_tags__overlap=FilterCodes(kind, choices))
    if filters.accepting:
        candidates = candidates.filter(filter_tags__contains=FilterCodes("accepting", ["yes"]))
    return candidates


def _filtered(candidates, filters: DirectoryFilters, *, by_service: bool):
    """The listings that match what the parent narrowed the search to.

    The nearby search filters on the services asked for; the remote one does not, since
    it ranks those offering the remote help asked for first instead.
    """
    if filters.languages:
        candidates = candidates.filter(json_list_has_any("languages", filters.languages))
    if by_service and filters.services:
        candidates = candidates.filter(json_list_has_any("services", filters.services))
    if filters.specialties:
        candidates = candidates.filter(json_list_has_any("specialties", filters.specialties))
    if filters.costs:
        candidates = candidates.filter(json_list_has_any("costs", filters.costs))
    if filters.accepting:
        candidates = candidates.filter(accepting_new_clients=True)
    if filters.ibclc_only:
        candidates = candidates.verified_ibclc()
    if filters.text:
        candidates = candidates.filter(
            Q(name__icontains=filters.text) | Q(practice_name__icontains=filters.text)
        )
    return candidates


def home_visit_reach_km() -> int | None:
    """The longest home-visit radius among published listings (None if nobody visits).

    Kept until any listing changes (`help_contacts/data/directory_cache.py`), so the cached
    reach is never smaller than a published listing's radius.
    """
    return directory_cached(
        "home-visit-reach-km",
        lambda: Consultant.objects.published().aggregate(reach=Max("home_visit_radius_km"))[
            "reach"
        ],
    )


def consultants_near(
    *, point: Point, radius_km: float, filters: DirectoryFilters, walk: bool = False
) -> QuerySet[Consultant]:
    """Published listings within radius_km of point, or whose home visits reach it.

    Rows are first narrowed with a bounding box on the indexed latitude/longitude,
    wide enough for the radius and for the longest home-visit radius in use, then
    measured exactly along the great circle. Each carries `distance_km`,
    `reaches_you` (a home visitor whose travel radius covers the point) and `stale_checked`
    (not checked within the staleness period), nearest first, fresh before stale at
    equal distance, then by name.

    On PostgreSQL each also carries the alias `nearness`, the order of the GiST index
    that `NearestFirstPaginator` walks nearest first. `walk=True` shapes the query for that
    walk: instead of the latitude/longitude box, conditions the GiST index tests itself
    (the cube around the reach, and the filter choices it holds), beside the exact ones.
    """
    reach_km = max(radius_km, home_visit_reach_km() or 0)
    if walk:
        return _near(point, radius_km, filters, walk_chord=reach_chord(reach_km))
    return _near(point, radius_km, filters, box_km=reach_km)


def _near(point, radius, filters, *, walk_chord=None, box_km=None):
    """`consultants_near`'s query: walked within `walk_chord` (PostgreSQL), or in the box
    around `box_km`. `point`, `radius` and `walk_chord` may stand for any search's values
    (`_AnyPoint`, `SearchValueExpression`, `SearchValue`), to keep the statement."""
    candidates = Consultant.objects.published()
    if connection.vendor == "postgresql":
        candidates = candidates.alias(nearness=Nearness(point))
    if walk_chord is not None:
        candidates = _tagged(candidates.filter(WithinReach(point, walk_chord)), filters)
    else:
        # One index range holds every candidate: the reach box contains the radius box.
        candidates = candidates.filter(_bounding_box(point, box_km))
        if box_km > radius:
            candidates = candidates.filter(
                _bounding_box(point, radius) | Q(home_visit_radius_km__isnull=False)
            )
    candidates = _filtered(candidates, filters, by_service=True)
    return (
        candidates.annotate(distance_km=GreatCircleKm(point))
        .with_staleness()
        .annotate(
            reaches_you=ExpressionWrapper(
                Q(home_visit_radius_km__gte=F("distance_km")), output_field=BooleanField()
            )
        )
        .filter(Q(distance_km__lte=radius) | Q(home_visit_radius_km__gte=F("distance_km")))
        .defer(*UNSHOWN_FIELDS)
        # At equal distance (listings placed at one town's centre) fresh before stale.
        .order_by("distance_km", "stale_checked", "name", "pk")
    )


WALK_COLUMNS = ("pk", "distance_km", "reaches_you", "stale_checked", "name", "nearness_value")


def _walk_sql(walk):
    """The walk nearest first, up to one more match than can be shown, as SQL."""
    walk = walk.annotate(nearness_value=F("nearness")).order_by("nearness")
    walk = walk.values_list(*WALK_COLUMNS)[: RESULTS_SHOWN_MAX + 1]
    return walk.query.get_compiler(using=walk.db).as_sql()


@functools.lru_cache(maxsize=256)
def _walk_statement(database: str, filters: DirectoryFilters, days: tuple):
    """The walk's SQL for every search with these filters, on this database and day (the
    staleness and credential dates are in it), with `SearchValue`s where each search's
    point, radius and reach go: building and compiling it cost more than running it.
    Filters are choices only (a search by name is never kept), so few are kept."""
    walk = _near(
        _AnyPoint,
        SearchValueExpression("radius", FloatField()),
        filters,
        walk_chord=SearchValue("chord"),
    ).using(database)
    return _walk_sql(walk)


def _walk_statement_for(search: DirectorySearch, database: str):
    """The walk's SQL and parameters for `search`: the kept statement with its values."""
    if search.filters.text:
        walk = consultants_near(
            point=search.point, radius_km=search.radius_km, filters=search.filters, walk=True
        ).using(database)
        return _walk_sql(walk)
    days = (timezone.localdate(), verified_cutoff())
    sql, kept = _walk_statement(database, search.filters, days)
    reach_km = max(search.radius_km, home_visit_reach_km() or 0)
    point = search.point
    values = {
        "lat": point.lat,
        "lon": point.lon,
        "cos_lat": point.cos_lat,
        "cube_text": point.cube_text,
        "radius": float(search.radius_km),
        "chord": reach_chord(reach_km),
    }
    return sql, tuple(values[p.name] if isinstance(p, SearchValue) else p for p in kept)


_walks_planned = ContextVar("index_walks_planned", default=False)


@contextmanager
def index_walks_planned() -> Iterator[None]:
    """Plan the directory's queries inside as walks along an index, never as a scan and
    sort of every candidate.

    The nearest-first and freshest-first searches read an index in the order they show
    and stop after a few rows. PostgreSQL's planner cannot estimate how many rows their
    jsonb filters (`?|`) keep, guesses almost none, and then prefers to read every
    candidate and sort them: at 100,000 listings that took 60 to 110 ms where the walk
    takes 2. Inside one transaction (on the replica the reads go to, if any), scans that
    cannot stop early are ruled out for its queries alone; a block inside another adds
    nothing. On SQLite nothing changes.
    """
    alias = router.db_for_read(Consultant)
    if _walks_planned.get() or connections[alias].vendor != "postgresql":
        yield
        return
    token = _walks_planned.set(True)
    try:
        with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
            cursor.execute(
                "SELECT set_config('enable_seqscan', 'off', true), "
                "set_config('enable_bitmapscan', 'off', true)"
            )
            yield
    finally:
        _walks_planned.reset(token)


REMOTE_LIMIT = 5
NEAREST_PLACE_KM = 50
NEAREST_PLACE_TIES = 5  # towns read at the nearest distance, for the most populous of them


def place_nearest(*, point: Point) -> Place | None:
    """The gazetteer's nearest town (within 50 km) to a point, to know its region; one query.

    The most populous wins a tie. On PostgreSQL it walks the towns' GiST index nearest
    first (migration 0009) within the cube around the 50 km, and stops after the first
    few (a sort on population as well would make it measure and sort every town in that
    cube); SQLite measures every town in the bounding box."""
    towns = Place.objects.filter(kind=PlaceKind.PLACE)
    if connection.vendor != "postgresql":
        return (
            towns.filter(_bounding_box(point, NEAREST_PLACE_KM))
            .annotate(distance_km=GreatCircleKm(point))
            .filter(distance_km__lte=NEAREST_PLACE_KM)
            .order_by("distance_km", "-population")
            .first()
        )
    # Written out rather than built with the ORM: one fixed statement, asked by every
    # search from a bare point, whose building cost more than running it.
    lat, lon = (connection.ops.quote_name(name) for name in ("latitude", "longitude"))
    position = UNIT_SPHERE_POSITION.format(lat=lat, lon=lon)
    distance, distance_params = great_circle_sql(lat, lon, point)
    reach, reach_params = within_reach_sql(position, point, reach_chord(NEAREST_PLACE_KM))
    nearness, nearness_params = nearness_sql(position, point)
    sql = (
        f"SELECT *, {distance} AS distance_km, {nearness} AS nearness "
        f"FROM {connection.ops.quote_name(Place._meta.db_table)} "
        f"WHERE kind = %s AND {reach} AND {distance} <= %s ORDER BY {nearness} LIMIT %s"
    )
    params = (
        *distance_params, *nearness_params, PlaceKind.PLACE.value, *reach_params,
        *distance_params, NEAREST_PLACE_KM, *nearness_params, NEAREST_PLACE_TIES,
    )  # fmt: skip
    nearest = list(Place.objects.raw(sql, params))
    tied = [town for town in nearest if nearest and town.nearness == nearest[0].nearness]
    return max(tied, key=lambda town: town.population or 0) if tied else None


def search_regions(*, search: DirectorySearch) -> tuple[str, ...]:
    """The regions a search's place lies in; for a bare point, those of its nearest town."""
    place = search.region_place
    return place.region_codes if place else (ANYWHERE,)


# How many of a region's remote helpers, in the order shown, are kept for searches to pick
# from; a search that passes over more of them (all within its radius) asks the database.
# The first REMOTE_ROWS_KEPT of them are kept whole, so a search reads none of them again.
REMOTE_CANDIDATES_KEPT = 50
REMOTE_ROWS_KEPT = 10


def great_circle_km(point: Point, lat: float, lon: float) -> float:
    """`GreatCircleKm` in Python: the same haversine, for rows already read."""
    half_lat = math.sin(math.radians(lat - point.lat) / 2)
    half_lon = math.sin(math.radians(lon - point.lon) / 2)
    a = half_lat**2 + point.cos_lat * math.cos(math.radians(lat)) * half_lon**2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(a, 1.0)))


def consultants_remote(
    *, search: DirectorySearch, regions: tuple[str, ...], limit: int = REMOTE_LIMIT
) -> list[Consultant]:
    """Who can help by video or phone where the parent is, beyond the nearby results.

    Published listings serving one of `regions` remotely, outside the search radius (those
    inside are in the nearby results already), with the search's filters; those offering
    a type of help the parent asked for come first, then fresh before stale, the most
    recently checked first.

    Which they are, in that order, depends only on the region, the filters, the day and
    the listings, so the first `REMOTE_CANDIDATES_KEPT` are kept until any listing changes
    (`directory_cache.py`, which every write to a listing clears), the first
    `REMOTE_ROWS_KEPT` of them whole. A search passes over those within its radius in
    Python and usually reads nothing; one that picks a listing kept only by position
    reads the ones it shows by id. A search whose radius holds more than that many of
    them, or one by name (typed words are never kept), asks the database in full:
    `_remote_queried`, the same order.
    """
    filters = search.filters
    asked_for = tuple(code for code in filters.services if code in REMOTE_SERVICES)

    def ask_the_database():
        return _remote_queried(search=search, regions=regions, limit=limit, asked_for=asked_for)

    if filters.text:
        return ask_the_database()
    # Only choices (no typed words), so the number of lists kept stays small.
    key = repr((regions, filters, asked_for, timezone.localdate()))
    kept = directory_cached(
        "remote:" + hashlib.sha256(key.encode()).hexdigest(),
        lambda: _remote_candidates(regions=regions, filters=filters, asked_for=asked_for),
    )
    chosen = []
    for segment in kept:
        for candidate in segment:
            if len(chosen) == limit:
                break
            _pk, lat, lon, _row = candidate
            if great_circle_km(search.point, lat, lon) > search.radius_km:
                chosen.append(candidate)
        if len(chosen) < limit and len(segment) == REMOTE_CANDIDATES_KEPT:
            return ask_the_database()  # every kept one was passed over, and more may follow
        if len(chosen) == limit:
            break
    if all(row is not None for _pk, _lat, _lon, row in chosen):
        database = router.db_for_read(Consultant)
        listings = []
        for _pk, lat, lon, (stale, *values) in chosen:
            listing = shown_listing(database, values)
            listing.stale_checked = stale
            listing.distance_km = great_circle_km(search.point, lat, lon)
            listings.append(listing)
        return _not_reaching(listings)
    pks = [pk for pk, _lat, _lon, _row in chosen]
    rows = {
        listing.pk: listing
        for listing in Consultant.objects.published()
        .filter(pk__in=pks)
        .annotate(distance_km=GreatCircleKm(search.point))
        .with_staleness()
        .defer(*UNSHOWN_FIELDS)
    }
    if len(rows) != len(pks):  # one went away since
        return ask_the_database()
    return _not_reaching([rows[pk] for pk in pks])


def _remote_filtered(*, regions, filters: DirectoryFilters):
    """Remote helpers for `regions` with the search's filters, in the order shown."""
    candidates = Consultant.objects.published().serving_remotely(regions=regions)
    return _remote_ranked(_filtered(candidates, filters, by_service=False))


def _remote_segments(candidates, asked_for) -> list:
    """The remote helpers in the order shown, in turn: those offering a kind of remote help
    the parent asked for, then (if any was asked for) the others."""
    if not asked_for:
        return [candidates]
    offers_what_was_asked = json_list_has_any("services", list(asked_for))
    return [candidates.filter(offers_what_was_asked), candidates.exclude(offers_what_was_asked)]


def _remote_candidates(*, regions, filters: DirectoryFilters, asked_for) -> tuple[tuple, ...]:
    """The first `REMOTE_CANDIDATES_KEPT` remote helpers in the order shown, as (id,
    latitude, longitude, row), where the row (staleness, then `SHOWN_FIELD_NAMES`) is kept
    for the first `REMOTE_ROWS_KEPT`: those offering what was asked for, then (if any was)
    the others."""
    candidates = _remote_filtered(regions=regions, filters=filters)
    found = []
    with index_walks_planned():
        for segment in _remote_segments(candidates, asked_for):
            rows = list(segment.values_list("stale_checked", *SHOWN_FIELD_NAMES)[:REMOTE_ROWS_KEPT])
            positions = list(
                segment.values_list("pk", "latitude", "longitude")[:REMOTE_CANDIDATES_KEPT]
            )
            whole = {row[1 + SHOWN_FIELD_NAMES.index("id")]: row for row in rows}
            found.append(tuple((pk, lat, lon, whole.get(pk)) for pk, lat, lon in positions))
    return tuple(found)


def _remote_queried(*, search: DirectorySearch, regions, limit: int, asked_for) -> list[Consultant]:
    """`consultants_remote` asked of the database in full: one query, or two when fewer
    than `limit` offer what was asked for."""
    candidates = (
        _remote_filtered(regions=regions, filters=search.filters)
        .annotate(distance_km=GreatCircleKm(search.point))
        .exclude(distance_km__lte=search.radius_km)
    )
    listings = []
    with index_walks_planned():
        for segment in _remote_segments(candidates, asked_for):
            if len(listings) < limit:
                listings += segment[: limit - len(listings)]
    return _not_reaching(listings)


def _remote_ranked(candidates):
    """Remote helpers in the order shown: fresh before stale, the most recently checked first."""
    return candidates.with_staleness().defer(*UNSHOWN_FIELDS).order_by(*remote_ranking())


def _not_reaching(listings: list[Consultant]) -> list[Consultant]:
    """Remote helpers do not visit: the card says so."""
    for listing in listings:
        listing.reaches_you = False
    return listings


def consultants_remote_for_countries(*, countries, limit: int = REMOTE_LIMIT) -> list[Consultant]:
    """Who helps by video or phone anywhere in `countries` (the site's region), for a page
    with no place to measure from: a place not found, a search that could not be read.
    Fresh before stale, the most recently checked first, as the remote results rank."""
    regions = (ANYWHERE, *sorted(countries))
    with index_walks_planned():
        listings = list(
            _remote_ranked(Consultant.objects.published().serving_remotely(regions=regions))[:limit]
        )
    return _not_reaching(listings)


# What a results page reads of each listing: every column but the long or private ones.
_CONSULTANT_TABLE = connection.ops.quote_name(Consultant._meta.db_table)
_SHOWN_COLUMNS = ", ".join(
    f"listing.{connection.ops.quote_name(field.column)}" for field in _SHOWN_FIELDS
)
RESULTS_SHOWN_MAX = 200  # beyond this many matches, a search says "more than 200"


class NearestFirstPaginator(Paginator):
    """Pages of `consultants_near` results, nearest first.

    One statement ranks the page's listings with their distances and counts the matches;
    on PostgreSQL it reads the page's rows too, elsewhere a second query reads them by id.
    The count stops at
    `RESULTS_SHOWN_MAX` (`more_than_count` says when more match), and so do the pages:
    nobody reads past the two-hundredth-nearest listing, and a count that stops lets the
    search stop too, so a search takes about as long among a million listings as among
    a hundred thousand.

    On PostgreSQL the ranking is one walk along the GiST index, nearest first, that counts
    as it goes: it stops at the 201st match, or where the search's reach ends, and the few
    it found are sorted by distance, freshness and name. The index holds the position and
    the filter choices, so the walk passes over listings that do not match without
    reading them. (Where several listings share exactly the 201st one's distance, the
    walk keeps whichever it meets first, so a stale one of them may end the 200 where a
    fresh one of them would, were all counted.) Elsewhere (SQLite, the embedded default
    for small directories) it measures every candidate in the search's bounding box and
    counts them in the same pass.
    """

    more_than_count = False

    def __init__(self, object_list, per_page, *, search: DirectorySearch | None = None):
        super().__init__(object_list, per_page)
        # The search, when its pages are ranked by the walk nearest first (PostgreSQL;
        # see above); otherwise they come from the box, `object_list`.
        self.nearest_first = search

    @classmethod
    def for_search(cls, search: DirectorySearch, per_page: int) -> NearestFirstPaginator:
        if connection.vendor == "postgresql":
            return cls([], per_page, search=search)
        near = {"point": search.point, "radius_km": search.radius_km, "filters": search.filters}
        return cls(consultants_near(**near), per_page)

    def get_page(self, number):
        try:
            return self.page(number)
        except PageNotAnInteger:
            return self.page(1)
        except EmptyPage:
            return self.page(self.num_pages)

    def page(self, number):
        try:
            if isinstance(number, float) and not number.is_integer():
                raise ValueError
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        # Past the last page that can be shown, rank nothing; the count still comes back.
        bottom = min((number - 1) * self.per_page, RESULTS_SHOWN_MAX)
        top = min(bottom + self.per_page, RESULTS_SHOWN_MAX)
        if self.nearest_first:
            ranked, matches = self._ranked_nearest_first(bottom, top)
        else:
            ranked, matches = self._ranked_in_box(bottom, top)
        self.__dict__["count"] = min(matches, RESULTS_SHOWN_MAX)
        self.more_than_count = matches > RESULTS_SHOWN_MAX
        number = self.validate_number(number)  # past the end: raises EmptyPage
        if self.nearest_first:  # the rows came with the ranking
            return self._get_page(ranked, number, self)
        rows = Consultant.objects.published().filter(pk__in=[pk for pk, *_ in ranked])
        rows = {row.pk: row for row in rows.defer(*UNSHOWN_FIELDS)} if ranked else {}
        listings = []
        for pk, distance_km, reaches_you, is_stale in ranked:
            if pk in rows:  # one unpublished since the first query is left out
                listing = rows[pk]
                listing.distance_km, listing.reaches_you = distance_km, reaches_you
                listing.stale_checked = is_stale
                listings.append(listing)
        return self._get_page(listings, number, self)

    def _ranked_in_box(self, bottom, top):
        counted = self.object_list.annotate(matches=Window(Count("*")))
        ranked = list(
            counted.values_list("pk", "distance_km", "reaches_you", "stale_checked", "matches")[
                bottom:top
            ]
        )
        if ranked:
            return [row[:-1] for row in ranked], ranked[0][-1]
        # An empty page: count the matches on their own (none, on the first page).
        return [], (self.object_list.count() if bottom else 0)

    def _ranked_nearest_first(self, bottom, top):
        """One statement: the walk reads up to one more match than can be shown, nearest
        first; those are counted, ordered by distance, freshness and name, the page cut,
        and its listings' rows read with it (all but `UNSHOWN_FIELDS`), each carrying its
        `distance_km`, `reaches_you` and `stale_checked`."""
        database = router.db_for_read(Consultant)
        walk_sql, walk_params = _walk_statement_for(self.nearest_first, database)
        sql = (
            "WITH walk (pk, distance_km, reaches_you, is_stale, name, nearness) AS "
            f"MATERIALIZED ({walk_sql}), "
            "counted AS (SELECT COUNT(*) AS walk_total FROM walk), "
            "page AS (SELECT * FROM walk "
            "ORDER BY nearness, is_stale, name, pk LIMIT %s OFFSET %s) "
            f"SELECT {_SHOWN_COLUMNS}, page.distance_km, page.reaches_you, "
            "page.is_stale AS stale_checked, counted.walk_total "
            f"FROM counted LEFT JOIN (page JOIN {_CONSULTANT_TABLE} AS listing "
            "ON listing.id = page.pk) ON TRUE "
            "ORDER BY page.nearness, page.is_stale, page.name, page.pk"
        )
        with index_walks_planned(), connections[database].cursor() as cursor:
            cursor.execute(sql, (*walk_params, top - bottom, bottom))
            rows = cursor.fetchall()
        db_connection = connections[database]
        converters = _shown_converters(db_connection)
        listings = []
        for row in rows:
            if row[0] is None:  # the empty page's one row, which carries the count
                continue
            values = list(row)
            for position, functions, expression in converters:
                for function in functions:
                    values[position] = function(values[position], expression, db_connection)
            listing = shown_listing(database, values)
            listing.distance_km, listing.reaches_you, listing.stale_checked = values[-4:-1]
            listings.append(listing)
        return listings, rows[0][-1]


def directory_work_waiting(*, limit: int = 10) -> dict:
    """What directory managers have to act on: stale or flagged listings, suggestions, reports."""
    stale = Consultant.objects.published().not_verified_for()
    reverify = Consultant.objects.needs_reverification()
    suggestions = Consultant.objects.awaiting_review()
    reports = ProblemReport.objects.open().select_related("consultant")
    credentials_due = Consultant.objects.published().credential_check_due()
    return {
        "stale_months": settings.DIRECTORY_STALE_AFTER_MONTHS,
        "credential_due_count": credentials_due.count(),
        "credential_due": list(
            credentials_due.order_by(
                F("recertification_due").asc(nulls_first=True), "credential_verified_on", "name"
            )[:limit]
        ),
        "stale_count": stale.count(),
        "stale": list(stale.order_by("last_verified", "name")[:limit]),
        "reverify_count": reverify.count(),
        "reverify": list(reverify.order_by("verification_requested_at", "name")[:limit]),
        "suggestion_count": suggestions.count(),
        "suggestions": list(suggestions.order_by("pk")[:limit]),
        "report_count": reports.count(),
        "reports": list(reports.order_by("created_at")[:limit]),
        "owner_checks": listing_checks_month_counts(),
    }


def support_contacts_helplines(region: str | None = None) -> list:
    """The published helplines, in the editors' order: shown wherever a parent needs help now.

    With a region, only those serving it (or serving everyone)."""
    helplines = SupportContact.objects.filter(kind=ContactKind.HELPLINE, live=True)
    if region:
        helplines = helplines.filter(Q(region=region) | Q(region=""))
    return list(helplines.order_by("sort_order", "name"))
