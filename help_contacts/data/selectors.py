"""Read queries for the directory. One function serves the page, the API and the exports."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import transaction
from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    Max,
    Q,
    QuerySet,
    Window,
)

from core.site_cache import VersionedCache
from help_contacts.data.choices import ContactKind, PlaceKind
from help_contacts.data.models import Consultant, Place, ProblemReport, SupportContact
from help_contacts.data.models.fields import ANYWHERE
from help_contacts.data.models.querysets import (
    REMOTE_SERVICES,
    json_list_has_any,
    remote_ranking,
)

EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG), good to about 0.5% anywhere
UNSHOWN_FIELDS = ("bio", "submitter_contact")  # long or private, never in search results
REACH_TIMEOUT = 60 * 60  # a backstop for processes that do not share a cache
_reach = VersionedCache("directory:home-visit-reach", timeout=REACH_TIMEOUT)


@dataclass(frozen=True)
class Point:
    lat: float
    lon: float


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
        sql = (
            f"(%s * ASIN(SQRT({self.least}((POWER(SIN((RADIANS(({lat} - %s)) / %s)), 2) + "
            f"((%s * COS(RADIANS({lat}))) * POWER(SIN((RADIANS(({lon} - %s)) / %s)), 2))), %s))))"
        )
        params = (
            *(2 * EARTH_RADIUS_KM, *lat_params, self.point.lat, 2.0),
            *(math.cos(math.radians(self.point.lat)), *lat_params),
            *(*lon_params, self.point.lon, 2.0, 1.0),
        )
        return sql, params

    def as_sqlite(self, compiler, connection, **extra_context):
        # SQLite's two-argument MIN is its LEAST.
        return self.copy_with_least("MIN").as_sql(compiler, connection, **extra_context)

    def copy_with_least(self, least):
        clone = self.copy()
        clone.least = least
        return clone


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

    Kept in the cache until `home_visit_reach_clear()`, which every write to a listing
    calls (the receivers are in `help_contacts/data/signals.py`; bulk writers call it
    themselves). As with every `VersionedCache`, a value computed from rows that a
    concurrent write then changes is never read: the cached reach is never smaller than a
    published listing's radius.
    That holds across server processes when they share one cache (Redis, as in
    `core/site_cache.py`); with the local-memory default a process sees another's
    change only after `REACH_TIMEOUT`.
    """
    return _reach.get(
        "km",
        lambda: Consultant.objects.published().aggregate(reach=Max("home_visit_radius_km"))[
            "reach"
        ],
    )


def home_visit_reach_clear() -> None:
    """Forget the cached reach now and again once the current transaction commits.

    Again at the commit: a search that read the old rows between the first clear and the
    commit may have cached them.
    """
    _reach.clear()
    transaction.on_commit(_reach.clear)


def consultants_near(
    *, point: Point, radius_km: float, filters: DirectoryFilters
) -> QuerySet[Consultant]:
    """Published listings within radius_km of point, or whose home visits reach it.

    Rows are first narrowed with a bounding box on the indexed latitude/longitude,
    wide enough for the radius and for the longest home-visit radius in use, then
    measured exactly along the great circle. Each carries `distance_km`,
    `reaches_you` (a home visitor whose travel radius covers the point) and `is_stale`
    (not checked within the staleness period), nearest first, fresh before stale at
    equal distance, then by name.
    """
    reach_km = max(radius_km, home_visit_reach_km() or 0)
    # One index range holds every candidate, since the reach box contains the radius box.
    candidates = Consultant.objects.published().filter(_bounding_box(point, reach_km))
    if reach_km > radius_km:
        candidates = candidates.filter(
            _bounding_box(point, radius_km) | Q(home_visit_radius_km__isnull=False)
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
        .filter(Q(distance_km__lte=radius_km) | Q(home_visit_radius_km__gte=F("distance_km")))
        .defer(*UNSHOWN_FIELDS)
        # At equal distance (listings placed at one town's centre) fresh before stale.
        .order_by("distance_km", "is_stale", "name", "pk")
    )


REMOTE_LIMIT = 5
NEAREST_PLACE_KM = 50


