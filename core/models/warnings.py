"""The warning signs every health page shows, written once and medically reviewed."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from core.blocks import ReferenceBlock
from core.models.snippets import ReviewedSnippet

SIGN_FEATURES = ["bold", "italic", "link", "ul"]


class WarningSigns(ReviewedSnippet):
    """Red flags for baby and parent: when to call the emergency number, when to get help today."""

    title = models.CharField(
        _("title"),
        max_length=120,
        default="Get help now",
        help_text=_("The heading of the card, for example 'Get help now'."),
    )
    emergency_signs = RichTextField(
        _("call the emergency number if"),
        features=SIGN_FEATURES,
        help_text=_("A short list. The site's emergency number is shown above it."),
    )
    baby_signs = RichTextField(
        _("get help today: signs in the baby"),
        features=SIGN_FEATURES,
        help_text=_("The baby's red flags; the midwife and urgent numbers are shown with them."),
    )
    parent_signs = RichTextField(_("get help today: signs in the parent"), features=SIGN_FEATURES)
    references = StreamField(
        [("reference", ReferenceBlock())],
        min_num=1,
        help_text=_("The published guidance every sign above comes from."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("emergency_signs"),
        MultiFieldPanel(
            [FieldPanel("baby_signs"), FieldPanel("parent_signs")], heading=_("Get help today")
        ),
        FieldPanel("references"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("baby_signs"),
        index.SearchField("parent_signs"),
        index.FilterField("live"),
    ]

    class Meta:
        verbose_name = _("warning signs")
        verbose_name_plural = _("warning signs")

    def __str__(self):
        return self.title

    def get_preview_template(self, request, mode_name):
        return "core/previews/warning_signs.html"

    def get_preview_context(self, request, mode_name):
        return {"warning_signs": self, "page_title": self.title}
