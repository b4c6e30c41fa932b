"""Admin views for support contacts."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.views.snippets import SnippetViewSet

from help_contacts.models import SupportContact


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
