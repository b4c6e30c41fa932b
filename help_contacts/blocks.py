"""Blocks that point a reader to the people who can help."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class SeekHelpValue(blocks.StructValue):
    @cached_property
    def live_contacts(self):
        """Contacts still published; a withdrawn one disappears rather than breaking the page."""
        return [contact for contact in self.get("contacts") or [] if contact and contact.live]

    @property
    def reviewed_parts(self):
        return self.live_contacts


class SeekHelpBlock(blocks.StructBlock):
    """Where to turn: a heading, a line of context and chosen support contacts."""

    heading = blocks.CharBlock(default=_("Where to get help"), max_length=120)
    intro = blocks.TextBlock(required=False, max_length=500)
    contacts = blocks.ListBlock(SnippetChooserBlock("help_contacts.SupportContact"), min_num=1)

    class Meta:
        icon = "help"
        template = "blocks/seek_help_block.html"
        label = _("Seek help")
        description = _("Lists the support contacts a reader should turn to.")
        value_class = SeekHelpValue
        preview_value = {
            "heading": "Where to get help",
            "intro": "These people can help you work out what is going on.",
            "contacts": [],
        }

    def get_searchable_content(self, value):
        content = [value.get("heading") or "", value.get("intro") or ""]
        for contact in value.live_contacts:
            content += [contact.name, contact.summary]
        return content
