"""Admin views for practical insights."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.views.snippets import SnippetViewSet

from factors.models import PracticalInsight


class PracticalInsightViewSet(SnippetViewSet):
    model = PracticalInsight
    icon = "pick"
    menu_label = _("Practical insights")
    list_display = ["title", "live", "updated_at"]
    list_filter = ["live"]
    search_fields = ["title", "body"]
    ordering = ["title"]
    list_export = ["title", "body", "live", "updated_at"]
    export_filename = "practical-insights"
