"""Practical guides for the first days: what is normal, and a plan to take to an appointment."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.blocks import StructValue
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.models import HealthPage
from core.search_weights import BODY_BOOST, INTRO_BOOST, page_search_fields
from factors.models import FactorPage
from website.blocks import GuideStreamBlock, PlanQuestionBlock, PlanTriedBlock
from website.forms import AppointmentPlanForm

PLAN_DAY_AFTER_72_HOURS = 4  # day 4 of life begins 72 hours after the birth


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
    search_fields = page_search_fields(
        index.SearchField("intro", boost=INTRO_BOOST),
        index.SearchField("body", boost=BODY_BOOST),
    )

    parent_page_types = ["website.HomePage"]
    subpage_types = []
    template = "website/first_days_page.html"

    class Meta:
        verbose_name = _("first days guide")

    @cached_property
    def references(self):
        return references_in(self.body)


class AppointmentPlanPage(HealthPage):
    """A one-page plan a parent makes by ticking boxes, to take to her midwife or doctor.

    Nothing is stored: the choices travel in the URL, so the page works without an
    account, without JavaScript and from a shared cache.
    """

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        help_text=_("What the plan is for, in a sentence or two. Also used as its summary."),
    )
    tried_options = StreamField(
        [("option", PlanTriedBlock())],
        verbose_name=_("things a parent may have tried"),
        help_text=_("Offered as tick boxes; the ones ticked are listed on the plan."),
    )
    questions = StreamField(
        [("question", PlanQuestionBlock())],
        verbose_name=_("questions to ask"),
        help_text=_("Each is printed on the plan when it applies."),
    )
    log_rows = models.PositiveSmallIntegerField(
        _("rows in the feeding log"),
        default=12,
        validators=[MinValueValidator(4), MaxValueValidator(16)],
        help_text=_("Blank rows for feeds in 24 hours. More than 12 may not fit on one page."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("tried_options"),
        FieldPanel("questions"),
        FieldPanel("log_rows"),
        *HealthPage.review_panels,
    ]
    search_fields = page_search_fields(index.SearchField("intro", boost=INTRO_BOOST))

    parent_page_types = ["website.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "website/appointment_plan_page.html"

    class Meta:
        verbose_name = _("appointment plan page")

    def tried_choices(self):
        """[(key, label)] for the tick boxes; the key is the label's slug, stable in links."""
        return [
            (slugify(block.value["label"]), block.value["label"]) for block in self.tried_options
        ]

    def topping_up_keys(self):
        return {
            slugify(block.value["label"])
            for block in self.tried_options
            if block.value.get("topping_up")
        }

    def plan_for(self, choices) -> dict:
        """What the printed plan says for a parent's valid choices."""
        day = choices["day"]
        factors = choices["factors"]
        tried = set(choices["tried"])
        applies = {"always"}
        if day >= PLAN_DAY_AFTER_72_HOURS:
            applies.add("after-72-hours")
        if factors:
            applies.add("risk-factor")
        if tried & self.topping_up_keys():
            applies.add("topping-up")
        return {
            "day": day,
            "factors": factors,
            "tried": [label for key, label in self.tried_choices() if key in tried],
            "questions": [
                block.value["text"] for block in self.questions if block.value["applies"] in applies
            ],
            "log_rows": range(1, self.log_rows + 1),
        }

    def serve(self, request, *args, **kwargs):
        factors = list(
            FactorPage.objects.live().public().order_by("title").only("title", "slug", "url_path")
        )
        form = AppointmentPlanForm(
            request.GET or None,
            factor_choices=[(factor.slug, factor.title) for factor in factors],
            tried_choices=self.tried_choices(),
        )
        context = self.get_context(request, *args, **kwargs)
        context["form"] = form
        status = 200
        if form.is_bound:
            if form.is_valid():
                by_slug = {factor.slug: factor for factor in factors}
                context["plan"] = self.plan_for(
                    {
                        **form.cleaned_data,
                        "factors": [by_slug[s] for s in form.cleaned_data["factor"]],
                    }
                )
            else:
                status = 400
        return TemplateResponse(
            request, self.get_template(request, *args, **kwargs), context, status=status
        )
