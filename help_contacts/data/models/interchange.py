"""Where a directory listing is known in Open Referral (HSDS) data from another directory."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .consultants import Consultant


class HsdsIdentity(models.Model):
    """The HSDS service id a listing was imported under, so a later import updates it.

    Kept beside the listing rather than on it: the id belongs to the exchange of data,
    not to what a person edits, and listings that never came from a file need none (their
    export id is derived from their primary key).
    """

    consultant = models.OneToOneField(
        Consultant,
        verbose_name=_("listing"),
        on_delete=models.CASCADE,
        related_name="hsds_identity",
    )
    hsds_id = models.UUIDField(_("HSDS service id"), unique=True)
    imported_at = models.DateTimeField(_("last imported"), auto_now=True)

    class Meta:
        verbose_name = _("HSDS identity")
        verbose_name_plural = _("HSDS identities")

    def __str__(self):
        return f"{self.consultant}: {self.hsds_id}"
