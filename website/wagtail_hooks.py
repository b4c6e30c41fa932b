"""Admin registration that spans the apps: the health content menu."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.viewsets import WarningSignsViewSet
from factors.viewsets import PracticalInsightViewSet
from help_contacts.web.viewsets import SupportContactViewSet


class HealthContentGroup(SnippetViewSetGroup):
    items = (PracticalInsightViewSet, SupportContactViewSet, WarningSignsViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Health content")
    menu_name = "health-content"


register_snippet(HealthContentGroup)
