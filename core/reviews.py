"""Recording a medical review on the content a reviewer approves."""

import datetime

from dateutil.relativedelta import relativedelta

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Site

from core.models.reviewers import ReviewerProfile
from core.models.reviews import MedicallyReviewed
from core.models.settings import SiteSettings

DEFAULT_REVIEW_PERIOD_MONTHS = 12


class ReviewerProfileMissing(PermissionDenied):
    """A reviewer tried to approve before saying, in their profile, who readers should see."""

    def __init__(self):
        super().__init__(
            _(
                "Add the name and credentials readers will see to your reviewer profile "
                "(Account → Reviewer profile) before you approve health content."
            )
        )


def reviewer_profile_for(*, user) -> ReviewerProfile | None:
    """The user's reviewer profile, or None for nobody or an account that has none."""
    if user is None or not user.is_authenticated:
        return None
    return ReviewerProfile.objects.filter(user=user).first()


def review_period_months_for(*, obj) -> int:
    """The review period the content's site sets, or the default site's for snippets."""
    site = obj.get_site() if hasattr(obj, "get_site") else None
    site = site or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return DEFAULT_REVIEW_PERIOD_MONTHS
    return SiteSettings.for_site(site).review_period_months


def review_record_approval(*, obj, reviewer, today: datetime.date | None = None):
    """Stamp the review dates and the reviewer's profile on the content they approve.

    The dates go into a new revision by the reviewer, so the revision the workflow then
    publishes carries them, the history shows who reviewed it, and the next edit starts
    from them. The reviewer shown to readers is the approving account's profile, never
    what an editor typed; approving without a profile is refused. Content without review
    dates is left alone. Returns the new revision, or None.
    """
    obj = getattr(obj, "specific", obj)
    if not isinstance(obj, MedicallyReviewed):
        return None
    profile = reviewer_profile_for(user=reviewer)
    if profile is None:
        raise ReviewerProfileMissing
    today = today or timezone.localdate()
    draft = obj.get_latest_revision_as_object()
    draft.last_reviewed = today
    # relativedelta keeps the day, or takes the month's last day when it is shorter.
    draft.next_review_due = today + relativedelta(months=review_period_months_for(obj=draft))
    draft.reviewed_by = profile
    return draft.save_revision(user=reviewer, log_action=True)
