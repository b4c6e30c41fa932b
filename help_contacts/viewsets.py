"""Admin views for support contacts and the consultant directory."""

import django_filters

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.views.snippets import SnippetViewSet

from help_contacts.choices import Language, Service
from help_contacts.models import Consultant, ProblemReport, SupportContact
from help_contacts.models.consultants import STALE_AFTER_DAYS


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


class ConsultantFilterSet(WagtailFilterSet):
    city = django_filters.CharFilter(label=_("Town or city"), lookup_expr="icontains")
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=Language.choices, method="filter_choice_list"
    )
    service = django_filters.ChoiceFilter(
        label=_("Service"), choices=Service.choices, method="filter_choice_list"
    )
    accepting_new_clients = django_filters.BooleanFilter(label=_("Accepting new clients"))
    not_verified = django_filters.BooleanFilter(
        label=_("Not verified for 12 months"),
        method="filter_not_verified",
        widget=django_filters.widgets.BooleanWidget,
    )

    class Meta:
        model = Consultant
        fields = ["city", "live", "source", "accepting_new_clients"]

    def filter_choice_list(self, queryset, name, value):
        field = {"language": "languages", "service": "services"}[name]
        return queryset.filter(**{f"{field}__icontains": f'"{value}"'}) if value else queryset

    def filter_not_verified(self, queryset, name, value):
        if value is None:
            return queryset
        cutoff = timezone.localdate() - timezone.timedelta(days=STALE_AFTER_DAYS)
        stale = Q(last_verified__isnull=True) | Q(last_verified__lt=cutoff)
        return queryset.filter(stale) if value else queryset.exclude(stale)


class ConsultantViewSet(SnippetViewSet):
    model = Consultant
    icon = "user"
    menu_label = _("Consultant listings")
    menu_order = 100
    list_display = ["name", "city", "country", "accepting_new_clients", "last_verified", "live"]
    filterset_class = ConsultantFilterSet
    search_fields = ["name", "practice_name", "city", "postcode", "email"]
    ordering = ["name"]
    list_per_page = 50
    list_export = [
        "name",
        "practice_name",
        "credentials",
        "street_address",
        "city",
        "region",
        "postcode",
        "country",
        "latitude",
        "longitude",
        "phone",
        "email",
        "website",
        "languages",
        "services",
        "costs",
        "specialties",
        "home_visit_radius_km",
        "accepting_new_clients",
        "last_verified",
        "source",
        "live",
    ]
    export_headings = {"live": _("Published")}
    export_filename = "consultant-listings"


class ProblemReportViewSet(SnippetViewSet):
    model = ProblemReport
    icon = "warning"
    menu_label = _("Problem reports")
    menu_order = 200
    list_display = ["consultant", "kind", "created_at", "resolved"]
    list_filter = ["kind", "resolved"]
    search_fields = ["details", "consultant__name"]
    ordering = ["resolved", "-created_at"]
    list_export = ["consultant", "kind", "details", "reporter_email", "created_at", "resolved"]
    export_filename = "problem-reports"
