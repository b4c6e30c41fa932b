"""The directory's rules as queries: each is written once here and used everywhere.

The page, the API, the admin filters, the dashboard and the exports all ask these
querysets, so "stale", "waiting for approval" or "needs re-verifying" cannot mean one
thing in one place and another elsewhere. Where a single listing needs the same answer
in Python (a row in the admin), the model's property mirrors the query, and a test
checks that the two agree on every case.
"""

from __future__ import annotations

import datetime
import difflib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from django.conf import settings
from django.db import connection, models
from django.db.models import BooleanField, ExpressionWrapper, F, Q, Value
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from help_contacts.data.choices import Credential, ListingSource, PlaceKind, Service
from help_contacts.data.directory_cache import directory_cache_clear
from help_contacts.data.place_names import (
    COUNTRY_ALIASES,
    ZIP_RE,
    looks_like_postcode,
    place_key,
    postcode_keys,
)

if TYPE_CHECKING:
    from help_contacts.data.models.places import Place

MAX_CANDIDATES = 40
MAX_ALTERNATIVES = 5


def verified_cutoff(*, months: int | None = None, today: datetime.date | None = None):
    """The day before which a listing's last check counts as stale."""
    months = settings.DIRECTORY_STALE_AFTER_MONTHS if months is None else months
    return (today or timezone.localdate()) - relativedelta(months=months)


def _rejected() -> Q:
    return Q(source=ListingSource.SUGGESTION, live=False, rejected_at__isnull=False)


def _not_verified_for(months: int | None) -> Q:
    return Q(last_verified__isnull=True) | Q(last_verified__lt=verified_cutoff(months=months))


def stale_expression() -> ExpressionWrapper:
    """True for a listing not checked within the site's staleness period, as a column.

    The directory search sorts on it (fresh before stale at equal distance), so it is
    written once here beside `not_verified_for`, the filter it mirrors.
    """
    return ExpressionWrapper(_not_verified_for(None), output_field=BooleanField())


# The ways of helping that do not depend on where the family lives.
REMOTE_SERVICES = (Service.VIDEO, Service.PHONE)


def json_list_has_any(field_name: str, values) -> Q:
    """Rows whose JSON list `field_name` holds any of `values`, as whole items."""
    if connection.vendor == "postgresql":
        # jsonb's ?| finds whole array items without turning each row's list into text.
        return Q(**{f"{field_name}__has_any_keys": list(values)})
    query = Q()
    for value in values:
        # JSON lists of codes: the quoted code matches a whole item on any database.
        query |= Q(**{f"{field_name}__icontains": f'"{value}"'})
    return query


def remote_ranking():
    """Fresh before stale, the most recently checked first, then by name: as one ordering
    on the remote helpers' partial index, so a search reads listings in that order and
    stops at the few it shows, however many serve the region."""
    return (Coalesce("last_verified", Value(datetime.date.min)).desc(), F("name").asc())


# A directory manager is asked to check a credential this many days before it lapses.
CREDENTIAL_CHECK_NOTICE_DAYS = 30


def _has_credential(code: str) -> Q:
    return json_list_has_any("credentials", [code])


def _credential_current(today: datetime.date) -> Q:
    """Checked against the register, and not past its recertification date."""
    return Q(credential_verified_on__isnull=False) & (
        Q(recertification_due__isnull=True) | Q(recertification_due__gte=today)
    )


class ConsultantQuerySet(models.QuerySet):
    """Directory listings, asked by what a person needs to do with them."""

    # Writes that send no signal still change what the directory keeps between searches.
    def update(self, **kwargs):
        rows = super().update(**kwargs)
        directory_cache_clear()
        return rows

    def bulk_create(self, *args, **kwargs):
        created = super().bulk_create(*args, **kwargs)
        directory_cache_clear()
        return created

    def bulk_update(self, *args, **kwargs):
        rows = super().bulk_update(*args, **kwargs)
        directory_cache_clear()
        return rows

    def published(self):
        return self.filter(live=True)

    def awaiting_review(self):
        """Suggestions from the public that wait for a directory manager's decision."""
        return self.filter(
            source=ListingSource.SUGGESTION,
            live=False,
            first_published_at__isnull=True,
            rejected_at__isnull=True,
        )

    def rejected(self):
        """Suggestions a directory manager turned down; kept for the record."""
        return self.filter(_rejected())

    def without_rejected(self):
        return self.exclude(_rejected())

    def needs_reverification(self):
        """Listings with an accepted problem report and no check published since.

        A check is a published version whose last verified date is the day of the request
        or later: the date alone would miss a report accepted after a check earlier the
        same day.
        """
        checked_since = Q(
            last_verified__gte=TruncDate("verification_requested_at"),
            last_published_at__gte=F("verification_requested_at"),
        )
        return self.filter(verification_requested_at__isnull=False).exclude(checked_since)

    def not_verified_for(self, *, months: int | None = None):
        """Listings nobody has checked for `months` (the site's setting when not given)."""
        return self.filter(_not_verified_for(months))

    def verified_within(self, *, months: int | None = None):
        return self.exclude(_not_verified_for(months))

    def with_staleness(self):
        """Each listing annotated `stale_checked`: not checked within the staleness period
        (the same rule as `Consultant.needs_verification`, computed by the database)."""
        return self.annotate(stale_checked=stale_expression())

    def serving_remotely(self, *, regions):
        """Listings offering video or phone help to families in any of `regions` (region
        codes such as "*", "US", "US-MO"; see `Place.region_codes`)."""
        # "Not empty" first, as the partial index of remote helpers is defined.
        return self.exclude(remote_regions=[]).filter(
            json_list_has_any("services", REMOTE_SERVICES)
            & json_list_has_any("remote_regions", regions)
        )

    def verified_ibclc(self, *, today: datetime.date | None = None):
        """IBCLCs whose certification a directory manager checked against the public
        register, and whose recertification date (if known) has not passed."""
        today = today or timezone.localdate()
        return self.filter(_has_credential(Credential.IBCLC) & _credential_current(today))

    def credential_check_due(self, *, today: datetime.date | None = None):
        """Listings with a credential that was never checked against a register, or whose
        recertification falls due within `CREDENTIAL_CHECK_NOTICE_DAYS` (or has passed)."""
        today = today or timezone.localdate()
        notice = today + datetime.timedelta(days=CREDENTIAL_CHECK_NOTICE_DAYS)
        return (
            self.exclude(credentials=[])
            .exclude(credentials__isnull=True)
            .filter(
                Q(credential_verified_on__isnull=True)
                | Q(recertification_due__isnull=False, recertification_due__lte=notice)
            )
        )


