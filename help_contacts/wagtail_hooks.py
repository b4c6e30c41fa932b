"""Admin registration for the consultant directory."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from help_contacts.data import services
from help_contacts.data.selectors import directory_work_waiting
from help_contacts.web.interchange_views import ListingImportViewSet
from help_contacts.web.viewsets import ConsultantViewSet, ProblemReportViewSet


class DirectoryGroup(SnippetViewSetGroup):
    items = (ConsultantViewSet, ProblemReportViewSet, ListingImportViewSet)
    menu_icon = "site"
    menu_label = _("Directory")
    menu_name = "directory"


register_snippet(DirectoryGroup)


class DirectoryPanel(Component):
    """Dashboard list of directory work: stale listings, suggested listings, problem reports."""

    name = "directory_waiting"
    template_name = "help_contacts/admin/directory_panel.html"
    order = 160

    def get_context_data(self, parent_context=None):
        context = directory_work_waiting()
        # The panel's "Mark verified" buttons are forms: they need the page's CSRF token.
        parent_context = parent_context or {}
        context["request"] = parent_context.get("request")
        context["csrf_token"] = parent_context.get("csrf_token")
        return context


@hooks.register("construct_homepage_panels")
def add_directory_panel(request, panels):
    if request.user.has_perm("help_contacts.change_consultant"):
        panels.append(DirectoryPanel())


class ReasonFormatter(LogFormatter):
    """A decision whose reason shows as the history entry's comment."""

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("reason", "")


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    actions.register_action(
        services.SUGGESTION_APPROVED, _("Approve suggestion"), _("Suggestion approved")
    )
    actions.register_action(services.REPORT_ACCEPTED, _("Accept report"), _("Report accepted"))
    actions.register_action(
        services.CREDENTIAL_VERIFIED,
        _("Mark credential verified"),
        _("Credentials checked against the public register"),
    )

    @actions.register_action(services.SUGGESTION_REJECTED)
    class SuggestionRejected(ReasonFormatter):
        label = _("Reject suggestion")
        message = _("Suggestion rejected")

    @actions.register_action(services.REPORT_REJECTED)
    class ReportRejected(LogFormatter):
        label = _("Reject report")

        # Wagtail's history shows comments only for models with revisions, which reports lack.
        def format_message(self, log_entry):
            reason = (log_entry.data or {}).get("reason")
            if reason:
                return _("Report rejected: %(reason)s") % {"reason": reason}
            return _("Report rejected")

    @actions.register_action(services.REVERIFICATION_REQUESTED)
    class ReverificationRequested(LogFormatter):
        label = _("Request re-verification")

        def format_message(self, log_entry):
            problem = (log_entry.data or {}).get("problem")
            if problem:
                return _("Re-verification requested after a problem report: %(problem)s") % {
                    "problem": problem
                }
            return _("Re-verification requested after a problem report")
