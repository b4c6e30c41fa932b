"""Recording a medical review on the content a reviewer approves."""

import datetime

from dateutil.relativedelta import relativedelta

from django.utils import timezone

from wagtail.models import Site

from core.models.reviews import MedicallyReviewed
from core.models.settings import SiteSettings

DEFAULT_REVIEW_PERIOD_MONTHS = 12


def review_period_months_for(*, page) -> int:
    """The review period the page's site sets, or the default when no site is configured."""
    site = page.get_site() or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return DEFAULT_REVIEW_PERIOD_MONTHS
    return SiteSettings.for_site(site).review_period_months


def review_record_approval(*, obj, reviewer, today: datetime.date | None = None):
    """Stamp the review dates on the content a medical reviewer approves.

    The dates go into a new revision by the reviewer, so the revision the
    workflow then publishes carries them, the history shows who reviewed it, and
    the next edit starts from them. Content without review dates is left alone.
    Returns the new revision, or None.
    """
    obj = getattr(obj, "specific", obj)
    if not isinstance(obj, MedicallyReviewed):
        return None
    today = today or timezone.localdate()
    draft = obj.get_latest_revision_as_object()
    draft.last_reviewed = today
    # relativedelta keeps the day, or takes the month's last day when it is shorter.
    draft.next_review_due = today + relativedelta(months=review_period_months_for(page=draft))
    reviewer_name = reviewer.get_full_name() if reviewer is not None else ""
    if reviewer_name:
        draft.reviewed_by = reviewer_name
    return draft.save_revision(user=reviewer, log_action=True)
