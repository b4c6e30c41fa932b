"""Site-wide facts that editors change without a developer."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Site

from core.regions import Region, RegionHelp, region_words, tel_href
from core.site_cache import site_cached

DEFAULT_SEARCH_SYNONYMS = "\n".join(
    [
        "pumping, pump, expressing, express, expressed",
        "nappies, nappy, diapers, diaper",
        "poo, poop, stool, stools, dirty",
        "wee, pee, urine, wet",
        "paediatrician, pediatrician",
        "colostrum, first milk",
        "formula, top up, topping up, supplement, supplements",
        "caesarean, cesarean, c-section",
        "premature, preemie, prem, preterm",
        "nicu, neonatal, special care baby unit",
        "overweight, obese, obesity, bmi, body weight",
        "tired, tiredness, exhausted, exhaustion, fatigue",
        "labour, labor",
        "tongue-tie, tongue tie, tongue tied",
    ]
)


class FooterLinkBlock(blocks.StructBlock):
    """A link in the site footer, to a page here or elsewhere."""

    label = blocks.CharBlock(max_length=60)
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, help_text=_("Used when no page is chosen."))

    class Meta:
        icon = "link"
        template = "blocks/footer_link_block.html"
        label = _("Footer link")
        description = _("A link shown in the footer of every page.")
        preview_value = {"label": "About us", "url": "https://example.org/"}


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """What every page says about the site: its name, the helpline, when to get urgent care."""

    site_name = models.CharField(_("site name"), max_length=80, default="Milk Supply Help")
    tagline = models.CharField(
        _("tagline"),
        max_length=160,
        blank=True,
        default="Plain, reviewed answers for parents whose milk is slow to come in",
    )
    helpline_name = models.CharField(_("helpline name"), max_length=120, blank=True)
    helpline_phone = models.CharField(_("helpline phone"), max_length=40, blank=True)
    helpline_hours = models.CharField(_("helpline hours"), max_length=120, blank=True)
    urgent_care_heading = models.CharField(
        _("urgent care heading"), max_length=120, default="Get medical help today if"
    )
    urgent_care_notice = RichTextField(
        _("urgent care notice"),
        features=["bold", "italic", "link", "ul"],
        blank=True,
        help_text=_("The signs that need a midwife or doctor today. Shown on health pages."),
    )
    region = models.CharField(
        _("region"),
        max_length=2,
        choices=Region.choices,
        default=Region.UK,
        help_text=_(
            "Whose words and numbers the site uses: nappies or diapers, postcode or ZIP code, "
            "999 or 911. Health content should follow this region's national guidance."
        ),
    )
    emergency_number = models.CharField(
        _("emergency number"),
        max_length=20,
        blank=True,
        help_text=_("Leave empty for the region's: 999 (UK), 911 (US), 112 (EU)."),
    )
    urgent_number = models.CharField(
        _("urgent advice number"),
        max_length=20,
        blank=True,
        help_text=_(
            "For help fast when it is not life-threatening. Leave empty for the region's "
            "(111 in the UK; the US and EU have no single number)."
        ),
    )
    urgent_number_name = models.CharField(
        _("urgent advice service"),
        max_length=80,
        blank=True,
        help_text=_("Its name, for example 'NHS 111'. Leave empty for the region's."),
    )
    warning_signs = models.ForeignKey(
        "core.WarningSigns",
        verbose_name=_("warning signs"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The 'get help now' card on every health and listing page."),
    )
    search_synonyms = models.TextField(
        _("search synonyms"),
        blank=True,
        default=DEFAULT_SEARCH_SYNONYMS,
        help_text=_(
            "One group of words that mean the same per line, separated by commas. A search "
            "for any of them finds pages that use the others."
        ),
    )
    footer_links = StreamField([("link", FooterLinkBlock())], blank=True)
    review_period_months = models.PositiveSmallIntegerField(
        _("review period (months)"),
        default=12,
        help_text=_("How far ahead the next medical review is set when content is approved."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("site_name"), FieldPanel("tagline")], heading=_("Site")),
        MultiFieldPanel(
            [
                FieldPanel("helpline_name"),
                FieldPanel("helpline_phone"),
                FieldPanel("helpline_hours"),
            ],
            heading=_("Helpline"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("region"),
                FieldPanel("emergency_number"),
                FieldPanel("urgent_number"),
                FieldPanel("urgent_number_name"),
            ],
            heading=_("Region and numbers to call"),
        ),
        FieldPanel("warning_signs"),
        MultiFieldPanel(
            [FieldPanel("urgent_care_heading"), FieldPanel("urgent_care_notice")],
            heading=_("Urgent care"),
        ),
        FieldPanel("search_synonyms"),
        FieldPanel("footer_links"),
        FieldPanel("review_period_months"),
    ]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def for_request(cls, request):
        """The settings every page shows, from the cache (`core.site_cache`) after the first."""
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name):
            site = Site.find_for_request(request)
            if site is None:
                return super().for_request(request)  # Wagtail's error for a request without one
            site_settings = site_cached(f"site-settings:{site.pk}", lambda: cls._load(site))
            site_settings._request = request  # as Wagtail does, for page URLs relative to it
            setattr(request, attr_name, site_settings)
        return getattr(request, attr_name)

    @classmethod
    def _load(cls, site):
        site_settings = cls.for_site(site)
        # Read now, so the card every page shows is cached with the settings.
        site_settings.warning_signs  # noqa: B018
        return site_settings

    @property
    def helpline_tel(self):
        return tel_href(self.helpline_phone)

    @property
    def words(self):
        """The region's words for nappies, midwife, postcode and the like."""
        return region_words(self.region)

    def help_for_region(self, region=None) -> RegionHelp:
        """Numbers and words for `region`; the numbers typed here apply to the site's own."""
        if not region or region == self.region:
            return RegionHelp.of(
                self.region,
                emergency=self.emergency_number,
                urgent=self.urgent_number,
                urgent_name=self.urgent_number_name,
            )
        return RegionHelp.of(region)

    @property
    def live_warning_signs(self):
        signs = self.warning_signs
        return signs if signs is not None and signs.live else None

    @property
    def synonym_groups(self):
        """[{"pumping", "pump", …}, …] from the synonyms field, lower case."""
        groups = []
        for line in self.search_synonyms.splitlines():
            words = {word.strip().lower() for word in line.split(",") if word.strip()}
            if len(words) > 1:
                groups.append(words)
        return groups
