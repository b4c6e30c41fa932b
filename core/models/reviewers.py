"""Who a medical reviewer is, as readers see them: the record behind every "reviewed by"."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewerProfile(models.Model):
    """A medical reviewer's public name and credentials, kept by the reviewer or an administrator.

    Approving health content records the approving account's profile on it, so the name a
    reader sees as the reviewer is always the person who approved it, as that person (or an
    administrator) describes them; editors cannot type or change it.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        # The profile outlives the account: pages reviewed by someone who has left keep
        # saying who reviewed them.
        on_delete=models.SET_NULL,
        related_name="reviewer_profile",
    )
    display_name = models.CharField(
        _("name shown to readers"),
        max_length=120,
        help_text=_("As readers should see it, with any title: “Dr Rita Okafor”."),
    )
    credentials = models.CharField(
        _("credentials"),
        max_length=200,
        help_text=_("Qualifications readers can check: “MBBS, IBCLC”."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("reviewer profile")
        verbose_name_plural = _("reviewer profiles")

    def __str__(self):
        return f"{self.display_name}, {self.credentials}"
