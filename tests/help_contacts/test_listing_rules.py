"""Each directory rule has one home, a `ConsultantQuerySet` method; a listing's own property
must give the same answer, case by case, or the admin row and the filter beside it disagree."""

import datetime
import itertools

import pytest
from dateutil.relativedelta import relativedelta

from django.utils import timezone

from help_contacts.models import Consultant, ListingSource
from tests.factories import ConsultantFactory

DAY = datetime.timedelta(days=1)


def _listings():
    """Listings in every combination of the fields the moderation rules read."""
    today, now = timezone.localdate(), timezone.now()
    cases = itertools.product(
        (ListingSource.EDITOR, ListingSource.SUGGESTION),
        (True, False),  # live
        (None, now - 3 * DAY),  # first published
        (None, now - 2 * DAY),  # rejected
        (None, now - DAY),  # re-verification requested
        (None, today - 2 * DAY, today),  # last verified
        (None, now - 2 * DAY, now),  # last published
    )
    for number, (source, live, first, rejected, requested, verified, published) in enumerate(cases):
        ConsultantFactory(
            slug=f"case-{number}",
            source=source,
            live=live,
            first_published_at=first,
            rejected_at=rejected,
            verification_requested_at=requested,
            last_verified=verified,
            last_published_at=published,
        )
    return list(Consultant.objects.all())


@pytest.mark.parametrize(
    ("method", "property_name"),
    [
        ("awaiting_review", "is_waiting_suggestion"),
        ("needs_reverification", "reverification_requested"),
        ("not_verified_for", "needs_verification"),
    ],
)
def test_listing_property_agrees_with_its_queryset_rule(db, now, method, property_name):
    listings = _listings()
    in_query = set(getattr(Consultant.objects, method)().values_list("pk", flat=True))
    by_property = {listing.pk for listing in listings if getattr(listing, property_name)}
    assert in_query == by_property
    assert in_query, "the cases include listings the rule selects"
    assert len(in_query) < len(listings), "and listings it does not"


def test_rejected_and_without_rejected_split_every_listing(db, now):
    listings = _listings()
    rejected = set(Consultant.objects.rejected().values_list("pk", flat=True))
    kept = set(Consultant.objects.without_rejected().values_list("pk", flat=True))
    assert rejected and kept
    assert rejected.isdisjoint(kept)
    assert rejected | kept == {listing.pk for listing in listings}


def test_staleness_follows_the_configured_number_of_months(db, now, settings, today):
    settings.DIRECTORY_STALE_AFTER_MONTHS = 6
    recent = ConsultantFactory(last_verified=today - relativedelta(months=5))
    old = ConsultantFactory(last_verified=today - relativedelta(months=7))
    never = ConsultantFactory(last_verified=None)
    stale = set(Consultant.objects.not_verified_for())
    assert stale == {old, never}
    assert set(Consultant.objects.verified_within()) == {recent}
    assert not recent.needs_verification and old.needs_verification


def _credential_listings():
    """Listings in every combination of the fields the credential rules read."""
    today = timezone.localdate()
    cases = itertools.product(
        ([], ["ibclc"], ["clc"], ["midwife", "ibclc"]),  # credentials
        (None, today - 400 * DAY, today),  # checked against the register
        (None, today - DAY, today, today + 29 * DAY, today + 31 * DAY),  # recertification due
    )
    for number, (credentials, checked, due) in enumerate(cases):
        ConsultantFactory(
            slug=f"credential-case-{number}",
            credentials=credentials,
            credential_verified_on=checked,
            recertification_due=due,
        )
    return list(Consultant.objects.all())


@pytest.mark.parametrize(
    ("method", "property_name"),
    [("verified_ibclc", "is_verified_ibclc"), ("credential_check_due", "credential_check_due")],
)
def test_credential_property_agrees_with_its_queryset_rule(db, now, method, property_name):
    listings = _credential_listings()
    in_query = set(getattr(Consultant.objects, method)().values_list("pk", flat=True))
    by_property = {listing.pk for listing in listings if getattr(listing, property_name)}
    assert in_query == by_property
    assert in_query, "the cases include listings the rule selects"
    assert len(in_query) < len(listings), "and listings it does not"


def test_staleness_annotation_agrees_with_the_property(db, now):
    listings = _listings()
    annotated = dict(Consultant.objects.with_staleness().values_list("pk", "stale_checked"))
    assert annotated == {listing.pk: listing.needs_verification for listing in listings}
    assert set(annotated.values()) == {True, False}


def test_serving_remotely_agrees_with_the_property(db, now):
    cases = itertools.product(
        (["clinic"], ["video"], ["phone", "clinic"]),
        ([], ["*"], ["US"], ["US-MO"], ["GB", "US-KS"]),
    )
    for number, (services, regions) in enumerate(cases):
        ConsultantFactory(slug=f"remote-{number}", services=services, remote_regions=regions)
    regions = ("*", "US", "US-MO")
    in_query = set(
        Consultant.objects.serving_remotely(regions=regions).values_list("pk", flat=True)
    )
    by_property = {
        listing.pk for listing in Consultant.objects.all() if listing.serves_remotely_in(regions)
    }
    assert in_query == by_property
    assert 0 < len(in_query) < Consultant.objects.count()
