"""Medical review dates shared by every page that gives health information."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class MedicallyReviewed(models.Model):
    """Mixin for pages whose health content is checked by a medical reviewer."""

    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    next_review_due = models.DateField(_("next review due"), null=True, blank=True)
    reviewed_by = models.CharField(
        _("reviewed by"),
        max_length=200,
        blank=True,
        help_text=_("Name and credentials of the medical reviewer, as shown to readers."),
    )

    review_panels = [
        MultiFieldPanel(
            [FieldPanel("last_reviewed"), FieldPanel("next_review_due"), FieldPanel("reviewed_by")],
            heading=_("Medical review"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def review_overdue(self):
        return bool(self.next_review_due and self.next_review_due < timezone.localdate())
