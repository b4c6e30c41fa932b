"""Read queries for the editorial side of the site."""

import datetime

from django.db.models import Count, Q
from django.utils import timezone

from wagtail.models import Page, get_page_models
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.models.reviews import MedicallyReviewed

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


def health_pages_review_counts() -> dict[str, int]:
    """How many live, public health pages there are, and how many a medical reviewer has
    approved (a last-reviewed date set) — what the site may truthfully say about review."""
    total = reviewed = 0
    for model in medically_reviewed_page_models():
        counts = (
            model.objects.live()
            .public()
            .aggregate(
                total=Count("pk"), reviewed=Count("pk", filter=Q(last_reviewed__isnull=False))
            )
        )
        total += counts["total"]
        reviewed += counts["reviewed"]
    return {"total": total, "reviewed": reviewed, "not_reviewed": total - reviewed}
