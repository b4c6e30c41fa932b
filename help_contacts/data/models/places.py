"""The offline gazetteer: every place name and ZIP code a parent can search from."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from help_contacts.data.choices import PlaceKind
from help_contacts.data.models.fields import ANYWHERE
from help_contacts.data.models.querysets import PlaceQuerySet


class Place(models.Model):
    """A named point on the map, loaded from packaged data so no search leaves the server."""

    kind = models.CharField(_("kind"), max_length=10, choices=PlaceKind.choices)
    name = models.CharField(_("name"), max_length=200)
    # The name (or ZIP code) as a parent might type it: lower case, no accents or dots.
    key = models.CharField(_("search key"), max_length=200)
    label = models.CharField(_("label"), max_length=300)
    label_key = models.CharField(_("label search key"), max_length=300)
    admin1_code = models.CharField(_("region code"), max_length=20, blank=True)
    admin1_name = models.CharField(_("region"), max_length=100, blank=True)
    country_code = models.CharField(_("country code"), max_length=2)
    country_name = models.CharField(_("country"), max_length=100)
    latitude = models.FloatField(
        _("latitude"), validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        _("longitude"), validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    population = models.PositiveBigIntegerField(_("population"), default=0)
    # Packaged data reloads with `load_gazetteer --force`; an operator's postcode file
    # (`load_gazetteer --file`) stays until that country's file is loaded again.
    from_file = models.BooleanField(_("from an operator's postcode file"), default=False)

    objects = PlaceQuerySet.as_manager()

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        indexes = [
            models.Index(fields=["key", "-population"], name="place_key_population"),
            models.Index(fields=["label_key"], name="place_label_key"),
            # To name the region of a point the browser gave (remote help by region).
            models.Index(fields=["latitude", "longitude"], name="place_lat_lon"),
        ]

    def __str__(self):
        return self.label

    @property
    def region_codes(self) -> tuple[str, ...]:
        """The remote-service regions this place lies in: anywhere, its country and, in the
        US, its state (geonames' US admin1 codes are the postal abbreviations)."""
        codes = [ANYWHERE, self.country_code]
        if self.country_code == "US" and self.admin1_code:
            codes.append(f"US-{self.admin1_code}")
        return tuple(codes)