def place_nearest(*, point: Point) -> Place | None:
    """The gazetteer's nearest town (within 50 km) to a point, to know its region; one query."""
    return (
        Place.objects.filter(_bounding_box(point, NEAREST_PLACE_KM), kind=PlaceKind.PLACE)
        .annotate(distance_km=GreatCircleKm(point))
        .filter(distance_km__lte=NEAREST_PLACE_KM)
        .order_by("distance_km", "-population")
        .first()
    )


def search_regions(*, search: DirectorySearch) -> tuple[str, ...]:
    """The regions a search's place lies in; for a bare point, those of its nearest town."""
    place = search.place or place_nearest(point=search.point)
    return place.region_codes if place else (ANYWHERE,)


def consultants_remote(
    *, search: DirectorySearch, regions: tuple[str, ...], limit: int = REMOTE_LIMIT
) -> list[Consultant]:
    """Who can help by video or phone where the parent is, beyond the nearby results.

    Published listings serving one of `regions` remotely, outside the search radius (those
    inside are in the nearby results already), with the search's filters; those offering
    a type of help the parent asked for come first, then fresh before stale, the most
    recently checked first. One query, or two when fewer than `limit` offer what was
    asked for.
    """
    filters = search.filters
    candidates = (
        Consultant.objects.published()
        .serving_remotely(regions=regions)
        .annotate(distance_km=GreatCircleKm(search.point))
        .exclude(distance_km__lte=search.radius_km)
    )
    candidates = _filtered(candidates, filters, by_service=False).with_staleness()
    candidates = candidates.defer(*UNSHOWN_FIELDS).order_by(*remote_ranking())
    asked_for = [code for code in filters.services if code in REMOTE_SERVICES]
    if not asked_for:
        listings = list(candidates[:limit])
    else:
        offers_what_was_asked = json_list_has_any("services", asked_for)
        listings = list(candidates.filter(offers_what_was_asked)[:limit])
        if len(listings) < limit:
            listings += candidates.exclude(offers_what_was_asked)[: limit - len(listings)]
    for listing in listings:
        listing.reaches_you = False
    return listings


class NearestFirstPaginator(Paginator):
    """Pages of `consultants_near` results in two queries, however many listings match.

    The first ranks the page's listings, measures them and counts every match in one
    pass, which on PostgreSQL reads only the narrow covering index of published
    locations; the second reads the full rows of that one page by id. A plain
    `Paginator` counts in one pass and then reads, measures and sorts every matching
    row in full to pick twenty.
    """

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
        bottom = (number - 1) * self.per_page
        counted = self.object_list.annotate(matches=Window(Count("*")))
        ranked = list(
            counted.values_list("pk", "distance_km", "reaches_you", "is_stale", "matches")[
                bottom : bottom + self.per_page
            ]
        )
        if ranked:
            self.__dict__["count"] = ranked[0][-1]
        elif number == 1:
            self.__dict__["count"] = 0
        number = self.validate_number(number)  # past the end: counts, raises EmptyPage
        rows = Consultant.objects.published().filter(pk__in=[pk for pk, *_ in ranked])
        rows = {row.pk: row for row in rows.defer(*UNSHOWN_FIELDS)} if ranked else {}
        listings = []
        for pk, distance_km, reaches_you, is_stale, _matches in ranked:
            if pk in rows:  # one unpublished since the first query is left out
                listing = rows[pk]
                listing.distance_km, listing.reaches_you = distance_km, reaches_you
                listing.is_stale = is_stale
                listings.append(listing)
        return self._get_page(listings, number, self)


def directory_work_waiting(*, limit: int = 10) -> dict:
    """What directory managers have to act on: stale or flagged listings, suggestions, reports."""
    stale = Consultant.objects.published().not_verified_for()
    reverify = Consultant.objects.needs_reverification()
    suggestions = Consultant.objects.awaiting_review()
    reports = ProblemReport.objects.filter(resolved=False).select_related("consultant")
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
    }


def support_contacts_helplines() -> list:
    """The published helplines, in the editors' order: shown wherever a parent needs help now."""
    return list(
        SupportContact.objects.filter(kind=ContactKind.HELPLINE, live=True).order_by(
            "sort_order", "name"
        )
    )
