"""Blocks that bring factor pages into articles."""

from django.db.models import Prefetch
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from factors.models import FactorInsight, FactorPage


class FactorListValue(blocks.StructValue):
    @cached_property
    def groups(self):
        """The chosen live factors with their insights, grouped by topic.

        One query for the factors and one for their insights, however many are chosen.
        """
        chosen_ids = [factor.pk for factor in self.get("factors") or [] if factor]
        insights = Prefetch(
            "insight_links",
            queryset=FactorInsight.objects.filter(insight__live=True).select_related("insight"),
        )
        by_id = FactorPage.objects.live().prefetch_related(insights).in_bulk(chosen_ids)
        factors = [by_id[pk] for pk in chosen_ids if pk in by_id]
        return FactorPage.group_by_topic(factors)

    @property
    def reviewed_parts(self):
        """The factor pages the block shows and, when it shows them, their insights."""
        parts = []
        for group in self.groups:
            for factor in group["factors"]:
                parts.append(factor)
                if self.get("show_insights"):
                    parts.extend(factor.live_insights)
        return parts


class FactorListBlock(blocks.StructBlock):
    """Chosen factor pages, shown grouped with each one's practical insights."""

    heading = blocks.CharBlock(max_length=120)
    intro = blocks.RichTextBlock(features=["bold", "italic", "link"], required=False)
    factors = blocks.ListBlock(blocks.PageChooserBlock(page_type=FactorPage), min_num=1)
    show_insights = blocks.BooleanBlock(
        required=False, default=True, help_text=_("Show each factor's practical insights.")
    )

    class Meta:
        icon = "list-ul"
        template = "blocks/factor_list_block.html"
        label = _("Factor list")
        description = _("Lists chosen factors, grouped by topic, with their insights.")
        value_class = FactorListValue
        preview_value = {"heading": "Why milk can be slow", "factors": [], "show_insights": True}

    def get_searchable_content(self, value):
        content = [value.get("heading") or ""]
        # The factors as the page shows them, with their insights: read on this page, so
        # found with it (and counted in its reading time), in two queries however many.
        for group in value.groups:
            for factor in group["factors"]:
                content += [factor.title, factor.summary]
                if value.get("show_insights"):
                    for insight in factor.live_insights:
                        content += [insight.title, insight.body]
        return content