@dataclass(frozen=True)
class PlaceMatch:
    """The place a search used and, when the name was ambiguous, the others it could mean."""

    place: Place
    alternatives: list[Place] = field(default_factory=list)
    # True when only a coarser code was known: the postcode's area, not the postcode.
    approximate: bool = False


def _qualifiers_match(place: Place, qualifiers: list[str]) -> bool:
    names = {
        place_key(value)
        for value in (place.admin1_code, place.admin1_name, place.country_code, place.country_name)
        if value
    }
    names.update(COUNTRY_ALIASES.get(place.country_code, ()))
    return all(qualifier in names for qualifier in qualifiers)


# How many names beginning like a misspelt one are compared with it.
SUGGESTION_CANDIDATES = 5000


class PlaceQuerySet(models.QuerySet):
    """The gazetteer, asked for the point behind what a parent or an editor typed."""

    def postcode(self, text: str):
        """The place for a postcode the gazetteer holds, the finest it knows: the postcode
        itself, else its outward code, else (in the UK) its area; None if none is held."""
        match = self.postcode_match(text)
        return match.place if match else None

    def postcode_match(self, text: str) -> PlaceMatch | None:
        if not looks_like_postcode(text):
            return None
        keys = postcode_keys(text)
        found = {
            place.key: place
            for place in self.filter(kind=PlaceKind.POSTCODE, key__in=keys).order_by("pk")
        }
        for index, key in enumerate(keys):
            if key in found:
                return PlaceMatch(found[key], approximate=index > 0)
        return None

    def postcode_countries(self) -> list[str]:
        """The countries whose postcodes can be searched, e.g. ['GB', 'US']."""
        return sorted(
            self.filter(kind=PlaceKind.POSTCODE)
            .order_by()
            .values_list("country_code", flat=True)
            .distinct()
        )

    def named(self, key: str):
        return self.filter(kind=PlaceKind.PLACE, key=key)

    def resolve(self, *, text: str, prefer_countries=frozenset()) -> PlaceMatch | None:
        """The best match for a typed place or postcode: among places of that name, those
        in `prefer_countries` (the site's region) first, then the most populous; the
        searcher's own words ("Perth, Scotland") narrow it. One or two queries."""
        text = text.strip()
        if looks_like_postcode(text):
            match = self.postcode_match(text)
            if match is not None:
                return match
            if ZIP_RE.match(text):
                return None  # five digits are never a town
        key = place_key(text)
        if not key or key.startswith(","):
            return None
        name, *qualifiers = [part.strip() for part in key.split(",")]
        qualifiers = [qualifier for qualifier in qualifiers if qualifier]
        candidates = list(self.named(name).order_by("-population", "label")[:MAX_CANDIDATES])
        exact = [place for place in candidates if place.label_key == key]
        if exact:
            return PlaceMatch(exact[0])
        matching = [place for place in candidates if _qualifiers_match(place, qualifiers)]
        if not matching:
            return None
        matching.sort(key=lambda place: place.country_code not in prefer_countries)  # stable
        chosen, *others = matching
        return PlaceMatch(chosen, others[:MAX_ALTERNATIVES])

    def spelling_suggestions(self, *, text: str, limit: int = 3) -> list:
        """Places whose names are close to a name the gazetteer does not hold ("Manchster"),
        largest first: read from the few thousand names that begin the same way, in one
        query, and ranked by difflib's similarity."""
        key = place_key(text).split(",")[0].strip()
        if len(key) < 3:
            return []
        candidates = list(
            self.filter(kind=PlaceKind.PLACE, key__startswith=key[:2])
            .order_by("-population")
            .values_list("key", "label")[:SUGGESTION_CANDIDATES]
        )
        close = difflib.get_close_matches(
            key, list(dict.fromkeys(k for k, _label in candidates)), n=limit, cutoff=0.8
        )
        labels = {}
        for candidate_key, label in candidates:  # the largest place of each close name
            labels.setdefault(candidate_key, label)
        return [labels[name] for name in close]

    def for_address(
        self, *, postcode: str = "", city: str = "", region: str = "", country: str = ""
    ) -> Place | None:
        """A point for a listing's address: its US ZIP code, else its town in its country."""
        country = (country or "").upper()
        place = self.postcode(postcode)
        if place is not None and country in ("", place.country_code):
            return place
        if not city.strip():
            return None
        candidates = self.named(place_key(city))
        if country:
            candidates = candidates.filter(country_code=country)
        candidates = list(candidates.order_by("-population")[:MAX_CANDIDATES])
        if region.strip():
            region_key = [place_key(region)]
            in_region = [place for place in candidates if _qualifiers_match(place, region_key)]
            candidates = in_region or candidates
        return candidates[0] if candidates else None
