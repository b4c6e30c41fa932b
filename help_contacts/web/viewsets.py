"""Admin views for support contacts and the consultant directory."""

import django_filters

from django.db.models import TextChoices
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet

from help_contacts.data import services
from help_contacts.data.choices import Language, Service
from help_contacts.data.models import (
    Consultant,
    ProblemKind,
    ProblemReport,
    ReportOutcome,
    SupportContact,
)
from help_contacts.data.models.querysets import json_list_has_any
from help_contacts.data.representations import INTERCHANGE_FIELDS
from help_contacts.web import admin_views


class SupportContactViewSet(SnippetViewSet):
    model = SupportContact
    icon = "help"
    menu_label = _("Support contacts")
    list_display = ["name", "kind", "phone", "live", "updated_at"]
    list_filter = ["kind", "live"]
    search_fields = ["name", "summary"]
    ordering = ["sort_order", "name"]
    list_export = ["name", "kind", "summary", "phone", "website", "live"]
    export_filename = "support-contacts"


class ListingStatus(TextChoices):
    WAITING = "waiting", _("Suggestions waiting for approval")
    REVERIFY = "reverify", _("To re-verify after a problem report")
    REJECTED = "rejected", _("Rejected suggestions")
    CREDENTIAL_DUE = "credential-due", _("Credentials to check against the register")


class ConsultantFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Needs action"),
        choices=ListingStatus.choices,
        method="filter_status",
        empty_label=_("All listings except rejected suggestions"),
    )
    city = django_filters.CharFilter(label=_("Town or city"), lookup_expr="icontains")
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=Language.choices, method="filter_choice_list"
    )
    service = django_filters.ChoiceFilter(
        label=_("Service"), choices=Service.choices, method="filter_choice_list"
    )
    accepting_new_clients = django_filters.BooleanFilter(label=_("Accepting new clients"))
    not_verified = django_filters.BooleanFilter(
        label=_("Not verified recently"),
        method="filter_not_verified",
        widget=django_filters.widgets.BooleanWidget,
    )

    class Meta:
        model = Consultant
        fields = ["city", "live", "source", "accepting_new_clients"]

    def filter_choice_list(self, queryset, name, value):
        field = {"language": "languages", "service": "services"}[name]
        return queryset.filter(json_list_has_any(field, [value])) if value else queryset

    def filter_status(self, queryset, name, value):
        narrowed = {
            ListingStatus.WAITING: queryset.awaiting_review,
            ListingStatus.REVERIFY: queryset.needs_reverification,
            ListingStatus.REJECTED: queryset.rejected,
            ListingStatus.CREDENTIAL_DUE: queryset.credential_check_due,
        }
        return narrowed[value]() if value in narrowed else queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        # Rejected suggestions are kept for the record, not to clutter the everyday list.
        if self.form.cleaned_data.get("status") != ListingStatus.REJECTED:
            queryset = queryset.without_rejected()
        return queryset

    def filter_not_verified(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.not_verified_for() if value else queryset.verified_within()


CONSULTANT_URLS = "wagtailsnippets_help_contacts_consultant"
REPORT_URLS = "wagtailsnippets_help_contacts_problemreport"


def suggestion_buttons(instance, user, *, approve=True):
    if not (instance.is_waiting_suggestion and services.user_can_moderate_suggestions(user=user)):
        return []
    reject = Button(
        _("Reject suggestion"),
        url=reverse(f"{CONSULTANT_URLS}:reject_suggestion", args=[instance.pk]),
        icon_name="cross",
        priority=2,
    )
    if not approve:
        return [reject]
    return [
        Button(
            _("Approve and publish"),
            url=reverse(f"{CONSULTANT_URLS}:approve_suggestion", args=[instance.pk]),
            icon_name="check",
            priority=1,
        ),
        reject,
    ]


def report_buttons(instance, user):
    if instance.resolved or not services.user_can_moderate_reports(user=user):
        return []
    return [
        Button(
            _("Accept: publish the owner's change")
            if instance.kind == ProblemKind.OWNER_CHANGE
            else _("Accept: re-verify the listing"),
            url=reverse(f"{REPORT_URLS}:accept_report", args=[instance.pk]),
            icon_name="check",
            priority=1,
        ),
        Button(
            _("Reject report"),
            url=reverse(f"{REPORT_URLS}:reject_report", args=[instance.pk]),
            icon_name="cross",
            priority=2,
        ),
    ]


def credential_buttons(instance, user):
    if not (instance.credentials and services.user_can_verify_credentials(user=user)):
        return []
    return [
        Button(
            _("Mark credential verified"),
            url=reverse(f"{CONSULTANT_URLS}:verify_credential", args=[instance.pk]),
            icon_name="success",
            priority=3,
        )
    ]


def listing_buttons(instance, user):
    return [*suggestion_buttons(instance, user), *credential_buttons(instance, user)]


class DecisionButtonsIndexView(IndexView):
    """A listing whose rows offer the item's pending decisions in their "More" menu."""

    decision_buttons = None  # (instance, user) -> [Button]

    def get_list_more_buttons(self, instance):
        own = type(self).decision_buttons(instance, self.request.user)
        return [*own, *super().get_list_more_buttons(instance)]


class DecisionButtonsEditView(EditView):
    """An edit view with the item's pending decisions in the header's actions menu."""

    decision_buttons = None  # (instance, user) -> [Button]

    @cached_property
    def header_more_buttons(self):
        own = type(self).decision_buttons(self.object, self.request.user)
        return [*own, *super().header_more_buttons]


class ConsultantIndexView(DecisionButtonsIndexView):
    decision_buttons = staticmethod(listing_buttons)


def suggestion_edit_buttons(instance, user):
    # On the edit screen, approving is the footer's primary action ("Approve and publish",
    # which saves the edits first); the header offers only rejecting.
    return [
        *suggestion_buttons(instance, user, approve=False),
        *credential_buttons(instance, user),
    ]


class ConsultantEditView(DecisionButtonsEditView):
    decision_buttons = staticmethod(suggestion_edit_buttons)


class ProblemReportIndexView(DecisionButtonsIndexView):
    decision_buttons = staticmethod(report_buttons)


class ProblemReportEditView(DecisionButtonsEditView):
    decision_buttons = staticmethod(report_buttons)


class ModerationViewSetMixin:
    """Adds the decision views to a snippet viewset, under its own URL namespace."""

    moderation_views = {}

    def get_urlpatterns(self):
        common = {
            "index_url_name": self.get_url_name("list"),
            "edit_url_name": self.get_url_name("edit"),
            "breadcrumbs_items": self.breadcrumbs_items,
            "header_icon": self.icon,
        }
        return [
            *super().get_urlpatterns(),
            *(
                path(f"{name.replace('_', '-')}/<int:pk>/", view.as_view(**common), name=name)
                for name, view in self.moderation_views.items()
            ),
        ]


class ConsultantViewSet(ModerationViewSetMixin, SnippetViewSet):
    model = Consultant
    icon = "user"
    menu_label = _("Consultant listings")
    menu_order = 100
    index_view_class = ConsultantIndexView
    edit_view_class = ConsultantEditView
    moderation_views = {
        "approve_suggestion": admin_views.SuggestionApproveView,
        "reject_suggestion": admin_views.SuggestionRejectView,
        "verify_credential": admin_views.CredentialVerifyView,
    }
    list_display = [
        "name",
        "city",
        "country",
        "accepting_new_clients",
        "last_verified",
        "credential_verified_on",
        Column("moderation_status", label=_("Needs action")),
        "live",
    ]
    filterset_class = ConsultantFilterSet
    search_fields = ["name", "practice_name", "city", "postcode", "email"]
    ordering = ["name"]
    list_per_page = 50
    list_export = [*INTERCHANGE_FIELDS, "source", "live"]
    export_headings = {"live": _("Published")}
    export_filename = "consultant-listings"


class ReportStatus(TextChoices):
    OPEN = "open", _("Waiting for a decision")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")
    ALL = "all", _("All reports")


class ProblemReportFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=ReportStatus.choices,
        method="filter_status",
        empty_label=_("Waiting for a decision"),
    )

    class Meta:
        model = ProblemReport
        fields = ["kind"]

    def filter_status(self, queryset, name, value):
        return queryset  # applied in filter_queryset, where an empty choice means "open"

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        status = self.form.cleaned_data.get("status") or ReportStatus.OPEN
        if status == ReportStatus.OPEN:
            return queryset.open()
        if status == ReportStatus.ACCEPTED:
            return queryset.filter(outcome=ReportOutcome.ACCEPTED)
        if status == ReportStatus.REJECTED:
            return queryset.filter(outcome=ReportOutcome.REJECTED)
        return queryset


class ProblemReportViewSet(ModerationViewSetMixin, SnippetViewSet):
    model = ProblemReport
    icon = "warning"
    menu_label = _("Problem reports")
    menu_order = 200
    index_view_class = ProblemReportIndexView
    edit_view_class = ProblemReportEditView
    moderation_views = {
        "accept_report": admin_views.ReportAcceptView,
        "reject_report": admin_views.ReportRejectView,
    }
    list_display = ["consultant", "kind", "created_at", "resolved", "outcome"]
    filterset_class = ProblemReportFilterSet
    search_fields = ["details", "consultant__name"]
    ordering = ["resolved", "-created_at"]
    list_export = [
        "consultant",
        "kind",
        "details",
        "reporter_email",
        "created_at",
        "resolved",
        "outcome",
        "rejection_reason",
    ]
    export_filename = "problem-reports"
