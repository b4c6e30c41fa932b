"""The consultant directory: one listing per person or practice."""

import datetime
import re
from contextvars import ContextVar

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import (
    MaxValueValidator,
    MinValueValidator,
    RegexValidator,
    validate_email,
)
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel

from core.models import EditorialSnippet
from core.regions import tel_href
from core.validators import validate_multiline, validate_single_line
from help_contacts.data.choices import (
    Cost,
    Credential,
    Language,
    ListingSource,
    Service,
    Specialty,
)
from help_contacts.data.directory_page import directory_page_find
from help_contacts.data.models.fields import ChoiceListField, RegionCodesField
from help_contacts.data.models.places import Place
from help_contacts.data.models.querysets import (
    CREDENTIAL_CHECK_NOTICE_DAYS,
    REMOTE_SERVICES,
    ConsultantQuerySet,
    remote_ranking,
    verified_cutoff,
)

MAX_HOME_VISIT_RADIUS_KM = 150
# Listing URLs live beside these routes of the directory page, so no listing may take them.
RESERVED_SLUGS = {"suggest-a-listing", "thanks", "report", "api", "referral-sheet"}
# Moderation state belongs to the listing as a whole, not to one version of its text, so
# publishing an older draft must not bring a rejected suggestion back or clear a flag; nor
# may it undo a credential check, which only "Mark credential verified" records.
MODERATION_FIELDS = (
    *("verification_requested_at", "rejected_at", "rejection_reason"),
    *("credential_verified_on", "credential_verified_by_id"),
)
# The pk of the suggestion `services.suggestion_approve` is publishing right now, if any.
SUGGESTION_BEING_APPROVED: ContextVar[int | None] = ContextVar(
    "suggestion_being_approved", default=None
)


class SuggestionNotApproved(PermissionDenied):
    """Something tried to publish a waiting suggestion without approving it."""


