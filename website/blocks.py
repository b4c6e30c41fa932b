"""The shared body block for articles and other long-form pages."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from core.blocks import CalloutBlock, HeadingBlock
from factors.blocks import FactorListBlock
from help_contacts.blocks import SeekHelpBlock


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
