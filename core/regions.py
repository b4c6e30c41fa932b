"""The words and phone numbers that differ between the countries a site can serve.

A site's region (a `SiteSettings` choice) picks one of these; numbers an editor types in
the settings take precedence over the region's.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    UK = "uk", _("United Kingdom")
    US = "us", _("United States")
    EU = "eu", _("European Union")


@dataclass(frozen=True)
class RegionWords:
    """What readers in a region call things, and the numbers they ring."""

    nappy: Promise
    nappies: Promise
    poo: Promise
    midwife: Promise
    baby_checks: Promise  # who checks the baby after the midwife: health visitor, pediatrician
    postcode: Promise
    emergency_number: str
    urgent_number: str
    urgent_number_name: Promise | str


REGION_WORDS = {
    # UK: 999 for emergencies, NHS 111 when it is urgent but not life-threatening
    # (West Midlands Ambulance Service NHS, "999 or 111").
    Region.UK: RegionWords(
        nappy=_("nappy"),
        nappies=_("nappies"),
        poo=_("poo"),
        midwife=_("midwife"),
        baby_checks=_("health visitor"),
        postcode=_("postcode"),
        emergency_number="999",
        urgent_number="111",
        urgent_number_name=_("NHS 111"),
    ),
    # US: 911 (911.gov); no national non-emergency medical line.
    Region.US: RegionWords(
        nappy=_("diaper"),
        nappies=_("diapers"),
        poo=_("poop"),
        midwife=_("midwife"),
        baby_checks=_("pediatrician"),
        postcode=_("ZIP code"),
        emergency_number="911",
        urgent_number="",
        urgent_number_name="",
    ),
    # EU: 112 reaches emergency services in every member state (European Commission).
    Region.EU: RegionWords(
        nappy=_("nappy"),
        nappies=_("nappies"),
        poo=_("poo"),
        midwife=_("midwife"),
        baby_checks=_("paediatrician"),
        postcode=_("postcode"),
        emergency_number="112",
        urgent_number="",
        urgent_number_name="",
    ),
}


def region_words(region: str) -> RegionWords:
    return REGION_WORDS.get(region, REGION_WORDS[Region.UK])


def tel_href(number: str) -> str:
    """A phone number as a `tel:` link wants it: digits and a leading plus only."""
    return "".join(ch for ch in number if ch.isdigit() or ch == "+")
