"""Requests to a listing's owner to confirm or correct it, each answerable once by email."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class CheckOutcome(models.TextChoices):
    SENT = "sent", _("Sent, not answered")
    CONFIRMED = "confirmed", _("Confirmed as right")
    CHANGED = "changed", _("Corrected by the owner")
    REMOVED = "removed", _("Removed by the owner")
    BOUNCED = "bounced", _("Mail refused by the owner's mail server")
    EXPIRED = "expired", _("Not answered before the link expired")


class ListingCheck(models.Model):
    """One email asking a listing's owner whether it is still right.

    The link in the email carries only a signed `nonce`; the row binds it to the listing
    and the address it went to, and `answered_at` makes it single-use. An unanswered check
    is reminded once (`reminded_at`), then marked expired once its link has run out.
    """

    consultant = models.ForeignKey(
        "help_contacts.Consultant", on_delete=models.CASCADE, related_name="checks"
    )
    sent_to = models.EmailField(_("sent to"))
    sent_at = models.DateTimeField(_("sent"), db_index=True)
    nonce = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=CheckOutcome.choices, default=CheckOutcome.SENT
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("listing check")
        verbose_name_plural = _("listing checks")

    def __str__(self):
        return f"{self.consultant} ({self.sent_at:%Y-%m-%d})"
