"""Admin registration for the consultant directory."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from help_contacts.viewsets import ConsultantViewSet, ProblemReportViewSet


class DirectoryGroup(SnippetViewSetGroup):
    items = (ConsultantViewSet, ProblemReportViewSet)
    menu_icon = "site"
    menu_label = _("Directory")
    menu_name = "directory"


register_snippet(DirectoryGroup)
