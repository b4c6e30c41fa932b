"""Medical review dates shared by every page and snippet that gives health information."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class MedicallyReviewed(models.Model):
    """Mixin for content whose health information is checked by a medical reviewer.

    The three fields are set only by a reviewer's approval (`core.reviews`); the admin
    shows them read-only, so nobody can claim a review that did not happen.
    """

    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    next_review_due = models.DateField(_("next review due"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        "core.ReviewerProfile",
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        # A profile that content names as its reviewer is kept; see ReviewerProfile.user.
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Set when a medical reviewer approves, from their reviewer profile."),
    )

    review_panels = [
        MultiFieldPanel(
            [
                FieldPanel("last_reviewed", read_only=True),
                FieldPanel("next_review_due", read_only=True),
                FieldPanel("reviewed_by", read_only=True),
            ],
            heading=_("Medical review"),
            help_text=_(
                "Set when a medical reviewer approves this through the Medical review workflow."
            ),
        )
    ]

    class Meta:
        abstract = True

    @property
    def review_overdue(self):
        return bool(self.next_review_due and self.next_review_due < timezone.localdate())
