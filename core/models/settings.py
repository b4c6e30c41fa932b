"""Site-wide facts that editors change without a developer."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Site

from core.site_cache import site_cached


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
            [FieldPanel("urgent_care_heading"), FieldPanel("urgent_care_notice")],
            heading=_("Urgent care"),
        ),
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
            site_settings = site_cached(f"site-settings:{site.pk}", lambda: cls.for_site(site))
            site_settings._request = request  # as Wagtail does, for page URLs relative to it
            setattr(request, attr_name, site_settings)
        return getattr(request, attr_name)

    @property
    def helpline_tel(self):
        return "".join(ch for ch in self.helpline_phone if ch.isdigit() or ch == "+")
