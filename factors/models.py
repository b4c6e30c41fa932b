"""Why milk can be slow to come in: factor pages and the practical insights they share."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, ReferenceIndex
from wagtail.search import index

from core.blocks import ReferenceBlock
from core.models import HealthPage, ReviewedSnippet
from core.search_weights import BODY_BOOST, INTRO_BOOST, SHOWN_SNIPPET_BOOST, page_search_fields
from help_contacts.data.choices import Specialty

SIMPLE_RICH_TEXT = ["bold", "italic", "link", "ul", "ol"]


class FactorTopic(models.TextChoices):
    """Where a factor comes from in a parent's story. It says nothing about the evidence:
    each factor's evidence note, with its references, does that."""

    BIRTH = "birth", _("Your baby's birth")
    HEALTH = "health", _("Your health and body")
    FEEDING = "feeding", _("How feeding gets started")


OTHER_FACTORS = _("Other things that can play a part")


class PracticalInsight(ReviewedSnippet):
    """A practical tip written once and shown on every factor it helps with."""

    title = models.CharField(_("title"), max_length=160)
    body = RichTextField(_("insight"), features=SIMPLE_RICH_TEXT)
    references = StreamField(
        [("reference", ReferenceBlock())],
        blank=True,
        help_text=_(
            "The published guidance this tip comes from. It is shown beside the tip wherever "
            "the tip appears."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("body"),
        FieldPanel("references"),
        *ReviewedSnippet.review_panels,
    ]

    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("body"),
        index.FilterField("live"),
    ]

    class Meta:
        ordering = ["title"]
        verbose_name = _("practical insight")
        verbose_name_plural = _("practical insights")

    @property
    def shown_title(self):
        """The title, as the factor pages that show this insight are searched by it."""
        return self.title

    def __str__(self):
        return self.title

    def get_preview_template(self, request, mode_name):
        return "factors/previews/practical_insight.html"

    def get_preview_context(self, request, mode_name):
        return {"insight": self, "insights": [self], "page_title": self.title}


class FactorPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "factors.FactorPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class FactorIndexPage(HealthPage):
    """The overview of everything that can slow milk down."""

    intro = RichTextField(_("introduction"), features=SIMPLE_RICH_TEXT, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = page_search_fields(index.SearchField("intro", boost=INTRO_BOOST))

    parent_page_types = ["website.HomePage"]
    subpage_types = ["factors.FactorPage"]
    max_count_per_parent = 1
    template = "factors/factor_index_page.html"

    class Meta:
        verbose_name = _("factor index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        factors = FactorPage.objects.child_of(self).live().public().order_by("path")
        context["groups"] = FactorPage.group_by_topic(factors)
        return context

    def reviewed_parts(self, context):
        return [factor for group in context["groups"] for factor in group["factors"]]


class FactorPage(HealthPage):
    """A reason milk can be slow to come in, what helps and who to ask."""

    topic = models.CharField(
        _("topic"),
        max_length=20,
        choices=FactorTopic.choices,
        blank=True,
        help_text=_(
            "Articles and the factor index group factors under these headings. "
            "Leave empty for 'Other things that can play a part'."
        ),
    )
    summary = models.TextField(
        _("summary"),
        max_length=500,
        help_text=_("What this factor is, in one or two sentences. Shown in articles."),
    )
    why_it_matters = RichTextField(_("why it can affect milk supply"), features=SIMPLE_RICH_TEXT)
    evidence_note = RichTextField(
        _("what the research says"),
        features=["bold", "italic"],
        blank=True,
        help_text=_(
            "For medical reviewers: how strong the evidence is, in a sentence or two, claiming "
            "no more than the references below support."
        ),
    )
    what_helps = RichTextField(_("what helps"), features=SIMPLE_RICH_TEXT, blank=True)
    when_to_seek_help = RichTextField(_("when to seek help"), features=SIMPLE_RICH_TEXT, blank=True)
    feeding_guide = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("keeping the baby fed: guide"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Where this factor can mean the baby needs help to feed, the guide on feeding, "
            "expressing and topping up to link to."
        ),
    )
    specialty = models.CharField(
        _("directory specialty"),
        max_length=32,
        choices=Specialty.choices,
        blank=True,
        help_text=_("Consultants with this specialty are offered to readers of this page."),
    )
    tags = ClusterTaggableManager(through=FactorPageTag, blank=True)
    references = StreamField(
        [("reference", ReferenceBlock())],
        blank=True,
        help_text=_("The published sources for what this page says."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("topic"), FieldPanel("tags")], heading=_("Grouping")),
        FieldPanel("summary"),
        FieldPanel("why_it_matters"),
        FieldPanel("evidence_note"),
        InlinePanel("insight_links", heading=_("Practical insights"), label=_("Insight")),
        FieldPanel("what_helps"),
        FieldPanel("when_to_seek_help"),
        InlinePanel("contact_links", heading=_("Help to seek"), label=_("Support contact")),
        PageChooserPanel("feeding_guide"),
        FieldPanel("specialty"),
        FieldPanel("references"),
        *HealthPage.review_panels,
    ]
    search_fields = page_search_fields(
        index.SearchField("summary", boost=INTRO_BOOST),
        index.SearchField("why_it_matters", boost=BODY_BOOST),
        index.SearchField("what_helps", boost=BODY_BOOST),
        index.SearchField("when_to_seek_help", boost=BODY_BOOST),
        # The insights and contacts the page shows are searched with it, so a search for
        # "expressing" finds every factor whose insight says it.
        index.RelatedFields(
            "insight_links",
            [
                index.RelatedFields(
                    "insight",
                    [
                        # Not "title": the search index merges every field of that name
                        # into the page's own title, where it would count as the page's.
                        index.SearchField("shown_title", boost=SHOWN_SNIPPET_BOOST),
                        index.SearchField("body", boost=SHOWN_SNIPPET_BOOST),
                    ],
                )
            ],
        ),
        index.RelatedFields(
            "contact_links",
            [
                index.RelatedFields(
                    "contact",
                    [
                        index.SearchField("name", boost=SHOWN_SNIPPET_BOOST),
                        index.SearchField("summary", boost=SHOWN_SNIPPET_BOOST),
                    ],
                )
            ],
        ),
        index.FilterField("topic"),
    )

    parent_page_types = ["factors.FactorIndexPage"]
    subpage_types = []
    template = "factors/factor_page.html"

    class Meta:
        verbose_name = _("factor page")

    @staticmethod
    def group_by_topic(factors):
        """[{key, label, factors}, ...] in topic order, then those with none; no empty groups."""
        groups = []
        for value, label in [*FactorTopic.choices, ("other", OTHER_FACTORS)]:
            members = [factor for factor in factors if (factor.topic or "other") == value]
            if members:
                groups.append({"key": value, "label": label, "factors": members})
        return groups

    @property
    def live_insights(self):
        return [link.insight for link in self.insight_links.all() if link.insight.live]

    def articles_using(self):
        """Live pages (articles) whose body lists this factor, from Wagtail's reference index.

        Any page type that lists factors counts, so this app needs no knowledge of the
        article pages built on top of it.
        """
        source_ids = ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            to_content_type=ContentType.objects.get_for_model(Page),
            to_object_id=str(self.pk),
        ).values_list("object_id", flat=True)
        return (
            Page.objects.live()
            .public()
            .filter(pk__in=[int(pk) for pk in source_ids])
            .exclude(pk=self.pk)
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        """What the page shows, each part read only when the template asks for it: with the
        body in the render cache (factors/factor_page.html) a reader's request reads none."""
        context = super().get_context(request, *args, **kwargs)
        context["insights"] = SimpleLazyObject(
            lambda: [
                link.insight
                for link in self.insight_links.select_related("insight").filter(insight__live=True)
            ]
        )
        context["contacts"] = SimpleLazyObject(
            lambda: [
                link.contact
                for link in self.contact_links.select_related("contact").filter(contact__live=True)
            ]
        )
        context["articles"] = SimpleLazyObject(lambda: list(self.articles_using()))
        context["feeding_guide"] = SimpleLazyObject(self._live_feeding_guide)
        return context

    def _live_feeding_guide(self):
        guide = self.feeding_guide
        return guide if guide is not None and guide.live else None

    def reviewed_parts(self, context):
        return [*context["insights"], *context["contacts"]]


class FactorInsight(Orderable):
    """A practical insight placed on a factor page, in the editor's order."""

    page = ParentalKey(FactorPage, on_delete=models.CASCADE, related_name="insight_links")
    insight = models.ForeignKey(
        PracticalInsight, on_delete=models.PROTECT, related_name="factor_links"
    )

    panels = [FieldPanel("insight")]

    class Meta(Orderable.Meta):
        verbose_name = _("practical insight")


class FactorSupportContact(Orderable):
    """A support contact recommended on a factor page."""

    page = ParentalKey(FactorPage, on_delete=models.CASCADE, related_name="contact_links")
    contact = models.ForeignKey(
        "help_contacts.SupportContact", on_delete=models.PROTECT, related_name="factor_links"
    )

    panels = [FieldPanel("contact")]

    class Meta(Orderable.Meta):
        verbose_name = _("support contact")
