"""Read queries for the editorial side of the site."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.safestring import SafeString

from wagtail.models import Page, get_page_models
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.json_script import json_for_script
from core.models.reviewers import ReviewerProfile
from core.models.reviews import MedicallyReviewed

REVIEW_WARNING_DAYS = 30


def medically_reviewed_page_models() -> list[type[Page]]:
    return [model for model in get_page_models() if issubclass(model, MedicallyReviewed)]


def pages_due_for_review(
    *, user=None, within_days: int = REVIEW_WARNING_DAYS, today: datetime.date | None = None
) -> list[Page]:
    """Live health pages never medically reviewed (first), then those whose next review is
    overdue or falls within `within_days`, soonest first.

    A page never reviewed is its own state, not "due soon": it has no review to renew.
    With a user, only the pages that user may edit.
    """
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=within_days)
    editable = None
    if user is not None:
        editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    pages = []
    for model in medically_reviewed_page_models():
        queryset = model.objects.live().filter(
            Q(last_reviewed__isnull=True) | Q(next_review_due__lte=horizon)
        )
        if editable is not None:
            queryset = queryset.filter(pk__in=editable.values("pk"))
        pages.extend(queryset)
    return sorted(
        pages,
        key=lambda page: (
            page.last_reviewed is not None,
            page.next_review_due or datetime.date.max,
            page.title,
        ),
    )


# What a page says about its medical review --------------------------------------------------


@dataclass(frozen=True)
class ReviewedPart:
    """One piece of health content on a page (the page itself or a snippet or page it shows)."""

    kind: str
    title: str
    is_page_itself: bool
    last_reviewed: datetime.date | None
    next_review_due: datetime.date | None
    reviewer: ReviewerProfile | None


@dataclass(frozen=True)
class ReviewSummary:
    """The medical review of a page and of everything health-related it shows.

    A page is only as reviewed as its least recently reviewed part: `last_reviewed` is the
    oldest review date among the page and its parts, and None while any of them has never
    been reviewed, so a page never claims a newer review than what it shows. `parts` lists
    each one with its own date and reviewer, so a review that has just happened is never
    hidden behind an older one.
    """

    name: str
    url: str
    parts: tuple[ReviewedPart, ...]

    @property
    def fully_reviewed(self) -> bool:
        return all(part.last_reviewed for part in self.parts)

    @property
    def never_reviewed(self) -> bool:
        """No part of the page has been medically reviewed."""
        return not any(part.last_reviewed for part in self.parts)

    @property
    def last_reviewed(self) -> datetime.date | None:
        if not self.parts or not self.fully_reviewed:
            return None
        return min(part.last_reviewed for part in self.parts)

    @property
    def next_review_due(self) -> datetime.date | None:
        """The soonest next review among the parts that have had one: content never reviewed
        has no review to renew, so it sets no date."""
        dates = [
            part.next_review_due
            for part in self.parts
            if part.last_reviewed and part.next_review_due
        ]
        return min(dates) if dates else None

    @property
    def reviewers(self) -> list[ReviewerProfile]:
        seen = {}
        for part in self.parts:
            if part.reviewer is not None:
                seen.setdefault(part.reviewer.pk, part.reviewer)
        return list(seen.values())

    @property
    def sole_reviewer(self) -> ReviewerProfile | None:
        """The reviewer, when one person reviewed every part; otherwise each part names its own."""
        reviewers = self.reviewers
        if self.fully_reviewed and len(reviewers) == 1:
            return reviewers[0]
        return None

    @property
    def shows_parts(self) -> bool:
        return len(self.parts) > 1

    @property
    def json_ld(self) -> SafeString:
        """schema.org data for the page's review, safe to place inside a <script> element."""
        data = {
            "@context": "https://schema.org",
            "@type": "MedicalWebPage",
            "name": self.name,
            "url": self.url,
        }
        if self.last_reviewed:
            data["lastReviewed"] = self.last_reviewed.isoformat()
            data["reviewedBy"] = [
                {
                    "@type": "Person",
                    "name": reviewer.display_name,
                    "honorificSuffix": reviewer.credentials,
                }
                for reviewer in self.reviewers
            ]
        return json_for_script(data)


def review_summary_for(*, obj, parts, url: str = "") -> ReviewSummary:
    """What `obj` (a health page) and the health content it shows say about their review.

    `parts` are the snippets and pages the reader sees on it; anything without review
    fields is left out, and something shown twice counts once. The reviewers' profiles
    are read in one query, however many parts there are.
    """
    items, seen = [obj], {(type(obj), obj.pk)}
    for part in parts:
        key = (type(part), part.pk)
        if isinstance(part, MedicallyReviewed) and key not in seen:
            seen.add(key)
            items.append(part)
    profile_ids = {item.reviewed_by_id for item in items if item.reviewed_by_id}
    profiles = ReviewerProfile.objects.in_bulk(profile_ids) if profile_ids else {}
    return ReviewSummary(
        name=str(obj),
        url=url,
        parts=tuple(
            ReviewedPart(
                kind=str(item._meta.verbose_name),
                title=str(item),
                is_page_itself=item is obj,
                last_reviewed=item.last_reviewed,
                next_review_due=item.next_review_due,
                reviewer=profiles.get(item.reviewed_by_id),
            )
            for item in items
        ),
    )


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
