"""Read queries for the editorial side of the site."""

import datetime

from django.utils import timezone

from wagtail.models import Page, get_page_models
from wagtail.permission_policies.pages import PagePermissionPolicy

from website.reviews import MedicallyReviewed

REVIEW_WARNING_DAYS = 30


def medically_reviewed_page_models() -> list[type[Page]]:
    return [model for model in get_page_models() if issubclass(model, MedicallyReviewed)]


def pages_due_for_review(
    *, user=None, within_days: int = REVIEW_WARNING_DAYS, today: datetime.date | None = None
) -> list[Page]:
    """Live health pages whose next review is overdue or falls within `within_days`, soonest first.

    With a user, only the pages that user may edit.
    """
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=within_days)
    editable = None
    if user is not None:
        editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    pages = []
    for model in medically_reviewed_page_models():
        queryset = model.objects.live().filter(next_review_due__lte=horizon)
        if editable is not None:
            queryset = queryset.filter(pk__in=editable.values("pk"))
        pages.extend(queryset)
    return sorted(pages, key=lambda page: (page.next_review_due, page.title))


def directory_work_waiting(*, limit: int = 10) -> dict:
    """What directory managers have to act on: stale or flagged listings, suggestions, reports."""
    from django.db.models import Q

    from help_contacts.models import Consultant, ProblemReport
    from help_contacts.models.consultants import (
        STALE_AFTER_DAYS,
        reverification_requested_q,
        waiting_suggestions_q,
    )

    cutoff = timezone.localdate() - datetime.timedelta(days=STALE_AFTER_DAYS)
    stale = Consultant.objects.filter(live=True).filter(
        Q(last_verified__isnull=True) | Q(last_verified__lt=cutoff)
    )
    reverify = Consultant.objects.filter(reverification_requested_q())
    suggestions = Consultant.objects.filter(waiting_suggestions_q())
    reports = ProblemReport.objects.filter(resolved=False).select_related("consultant")
    return {
        "stale_count": stale.count(),
        "stale": list(stale.order_by("last_verified", "name")[:limit]),
        "reverify_count": reverify.count(),
        "reverify": list(reverify.order_by("verification_requested_at", "name")[:limit]),
        "suggestion_count": suggestions.count(),
        "suggestions": list(suggestions.order_by("pk")[:limit]),
        "report_count": reports.count(),
        "reports": list(reports.order_by("created_at")[:limit]),
    }
