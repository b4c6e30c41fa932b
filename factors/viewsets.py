"""Admin views for practical insights."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, LiveStatusTagColumn, UpdatedAtColumn
from wagtail.snippets.views.snippets import SnippetViewSet

from factors.models import PracticalInsight


class PracticalInsightViewSet(SnippetViewSet):
    model = PracticalInsight
    icon = "pick"
    menu_label = _("Practical insights")
    list_display = [
        "title",
        Column("factor_count", label=_("Factors using it"), sort_key="factor_count"),
        UpdatedAtColumn(),
        LiveStatusTagColumn(),
    ]
    list_filter = ["live"]
    search_fields = ["title", "body"]
    ordering = ["title"]
    list_export = ["title", "body", "live", "updated_at"]
    export_filename = "practical-insights"

    def get_queryset(self, request):
        # How widely an insight is shared tells an editor how far an edit will reach.
        return PracticalInsight.objects.annotate(factor_count=Count("factor_links"))
