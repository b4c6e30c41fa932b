"""Who can help: the kinds of support a parent can turn to."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from core.models import ReviewedSnippet
from help_contacts.data.choices import ContactKind


class SupportContact(ReviewedSnippet):
    """A kind of help a parent can seek: a doctor, a midwife, a helpline."""

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=32, choices=ContactKind.choices)
    summary = models.TextField(
        _("what they do"),
        max_length=400,
        help_text=_("One or two plain sentences a worried parent can take in at a glance."),
    )
    when_to_contact = RichTextField(
        _("when to contact them"), features=["bold", "italic", "link", "ul"]
    )
    how_to_contact = RichTextField(
        _("how to reach them"), features=["bold", "italic", "link", "ul"], blank=True
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    sort_order = models.PositiveSmallIntegerField(
        _("sort order"), default=100, help_text=_("Lower numbers are listed first.")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("kind"), FieldPanel("summary")],
            heading=_("Who they are"),
        ),
        FieldPanel("when_to_contact"),
        MultiFieldPanel(
            [FieldPanel("how_to_contact"), FieldPanel("phone"), FieldPanel("website")],
            heading=_("How to reach them"),
        ),
        FieldPanel("sort_order"),
        *ReviewedSnippet.review_panels,
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("summary"),
        index.FilterField("kind"),
        index.FilterField("live"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("support contact")
        verbose_name_plural = _("support contacts")

    def __str__(self):
        return self.name

    def get_preview_template(self, request, mode_name):
        return "help_contacts/previews/support_contact.html"

    def get_preview_context(self, request, mode_name):
        return {"contact": self, "page_title": self.name}
