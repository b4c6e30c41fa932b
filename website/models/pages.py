"""Site-wide pages: the home page, topics and the articles in them."""

import hashlib
import json
import math

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import ReferenceBlock
from core.models import BasePage, HealthPage, MedicallyReviewed
from core.search_weights import BODY_BOOST, INTRO_BOOST, page_search_fields
from core.site_cache import site_cached
from factors.models import FactorIndexPage
from website.blocks import BodyStreamBlock
from website.models.guides import AppointmentPlanPage, FirstDaysPage

WORDS_PER_MINUTE = 200
INTRO_FEATURES = ["bold", "italic", "link"]


class HomePage(BasePage):
    """The front door: what the site is for, the articles and finding support."""

    heading = models.CharField(_("heading"), max_length=160)
    intro = RichTextField(_("introduction"), features=INTRO_FEATURES, blank=True)
    support_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("find-support page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the home page's 'find support near you' button leads."),
    )
    support_text = models.CharField(
        _("find-support text"),
        max_length=240,
        blank=True,
        default="Search for a lactation consultant near you by town, city or ZIP code.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("heading"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [PageChooserPanel("support_page"), FieldPanel("support_text")],
            heading=_("Finding support"),
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "website.ArticleIndexPage",
        "website.StandardPage",
        "factors.FactorIndexPage",
        "help_contacts.DirectoryPage",
        "website.FirstDaysPage",
        "website.AppointmentPlanPage",
    ]
    max_count = 1
    template = "website/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = ArticleIndexPage.objects.child_of(self).live().public()
        context["articles"] = (
            ArticlePage.objects.descendant_of(self)
            .live()
            .public()
            .order_by("-first_published_at")[:6]
        )
        context["factor_index"] = FactorIndexPage.objects.child_of(self).live().public().first()
        context["first_days"] = FirstDaysPage.objects.child_of(self).live().public().first()
        context["plan_page"] = AppointmentPlanPage.objects.child_of(self).live().public().first()
        return context


class StandardPage(BasePage):
    """A plain page for things like 'About us' or the privacy notice."""

    intro = RichTextField(_("introduction"), features=INTRO_FEATURES, blank=True)
    body = StreamField(BodyStreamBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = page_search_fields(
        index.SearchField("intro", boost=INTRO_BOOST),
        index.SearchField("body", boost=BODY_BOOST),
    )

    parent_page_types = ["website.HomePage", "website.StandardPage"]
    subpage_types = ["website.StandardPage"]
    template = "website/standard_page.html"

    class Meta:
        verbose_name = _("standard page")


class ArticleIndexPage(BasePage):
    """A topic, such as 'Breastfeeding issues', that gathers articles."""

    intro = RichTextField(_("introduction"), features=INTRO_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = page_search_fields(index.SearchField("intro", boost=INTRO_BOOST))

    parent_page_types = ["website.HomePage"]
    subpage_types = ["website.ArticlePage"]
    template = "website/article_index_page.html"
    articles_per_page = 12

    class Meta:
        verbose_name = _("article index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.child_of(self).live().public().order_by("title")
        context["articles"] = Paginator(articles, self.articles_per_page).get_page(
            request.GET.get("page")
        )
        return context


class ArticlePage(HealthPage):
    """A plain-language article for parents, built from factors and support contacts."""

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        help_text=_("The article's answer in a sentence or two. Also used as its summary."),
    )
    body = StreamField(BodyStreamBlock())
    references = StreamField([("reference", ReferenceBlock())], blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("related_links", heading=_("Related articles"), label=_("Related article")),
        FieldPanel("references"),
        *MedicallyReviewed.review_panels,
    ]
    search_fields = page_search_fields(
        index.SearchField("intro", boost=INTRO_BOOST),
        index.SearchField("body", boost=BODY_BOOST),
    )

    parent_page_types = ["website.ArticleIndexPage"]
    subpage_types = []
    template = "website/article_page.html"

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    @cached_property
    def reading_time(self):
        """Minutes to read the intro and body at an unhurried pace, never less than one.

        Counting reads every factor and insight the body shows, so the answer is kept in
        the site cache (any publish or insight change clears it) under this very text: a
        draft being previewed is counted afresh."""
        if not settings.RENDER_CACHE:
            return self._reading_time()
        content = json.dumps([self.intro, self.body.raw_data], sort_keys=True, default=str)
        key = "reading-time:" + hashlib.sha256(content.encode()).hexdigest()
        return site_cached(key, self._reading_time)

    def _reading_time(self) -> int:
        text = [self.intro, *self.body.stream_block.get_searchable_content(self.body)]
        words = sum(len(str(chunk).split()) for chunk in text)
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    def reviewed_parts(self, context):
        """Whatever health content the body's blocks show (factors, insights, contacts)."""
        return [part for block in self.body for part in getattr(block.value, "reviewed_parts", ())]

    @property
    def related_articles(self):
        return [
            link.related_page
            for link in self.related_links.select_related("related_page")
            if link.related_page.live
        ]


class ArticleRelatedLink(Orderable):
    """Another article an editor suggests reading next."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_links")
    related_page = models.ForeignKey(
        "website.ArticlePage", on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("related_page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related article")
