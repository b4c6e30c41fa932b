"""Admin views for the snippets core defines."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn
from wagtail.snippets.views.snippets import SnippetViewSet

from core.models import WarningSigns


class WarningSignsViewSet(SnippetViewSet):
    model = WarningSigns
    icon = "warning"
    menu_label = _("Warning signs")
    list_display = ["title", UpdatedAtColumn(), LiveStatusTagColumn()]
    list_filter = ["live"]
    search_fields = ["title"]
    ordering = ["title"]
