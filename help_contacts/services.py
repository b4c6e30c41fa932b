"""Writes with rules: what happens when someone suggests a listing or reports a problem."""

import hashlib

from django.conf import settings
from django.core.cache import cache

from help_contacts.models import Consultant, ListingSource, ProblemReport


def submission_rate_limited(*, client_address: str, scope: str) -> bool:
    """True once this address has sent too many forms this hour; counts the attempt.

    The address is hashed before it reaches the cache, so no one's IP address is kept.
    """
    limit = settings.DIRECTORY_SUBMISSIONS_PER_HOUR
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client_address}".encode()).hexdigest()[:32]
    key = f"directory-submissions:{scope}:{digest}"
    cache.add(key, 0, timeout=60 * 60)
    try:
        count = cache.incr(key)
    except ValueError:  # the entry expired between add and incr
        cache.set(key, 1, timeout=60 * 60)
        count = 1
    return count > limit


def listing_suggestion_create(*, consultant: Consultant) -> Consultant:
    """Store a suggested listing as an unpublished draft for a directory manager to approve."""
    consultant.source = ListingSource.SUGGESTION
    consultant.live = False
    consultant.last_verified = None
    consultant.save()
    consultant.save_revision(log_action=True)
    return consultant


def problem_report_create(
    *, consultant: Consultant, kind: str, details: str, reporter_email: str
) -> ProblemReport:
    return ProblemReport.objects.create(
        consultant=consultant, kind=kind, details=details, reporter_email=reporter_email
    )
