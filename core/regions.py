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
    AU = "au", _("Australia")
    NZ = "nz", _("New Zealand")


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
    # Where to go at once when it is urgent but not a 999/911/112 call.
    urgent_route: Promise
    country_name: Promise


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
        urgent_route=_("call NHS 111, ask your GP for an urgent appointment, or go to A&E"),
        country_name=_("the UK"),
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
        urgent_route=_("call your doctor or your baby's doctor now, or go to the emergency room"),
        country_name=_("the US"),
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
        urgent_route=_("call a doctor now, or go to the emergency department"),
        country_name=_("the EU"),
    ),
    # Australia: Triple Zero (000) for emergencies (triplezero.gov.au).
    Region.AU: RegionWords(
        nappy=_("nappy"),
        nappies=_("nappies"),
        poo=_("poo"),
        midwife=_("midwife"),
        baby_checks=_("child health nurse or GP"),
        postcode=_("postcode"),
        emergency_number="000",
        urgent_number="",
        urgent_number_name="",
        urgent_route=_("see a doctor now, or go to the emergency department"),
        country_name=_("Australia"),
    ),
    # New Zealand: 111 for emergencies (New Zealand Police, "Call 111").
    Region.NZ: RegionWords(
        nappy=_("nappy"),
        nappies=_("nappies"),
        poo=_("poo"),
        midwife=_("midwife"),
        baby_checks=_("Plunket nurse or GP"),
        postcode=_("postcode"),
        emergency_number="111",
        urgent_number="",
        urgent_number_name="",
        urgent_route=_("see a doctor now, or go to the emergency department"),
        country_name=_("New Zealand"),
    ),
}


def region_words(region: str) -> RegionWords:
    return REGION_WORDS.get(region, REGION_WORDS[Region.UK])


# ISO 3166 codes of the countries each region's text and numbers serve. 112 works in every
# EU member state (European Commission); the UK's numbers serve the Crown Dependencies too.
REGION_COUNTRIES = {
    Region.UK: {"GB", "UK", "IM", "JE", "GG"},
    # Canada dials 911 too, and writes diaper and pediatrician.
    Region.US: {"US", "PR", "GU", "VI", "AS", "MP", "CA"},
    Region.AU: {"AU"},
    Region.NZ: {"NZ"},
    Region.EU: {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
        "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    },
}  # fmt: skip


def region_countries(region: str) -> frozenset[str]:
    """The ISO country codes a region's text and numbers serve (none for an unknown one)."""
    return frozenset(REGION_COUNTRIES.get(region, ()))


def region_for_country(country_code: str) -> str | None:
    """The region whose numbers and words fit a country, or None for one the site doesn't serve."""
    code = (country_code or "").strip().upper()
    return next((region for region, codes in REGION_COUNTRIES.items() if code in codes), None)


def region_from_query(value) -> str | None:
    """A region chosen in the URL (`?region=us`), or None for anything that is not one."""
    if isinstance(value, str) and value in Region.values:
        return value
    return None


def tel_href(number: str) -> str:
    """A phone number as a `tel:` link wants it: ASCII digits and a leading plus only.

    The one home of this rule: every `tel:` link on the site is made by it."""
    return "".join(ch for ch in (number or "") if ch in "0123456789+")


@dataclass(frozen=True)
class RegionHelp:
    """The numbers to call and the words to use for one region, as the card shows them."""

    region: str
    words: RegionWords
    emergency_number_shown: str
    urgent_number_shown: str
    urgent_number_name_shown: Promise | str

    @classmethod
    def of(cls, region: str, *, emergency="", urgent="", urgent_name="") -> "RegionHelp":
        """The region's own numbers, unless an editor set others (`emergency`, `urgent`)."""
        words = region_words(region)
        urgent_number = urgent or words.urgent_number
        return cls(
            region=region,
            words=words,
            emergency_number_shown=emergency or words.emergency_number,
            urgent_number_shown=urgent_number,
            urgent_number_name_shown=urgent_name or words.urgent_number_name or urgent_number,
        )

    @property
    def emergency_tel(self):
        return tel_href(self.emergency_number_shown)

    @property
    def urgent_tel(self):
        return tel_href(self.urgent_number_shown)
