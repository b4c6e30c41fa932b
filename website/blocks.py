"""The shared body block for articles and other long-form pages."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from core.blocks import (
    CalloutBlock,
    HeadingBlock,
    ReferenceBlock,
    SourcedSectionBlock,
    SourceNumbersBlock,
    first_unknown_source,
)
from core.selectors import health_pages_review_counts
from factors.blocks import FactorListBlock
from help_contacts.blocks import SeekHelpBlock


class ReviewStatusBlock(blocks.StaticBlock):
    """How many health pages a medical reviewer has approved, counted when the page is shown."""

    class Meta:
        icon = "tick-inverse"
        template = "blocks/review_status_block.html"
        label = _("Medical review status")
        admin_text = _("Shows how many health pages have been medically reviewed, from the data.")
        description = _("The number of health pages reviewed and not yet reviewed, always current.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["counts"] = health_pages_review_counts()
        return context


class BodyStreamBlock(blocks.StreamBlock):
    """Blocks an editor can use to build an article."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["h3", "bold", "italic", "link", "ol", "ul"],
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        label=_("Text"),
        description=_("Plain paragraphs with links and lists."),
        preview_value="<p>Milk often takes a few days to come in.</p>",
    )
    callout = CalloutBlock()
    factor_list = FactorListBlock()
    seek_help = SeekHelpBlock()
    review_status = ReviewStatusBlock()


class DayBlock(blocks.StructBlock):
    """One row of the first-days table: a day of the baby's life and what to expect."""

    day = blocks.CharBlock(max_length=40, help_text=_("For example 'Day 1' or 'Days 3 to 4'."))
    normal = blocks.TextBlock(label=_("What is normal"), max_length=400)
    feeds = blocks.CharBlock(label=_("Feeds in 24 hours"), max_length=120)
    wet_nappies = blocks.CharBlock(label=_("Wet nappies"), max_length=120)
    dirty_nappies = blocks.CharBlock(label=_("Dirty nappies"), max_length=120)
    stool_colour = blocks.CharBlock(label=_("Colour of the poo"), max_length=120)
    when_to_call = blocks.TextBlock(label=_("When to call"), max_length=400)
    sources = SourceNumbersBlock(
        help_text=_(
            "The numbers, in the table's sources below, of the guidance this row comes from. "
            "Each shows beside the row as a link to that source."
        ),
    )

    class Meta:
        icon = "date"
        label = _("Day")


class DayTableBlock(blocks.StructBlock):
    """The day-by-day table of what is normal in the first week, with its sources."""

    caption = blocks.CharBlock(max_length=160, default=_("What to expect, day by day"))
    days = blocks.ListBlock(DayBlock(), min_num=1)
    note = blocks.TextBlock(
        required=False,
        max_length=500,
        help_text=_("Where guidance differs, say so here, and which guidance the table follows."),
    )
    sources = blocks.ListBlock(
        ReferenceBlock(),
        min_num=1,
        label=_("Sources"),
        help_text=_("Every number in the table must come from one of these."),
    )

    def clean(self, value):
        value = super().clean(value)
        unknown = first_unknown_source(value["days"], value["sources"])
        if unknown:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "days": ValidationError(
                        _(
                            "Row %(row)s cites source %(source)s, but the table has "
                            "%(count)s sources."
                        )
                        % {
                            "row": unknown[0],
                            "source": unknown[1],
                            "count": len(value["sources"]),
                        }
                    )
                }
            )
        return value

    class Meta:
        icon = "table"
        template = "blocks/day_table_block.html"
        label = _("Day-by-day table")
        description = _(
            "What is normal each day: feeds, wet and dirty nappies, the colour of the poo "
            "and when to call, with the guidance it comes from."
        )
        preview_value = {
            "caption": "What to expect, day by day",
            "days": [
                {
                    "day": "Day 1",
                    "normal": "Small feeds of colostrum.",
                    "feeds": "Often",
                    "wet_nappies": "1 or more",
                    "dirty_nappies": "1 or more",
                    "stool_colour": "Dark",
                    "when_to_call": "If you are worried.",
                }
            ],
            "sources": [{"title": "Breastfeeding guidance", "publisher": "A health service"}],
        }


class GuideStreamBlock(blocks.StreamBlock):
    """What a practical guide is built from: sourced sections, the day table, callouts."""

    day_table = DayTableBlock()
    section = SourcedSectionBlock()
    heading = HeadingBlock()
    callout = CalloutBlock()
    seek_help = SeekHelpBlock()

    class Meta:
        # The table's rows link to its numbered sources by id, which must be one per page.
        block_counts = {"day_table": {"max_num": 1}}


class PlanQuestionBlock(blocks.StructBlock):
    """A question the appointment plan suggests asking, and when it applies."""

    text = blocks.CharBlock(max_length=240)
    applies = blocks.ChoiceBlock(
        choices=[
            ("always", _("Always")),
            ("after-72-hours", _("When the baby is 4 days old or more")),
            ("risk-factor", _("When the parent ticks any factor")),
            ("topping-up", _("When the parent ticks something marked as topping up")),
        ],
        default="always",
    )

    class Meta:
        icon = "help"
        label = _("Question")


class PlanTriedBlock(blocks.StructBlock):
    """Something a parent may have tried already, offered as a tick box."""

    label = blocks.CharBlock(max_length=120)
    topping_up = blocks.BooleanBlock(
        required=False, help_text=_("Tick if this means giving the baby other milk.")
    )

    class Meta:
        icon = "tick"
        label = _("Thing tried")
