"""Who can help: the kinds of support a parent can turn to."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from core.models import ReviewedSnippet
from core.regions import Region, tel_href
from help_contacts.data.choices import ContactKind
from help_contacts.data.opening_hours import (
    TIME_ZONE_CHOICES,
    WEEKDAY_CHOICES,
    OpeningSpan,
    validate_time_zone,
)


class OpeningSpanBlock(blocks.StructBlock):
    """Open from one time to another on some days; closing at or before opening runs past
    midnight, and 00:00 to 00:00 is the whole day."""

    weekdays = blocks.MultipleChoiceBlock(
        choices=WEEKDAY_CHOICES, label=_("Days"), widget=forms.CheckboxSelectMultiple
    )
    opens = blocks.TimeBlock(label=_("Opens"))
    closes = blocks.TimeBlock(label=_("Closes"))

    class Meta:
        icon = "time"
        label = _("Opening hours")
        label_format = "{opens}–{closes}"


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
    region = models.CharField(
        _("region"),
        max_length=2,
        choices=Region.choices,
        blank=True,
        help_text=_("For a helpline: the region it serves. Leave empty if it serves everyone."),
    )
    source_url = models.URLField(
        _("where the number and hours are published"),
        blank=True,
        help_text=_("The organisation's own page that states them, shown beside them."),
    )
    hours = StreamField(
        [("span", OpeningSpanBlock())],
        blank=True,
        verbose_name=_("opening hours"),
        help_text=_(
            "For a helpline: when someone answers. The directory then says whether it is "
            "open now, or when it opens, in its own time zone."
        ),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        # Checked against the installed tz database rather than stored as choices, so a
        # tzdata update never asks for a migration.
        validators=[validate_time_zone],
        help_text=_("The time zone the opening hours are in, such as Europe/London."),
    )
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
            [
                FieldPanel("how_to_contact"),
                FieldPanel("phone"),
                FieldPanel("website"),
                FieldPanel("region"),
                FieldPanel("source_url"),
            ],
            heading=_("How to reach them"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("hours"),
                FieldPanel(
                    "time_zone",
                    widget=forms.Select(choices=[("", "---------"), *TIME_ZONE_CHOICES]),
                ),
            ],
            heading=_("When they answer"),
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
        index.FilterField("region"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("support contact")
        verbose_name_plural = _("support contacts")

    def __str__(self):
        return self.name

    @property
    def phone_tel(self):
        return tel_href(self.phone)

    def clean(self):
        super().clean()
        if len(self.hours) and not self.time_zone:
            raise ValidationError({"time_zone": _("Say which time zone the hours are in.")})

    @property
    def opening_spans(self) -> list[OpeningSpan]:
        return [
            OpeningSpan(
                weekdays=frozenset(int(day) for day in span.value["weekdays"]),
                opens=span.value["opens"],
                closes=span.value["closes"],
            )
            for span in self.hours
            if span.value["weekdays"] and span.value["opens"] and span.value["closes"]
        ]

    def get_preview_template(self, request, mode_name):
        return "help_contacts/previews/support_contact.html"

    def get_preview_context(self, request, mode_name):
        return {"contact": self, "page_title": self.name}
