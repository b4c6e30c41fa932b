"""The warning signs every health page shows, written once per region and medically reviewed."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import ReferenceBlock, SignBlock, SignTier, first_unknown_source
from core.models.snippets import ReviewedSnippet
from core.regions import Region


class WarningSigns(ReviewedSnippet):
    """Red flags for baby and parent in three tiers, for one region, each sign with its sources.

    Each region's card is its own reviewed text (NHS wording for the UK, AAP/CDC wording for
    the US, neutral wording under 112 for the EU), never one region's text with the numbers
    swapped.
    """

    title = models.CharField(
        _("title"),
        max_length=120,
        default="Get help now",
        help_text=_("The heading of the card, for example 'Get help now'."),
    )
    region = models.CharField(
        _("region"),
        max_length=2,
        choices=Region.choices,
        default=Region.UK,
        help_text=_("Shown to readers in this region: its numbers, its words, its guidance."),
    )
    emergency_line = models.CharField(
        _("the one line"),
        max_length=160,
        default="",
        help_text=_(
            "What a parent reads first, after 'Call 999 now if': for example 'your baby cannot "
            "be woken, is struggling to breathe or has a fit'."
        ),
    )
    signs = StreamField(
        [("sign", SignBlock())],
        min_num=1,
        default=list,
        help_text=_("Every sign, in the tier its most urgent source gives it."),
    )
    references = StreamField(
        [("reference", ReferenceBlock())],
        min_num=1,
        help_text=_("The published guidance the signs come from, numbered in this order."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("region"),
        FieldPanel("emergency_line"),
        FieldPanel("signs"),
        FieldPanel("references"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("emergency_line"),
        index.SearchField("signs"),
        index.FilterField("live"),
        index.FilterField("region"),
    ]

    class Meta:
        verbose_name = _("warning signs")
        verbose_name_plural = _("warning signs")

    def __str__(self):
        return f"{self.title} ({self.get_region_display()})"

    def clean(self):
        super().clean()
        unknown = first_unknown_source([sign.value for sign in self.signs or []], self.references)
        if unknown:
            raise ValidationError(
                {
                    "signs": _(
                        "Sign %(number)s cites source %(source)s, but the references list "
                        "has %(count)s."
                    )
                    % {
                        "number": unknown[0],
                        "source": unknown[1],
                        "count": len(self.references or []),
                    }
                }
            )

    @cached_property
    def tiers(self):
        """[(tier, label, {"baby": [sign, …], "parent": […]}), …] in order of urgency."""
        grouped = {tier: {"baby": [], "parent": []} for tier in SignTier.values}
        for block in self.signs:
            grouped[block.value["tier"]][block.value["who"]].append(block.value)
        return [
            (tier, label, grouped[tier])
            for tier, label in SignTier.choices
            if grouped[tier]["baby"] or grouped[tier]["parent"]
        ]

    def get_preview_template(self, request, mode_name):
        return "core/previews/warning_signs.html"

    def get_preview_context(self, request, mode_name):
        return {"warning_signs": self, "page_title": self.title}
