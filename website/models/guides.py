"""Practical guides for the first days: what is normal, and a plan to take to an appointment."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.blocks import StructValue
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.models import HealthPage
from website.blocks import GuideStreamBlock


def references_in(stream) -> list:
    """Every reference the stream's blocks cite, once each, in the order they first appear."""
    seen, references = set(), []
    for block in stream:
        sources = block.value.get("sources") if isinstance(block.value, StructValue) else None
        for reference in sources or []:
            key = (reference.get("url") or "", reference.get("title") or "")
            if key not in seen:
                seen.add(key)
                references.append(reference)
    return references


class FirstDaysPage(HealthPage):
    """The first days of feeding: what is normal day by day, signs of enough milk, when to call."""

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        help_text=_("What this guide answers, in a sentence or two. Also used as its summary."),
    )
    body = StreamField(GuideStreamBlock())

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        *HealthPage.review_panels,
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["website.HomePage"]
    subpage_types = []
    template = "website/first_days_page.html"

    class Meta:
        verbose_name = _("first days guide")

    @cached_property
    def references(self):
        return references_in(self.body)
