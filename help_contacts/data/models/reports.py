"""What visitors tell us is wrong with a listing, waiting for a person to check."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from .consultants import Consultant


class ProblemKind(models.TextChoices):
    CLOSED = "closed", _("They have closed or moved")
    PHONE = "phone", _("The phone number or email is wrong")
    ADDRESS = "address", _("The address or map pin is wrong")
    SERVICES = "services", _("The services, cost or languages are wrong")
    OTHER = "other", _("Something else")
    # Only from the owner's check link, never offered on the public form: the owner's
    # changes to what parents trust the listing for, waiting for a directory manager.
    OWNER_CHANGE = "owner_change", _("The listing's owner asked for a change")


PUBLIC_PROBLEM_KINDS = [
    (value, label) for value, label in ProblemKind.choices if value != ProblemKind.OWNER_CHANGE
]


class ReportOutcome(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted: listing to be re-verified")
    APPLIED = "applied", _("Accepted: the owner's change is published")
    REJECTED = "rejected", _("Rejected")


class ProblemReportQuerySet(models.QuerySet):
    def open(self):
        """Reports nobody has dealt with yet: the one rule for "open"."""
        return self.filter(resolved=False)


class ProblemReport(models.Model):
    """A visitor's note that something in a listing is wrong, for a person to check."""

    consultant = models.ForeignKey(
        Consultant,
        verbose_name=_("listing"),
        on_delete=models.CASCADE,
        related_name="problem_reports",
    )
    kind = models.CharField(_("problem"), max_length=20, choices=ProblemKind.choices)
    details = models.TextField(_("details"), max_length=2000, blank=True)
    reporter_email = models.EmailField(_("reporter's email"), blank=True)
    proposed_changes = models.JSONField(
        _("proposed changes"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("For an owner's change: the new value of each field, applied on accepting."),
    )
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    resolved = models.BooleanField(_("resolved"), default=False)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=ReportOutcome.choices, blank=True
    )
    rejection_reason = models.TextField(_("reason for rejecting"), max_length=1000, blank=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ProblemReportQuerySet.as_manager()

    panels = [
        FieldPanel("consultant", read_only=True),
        FieldPanel("kind", read_only=True),
        FieldPanel("details", read_only=True),
        FieldPanel("reporter_email", read_only=True),
        FieldPanel("outcome", read_only=True),
        FieldPanel("rejection_reason", read_only=True),
        FieldPanel("resolved"),
    ]

    class Meta:
        ordering = ["resolved", "-created_at"]
        verbose_name = _("problem report")
        verbose_name_plural = _("problem reports")

    def __str__(self):
        return f"{self.consultant}: {self.get_kind_display()}"