class Consultant(EditorialSnippet):
    """One directory listing: a lactation consultant or supporter a parent can contact."""

    name = models.CharField(_("name"), max_length=120, validators=[validate_single_line])
    slug = models.SlugField(
        _("slug"),
        max_length=140,
        unique=True,
        blank=True,
        help_text=_("The last part of the listing's web address. Made from the name if empty."),
    )
    credentials = ChoiceListField(_("credentials"), choices_class=Credential)
    credential_number = models.CharField(
        _("certification number"),
        max_length=40,
        blank=True,
        help_text=_("For an IBCLC, the number on the IBLCE public register."),
    )
    credential_verified_on = models.DateField(
        _("credential checked on"),
        null=True,
        blank=True,
        help_text=_(
            "Set by “Mark credential verified”: the day a directory manager found this "
            "person on the certifying body's public register."
        ),
    )
    credential_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("credential checked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recertification_due = models.DateField(
        _("recertification due"),
        null=True,
        blank=True,
        help_text=_("When the credential must be renewed, as the register shows it."),
    )
    practice_name = models.CharField(
        _("practice name"), max_length=160, validators=[validate_single_line], blank=True
    )
    street_address = models.CharField(
        _("street address"), max_length=200, validators=[validate_single_line], blank=True
    )
    city = models.CharField(_("town or city"), max_length=120, validators=[validate_single_line])
    region = models.CharField(
        _("state, county or region"), max_length=120, validators=[validate_single_line], blank=True
    )
    postcode = models.CharField(
        _("postcode or ZIP code"), max_length=20, validators=[validate_single_line], blank=True
    )
    country = models.CharField(
        _("country code"),
        max_length=2,
        default="US",
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Use a two-letter code such as US or GB."))],
        help_text=_("ISO 3166 two-letter code, such as US, GB or CA."),
    )
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Leave both coordinates empty to look them up from the postcode or town."),
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    phone = models.CharField(
        _("phone"), max_length=40, validators=[validate_single_line], blank=True
    )
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    languages = ChoiceListField(_("languages"), choices_class=Language)
    services = ChoiceListField(_("services"), choices_class=Service)
    costs = ChoiceListField(_("cost"), choices_class=Cost)
    insurance_plans = models.CharField(
        _("insurance plans taken"),
        max_length=300,
        blank=True,
        help_text=_("With “Named insurance plans”: which ones, separated by commas."),
    )
    specialties = ChoiceListField(_("specialties"), choices_class=Specialty)
    home_visit_radius_km = models.PositiveSmallIntegerField(
        _("home-visit travel radius (km)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_HOME_VISIT_RADIUS_KM)],
        help_text=_("How far from the address this person travels for home visits."),
    )
    remote_regions = RegionCodesField(
        _("serves by video or phone in"),
        help_text=_(
            "Where this person may see families by video or phone: two-letter country codes "
            "(GB, CA), US-XX for a US state (US-MO), or * for anywhere. Separate with commas."
        ),
    )
    opening_hours = models.TextField(
        _("opening hours"), max_length=500, validators=[validate_multiline], blank=True
    )
    accepting_new_clients = models.BooleanField(_("accepting new clients"), default=True)
    bio = models.TextField(_("about"), max_length=2000, validators=[validate_multiline], blank=True)
    last_verified = models.DateField(
        _("last verified"),
        null=True,
        blank=True,
        help_text=_("The day a person last checked these details with the consultant."),
    )
    owner_email = models.EmailField(
        _("email for listing checks"),
        blank=True,
        help_text=_(
            "Where the request to confirm or correct this listing goes. Never shown to the "
            "public, in the API or in exports."
        ),
    )
    owner_confirmed_on = models.DateField(
        _("confirmed by the practitioner on"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The day the practitioner last confirmed the listing from its email."),
    )
    source = models.CharField(
        _("source"), max_length=20, choices=ListingSource.choices, default=ListingSource.EDITOR
    )
    submitter_contact = models.CharField(
        _("suggested by"),
        max_length=300,
        validators=[validate_single_line],
        blank=True,
        help_text=_("Who suggested this listing, for the directory manager only. Never shown."),
    )
    verification_requested_at = models.DateTimeField(
        _("re-verification requested"),
        null=True,
        blank=True,
        help_text=_(
            "Set when a problem report about this listing is accepted. It needs re-verifying "
            "until a version with a last verified date on or after that day is published."
        ),
    )
    rejected_at = models.DateTimeField(_("suggestion rejected"), null=True, blank=True)
    rejection_reason = models.TextField(_("reason for rejecting"), max_length=1000, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ConsultantQuerySet.as_manager()

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="consultant")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="consultant",
        for_concrete_model=False,
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("practice_name")],
            heading=_("Who they are"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("credentials"),
                FieldRowPanel([FieldPanel("credential_number"), FieldPanel("recertification_due")]),
                FieldRowPanel(
                    [
                        FieldPanel("credential_verified_on", read_only=True),
                        FieldPanel("credential_verified_by", read_only=True),
                    ]
                ),
            ],
            heading=_("Credentials"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("region")]),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("country")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                HelpPanel(template="help_contacts/admin/location_map_panel.html"),
            ],
            heading=_("Where they are"),
        ),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")],
            heading=_("How to reach them"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("services"),
                FieldPanel("home_visit_radius_km"),
                FieldPanel("remote_regions"),
                FieldPanel("languages"),
                FieldPanel("costs"),
                FieldPanel("insurance_plans"),
                FieldPanel("specialties"),
                FieldPanel("opening_hours"),
                FieldPanel("accepting_new_clients"),
            ],
            heading=_("What they offer"),
        ),
        FieldPanel("bio"),
        MultiFieldPanel(
            [
                FieldPanel("last_verified"),
                FieldPanel("owner_email"),
                FieldPanel("slug"),
                FieldPanel("source", read_only=True),
                FieldPanel("submitter_contact"),
                FieldPanel("verification_requested_at", read_only=True),
                FieldPanel("rejection_reason", read_only=True),
            ],
            heading=_("Checking"),
        ),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("consultant listing")
        verbose_name_plural = _("consultant listings")
        indexes = [
            # The directory's bounding-box search only ever reads published listings. On
            # PostgreSQL the index also holds every column the search filters and sorts
            # on, so ranking and counting never visit the table (SQLite ignores include).
            models.Index(
                fields=["latitude", "longitude"],
                include=[
                    *("id", "name", "practice_name", "home_visit_radius_km"),
                    *("accepting_new_clients", "languages", "services", "costs", "specialties"),
                    *("last_verified", "credentials", "credential_verified_on"),
                    "recertification_due",
                ],
                condition=models.Q(live=True),
                name="consultant_live_lat_lon",
            ),
            models.Index(fields=["city"], name="consultant_city"),
            # The remote helpers a search shows, in the order it shows them: a search walks
            # this small index and stops at the first few that serve the parent's region.
            models.Index(
                *remote_ranking(),
                name="consultant_remote_ranking",
                condition=models.Q(live=True) & ~models.Q(remote_regions=[]),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions

    def publish(self, revision, *args, **kwargs):
        """Publish, unless this is a suggestion waiting for approval and this is not its approval.

        Every route that publishes (the edit screen's footer, reverting, a workflow, a
        scheduled publish, code) comes here; only `services.suggestion_approve` may publish
        a waiting suggestion, because approving also records the decision and tells the
        person who suggested it.
        """
        if self.is_waiting_suggestion and SUGGESTION_BEING_APPROVED.get() != self.pk:
            raise SuggestionNotApproved(
                _("A suggested listing goes live only by approving it (“Approve and publish”).")
            )
        return super().publish(revision, *args, **kwargs)

    def with_content_json(self, content):
        obj = super().with_content_json(content)
        for field_name in MODERATION_FIELDS:
            setattr(obj, field_name, getattr(self, field_name))
        return obj

    # Moderation --------------------------------------------------------------------------

    # Each property below answers for one listing what a `ConsultantQuerySet` method asks
    # of many; tests/help_contacts/test_listing_rules.py checks that they agree.

    @property
    def is_waiting_suggestion(self):
        """A suggestion from the public that no one has approved or rejected yet."""
        return (
            self.source == ListingSource.SUGGESTION
            and not self.live
            and self.first_published_at is None
            and self.rejected_at is None
        )

    @property
    def reverification_requested(self):
        """A problem report was accepted and no check has been published since."""
        requested_at = self.verification_requested_at
        if requested_at is None:
            return False
        return not (
            self.last_verified is not None
            and self.last_verified >= timezone.localdate(requested_at)
            and self.last_published_at is not None
            and self.last_published_at >= requested_at
        )

    @property
    def submitter_email(self):
        """The email address in what the submitter typed as their contact, if there is one."""
        for word in re.split(r"[\s,;<>()\[\]]+", self.submitter_contact):
            if "@" not in word:
                continue
            try:
                validate_email(word)
            except ValidationError:
                continue
            return word
        return ""

    @property
    def moderation_status(self):
        """A short note for the admin listing on where a listing stands with the public's input."""
        if self.is_waiting_suggestion:
            return _("Suggestion waiting for approval")
        if self.rejected_at is not None and not self.live:
            return _("Suggestion rejected")
        if self.reverification_requested:
            return _("Re-verify: a problem was reported")
        return ""

    # Display -----------------------------------------------------------------------------

    def _labels(self, field_name):
        return self._meta.get_field(field_name).labels(getattr(self, field_name))

    @cached_property
    def credential_labels(self):
        return self._labels("credentials")

    @cached_property
    def language_labels(self):
        return self._labels("languages")

    @cached_property
    def service_labels(self):
        return self._labels("services")

    @cached_property
    def cost_labels(self):
        return self._labels("costs")

    @property
    def cost_descriptions(self) -> list[str]:
        """What each cost means for the family, naming the insurance plans when given."""
        plans = self.insurance_plans.strip()
        return [
            f"{label}: {plans}" if plans and label == Cost.INSURANCE.label else str(label)
            for label in self.cost_labels
        ]

    @cached_property
    def specialty_labels(self):
        return self._labels("specialties")

    @property
    def short_credentials(self):
        """'IBCLC, Midwife': the part of each credential's name before any explanation."""
        return ", ".join(str(label).split(" (")[0] for label in self.credential_labels)

    @property
    def phone_tel(self):
        return tel_href(self.phone)

    @property
    def is_demo(self):
        return self.source == ListingSource.DEMO

    @property
    def offers_home_visits(self):
        return Service.HOME_VISITS in (self.services or [])

    @property
    def address_lines(self):
        locality = " ".join(part for part in (self.city, self.region, self.postcode) if part)
        return [line for line in (self.practice_name, self.street_address, locality) if line]

    @property
    def needs_verification(self):
        """Nobody has checked it for the site's staleness period (`not_verified_for`)."""
        return self.last_verified is None or self.last_verified < verified_cutoff()

    @property
    def is_stale(self):
        """Not checked within the staleness period: the database's answer where the search
        computed it (`with_staleness` annotates `stale_checked`), else `needs_verification`."""
        checked = getattr(self, "stale_checked", None)
        return self.needs_verification if checked is None else checked

    @property
    def offers_remote_help(self):
        return bool(set(self.services or []) & set(REMOTE_SERVICES))

    def serves_remotely_in(self, regions):
        """Mirrors `ConsultantQuerySet.serving_remotely`: video or phone, in one of `regions`."""
        return self.offers_remote_help and bool(set(self.remote_regions or []) & set(regions))

    @property
    def credential_is_current(self):
        """Checked against a register and not past recertification (`verified_ibclc` less the
        IBCLC part)."""
        if self.credential_verified_on is None:
            return False
        due = self.recertification_due
        return due is None or due >= timezone.localdate()

    @property
    def is_verified_ibclc(self):
        return Credential.IBCLC in (self.credentials or []) and self.credential_is_current

    @property
    def credential_check_due(self):
        """Mirrors `ConsultantQuerySet.credential_check_due`."""
        if not self.credentials:
            return False
        if self.credential_verified_on is None:
            return True
        notice = timezone.localdate() + datetime.timedelta(days=CREDENTIAL_CHECK_NOTICE_DAYS)
        return self.recertification_due is not None and self.recertification_due <= notice

    # Validation: coordinates from the address when an editor leaves them out -------------

    def clean(self):
        super().clean()
        errors = {}
        if not self.offers_home_visits:
            self.home_visit_radius_km = None
        elif not self.home_visit_radius_km:
            errors["home_visit_radius_km"] = _("Say how far this person travels for home visits.")
        if self.insurance_plans.strip() and Cost.INSURANCE not in (self.costs or []):
            errors["insurance_plans"] = _(
                "Tick “Named insurance plans” under cost, or leave this empty."
            )
        if self.remote_regions and not self.offers_remote_help:
            errors["remote_regions"] = _(
                "Tick video or phone consultations under services, or leave this empty."
            )
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            errors[missing] = _("Give both latitude and longitude, or leave both empty.")
        elif self.latitude is None and self.city:
            self._geocode(errors)
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("This address is used by the directory itself. Choose another.")
        if errors:
            raise ValidationError(errors)
        if not self.slug:
            self.slug = self.unique_slug()

    def _geocode(self, errors):
        place = Place.objects.for_address(
            postcode=self.postcode, city=self.city, region=self.region, country=self.country
        )
        if place is None:
            field = "postcode" if self.postcode and not self.city else "city"
            errors[field] = _(
                "We could not find this place to put it on the map. Check the town, region, "
                "postcode and country, or enter the latitude and longitude yourself."
            )
            return
        self.latitude, self.longitude = place.latitude, place.longitude

    def unique_slug(self):
        """The name and town as a slug, numbered after any already taken; one query.

        Two listings saved at the same moment can still pick the same one; the unique
        constraint refuses the second, and `listing_suggestion_create` asks again.
        """
        base = slugify(f"{self.name} {self.city}")[:120] or "listing"
        taken = (
            set(
                Consultant.objects.exclude(pk=self.pk)
                .filter(slug__startswith=base)
                .values_list("slug", flat=True)
            )
            | RESERVED_SLUGS
        )
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        return slug

    # Preview ---------------------------------------------------------------------------

    def get_preview_template(self, request, mode_name):
        return "help_contacts/consultant_detail.html"

    def get_preview_context(self, request, mode_name):
        return {
            "consultant": self,
            "page": directory_page_find(),
            "json_ld": "",
            "is_preview": True,
        }
