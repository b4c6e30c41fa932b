"""Blocks any long-form page can use: headings, callouts, references."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class HeadingValue(blocks.StructValue):
    @cached_property
    def anchor(self):
        return slugify(self.get("text") or "")


class HeadingBlock(blocks.StructBlock):
    """A section heading that can be linked to."""

    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))], default="h2"
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        description = _("A section heading; readers can link straight to it.")
        value_class = HeadingValue
        preview_value = {"text": "What helps", "level": "h2"}


class CalloutBlock(blocks.StructBlock):
    """A boxed note that stands out from the text around it."""

    tone = blocks.ChoiceBlock(
        choices=[
            ("info", _("Good to know")),
            ("tip", _("Practical tip")),
            ("urgent", _("Get help now")),
        ],
        default="info",
    )
    title = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "warning"
        template = "blocks/callout_block.html"
        label = _("Callout")
        description = _("A highlighted note: a tip, a fact worth knowing, or when to get help now.")
        preview_value = {
            "tone": "tip",
            "title": "Skin to skin helps",
            "text": "<p>Holding your baby against your skin encourages feeding.</p>",
        }


class ReferenceBlock(blocks.StructBlock):
    """A source the article's facts rest on."""

    title = blocks.CharBlock(max_length=300)
    publisher = blocks.CharBlock(max_length=200, required=False)
    url = blocks.URLBlock(required=False)
    year = blocks.IntegerBlock(required=False, min_value=1900, max_value=2100)

    class Meta:
        icon = "doc-full"
        template = "blocks/reference_block.html"
        label = _("Reference")
        description = _("A published source for the facts in this article.")
        preview_value = {"title": "Breastfeeding guidance", "publisher": "A health service"}


class SourceNumbersBlock(blocks.ListBlock):
    """The numbers of the references, in a list beside it, that a row or a sign rests on.

    One mechanism for every claim that carries its sources beside it: the page shows each
    number as a marker linking to that reference, and `first_unknown_source` checks, when
    the editor saves, that every number names a reference in the list.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Sources"))
        super().__init__(blocks.IntegerBlock(min_value=1, max_value=99), **kwargs)


def first_unknown_source(items, references) -> tuple[int, int] | None:
    """(position of the item from 1, the number) of the first source number that names no
    reference in `references`, or None when every number does. `items` are the values of
    blocks with a `sources` SourceNumbersBlock."""
    count = len(references or [])
    for position, item in enumerate(items or [], start=1):
        for number in item.get("sources") or []:
            if number is not None and number > count:
                return position, number
    return None


class SourcedSectionValue(blocks.StructValue):
    @cached_property
    def anchor(self):
        return slugify(self.get("heading") or "")


class SourcedSectionBlock(blocks.StructBlock):
    """A section of health advice that carries the references its facts come from."""

    heading = blocks.CharBlock(max_length=160)
    tone = blocks.ChoiceBlock(
        choices=[("plain", _("Plain")), ("urgent", _("Get help"))],
        default="plain",
        help_text=_("'Get help' sections are boxed so they stand out."),
    )
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])
    sources = blocks.ListBlock(
        ReferenceBlock(),
        min_num=1,
        label=_("Sources"),
        help_text=_("Every fact and number above must come from one of these."),
    )

    class Meta:
        icon = "doc-full-inverse"
        template = "blocks/sourced_section_block.html"
        label = _("Section with sources")
        description = _("Health advice with the published guidance it comes from, shown below it.")
        value_class = SourcedSectionValue
        preview_value = {
            "heading": "Feeding at night",
            "tone": "plain",
            "text": "<p>Night feeds help your milk supply build.</p>",
            "sources": [{"title": "Breastfeeding guidance", "publisher": "A health service"}],
        }


class SignTier(models.TextChoices):
    """How urgent a warning sign is: the card lists the tiers in this order."""

    EMERGENCY = "emergency", _("Call the emergency number now")
    URGENT = "urgent", _("Get urgent help now")
    TODAY = "today", _("Call your midwife or doctor today")


class SignBlock(blocks.StructBlock):
    """One warning sign: whose it is, how urgent, and the references that say so."""

    tier = blocks.ChoiceBlock(
        choices=SignTier.choices,
        default=SignTier.TODAY,
        help_text=_("As urgent as the most urgent source below says."),
    )
    who = blocks.ChoiceBlock(choices=[("baby", _("The baby")), ("parent", _("The parent"))])
    text = blocks.CharBlock(
        max_length=240,
        help_text=_("One plain sentence that finishes 'Get help if your baby…' or '…if you…'."),
    )
    sources = SourceNumbersBlock(
        min_num=1,
        help_text=_("The numbers, in the references list below, of the sources for this sign."),
    )

    class Meta:
        icon = "warning"
        label = _("Warning sign")
