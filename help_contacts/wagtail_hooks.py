"""Admin registration for the consultant directory."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.search import SearchArea
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter
from wagtail.snippets.action_menu import PublishMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from help_contacts.data import listing_checks, services
from help_contacts.data.models import Consultant
from help_contacts.data.retention import CONTACT_DETAILS_REMOVED
from help_contacts.data.selectors import directory_work_waiting
from help_contacts.web.interchange_views import ListingImportViewSet
from help_contacts.web.viewsets import CONSULTANT_URLS, ConsultantViewSet, ProblemReportViewSet


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
def register_owner_check_log_actions(actions):
    actions.register_action(
        listing_checks.OWNER_CONFIRMED,
        _("Confirm listing (owner)"),
        _("Confirmed as still right by the practitioner, by email"),
    )
    actions.register_action(
        listing_checks.OWNER_CHANGED,
        _("Correct listing (owner)"),
        _("Corrected by the practitioner, by email"),
    )
    actions.register_action(
        listing_checks.OWNER_REMOVED,
        _("Remove listing (owner)"),
        _("Removed by the practitioner, by email; publish it again to restore it"),
    )
    actions.register_action(
        listing_checks.OWNER_ASKED,
        _("Ask for a change (owner)"),
        _("The practitioner asked, by email, for a change a directory manager must check"),
    )


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    actions.register_action(
        services.SUGGESTION_APPROVED, _("Approve suggestion"), _("Suggestion approved")
    )
    actions.register_action(services.REPORT_ACCEPTED, _("Accept report"), _("Report accepted"))
    actions.register_action(
        services.OWNER_CHANGE_APPLIED,
        _("Apply owner's change"),
        _("The practitioner's change, checked and published by a directory manager"),
    )
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


@hooks.register("register_log_actions")
def register_retention_log_actions(actions):
    @actions.register_action(CONTACT_DETAILS_REMOVED)
    class ContactDetailsRemoved(LogFormatter):
        label = _("Remove contact details")

        def format_message(self, log_entry):
            days = (log_entry.data or {}).get("retention_days")
            return _("Sender's contact details removed, %(days)s days after the decision") % {
                "days": days
            }


# Suggested listings: approving is the only way to publish one ---------------------------------


class ApproveSuggestionMenuItem(PublishMenuItem):
    """The footer's primary action on a waiting suggestion: publishing it is approving it."""

    label = _("Approve and publish")
    icon_name = "check"
    template_name = "help_contacts/admin/approve_suggestion_menu_item.html"


@hooks.register("construct_snippet_action_menu")
def approve_is_the_suggestions_primary_action(menu_items, request, context):
    instance = context.get("instance")
    if not (isinstance(instance, Consultant) and instance.is_waiting_suggestion):
        return
    publish = next((item for item in menu_items if item.name == "action-publish"), None)
    if publish is None:  # this user may not publish listings, so may not approve either
        return
    menu_items.remove(publish)
    menu_items.insert(0, ApproveSuggestionMenuItem(order=publish.order))


@hooks.register("before_edit_snippet")
def say_it_is_an_unapproved_suggestion(request, instance):
    if (
        request.method == "GET"
        and isinstance(instance, Consultant)
        and instance.is_waiting_suggestion
    ):
        messages.warning(
            request,
            _t(
                "This is a listing suggested by the public, not yet approved. Check the "
                "details with the consultant, then choose “Approve and publish” (it goes "
                "live, verified today, and the person who suggested it is emailed) or "
                "“Reject suggestion” from the ⋯ menu."
            ),
        )


@hooks.register("before_publish")
def publish_a_suggestion_by_approving_it(request, instance):
    """Publishing a waiting suggestion from its edit screen (or by reverting) approves it.

    The edit has already been saved as the newest draft; the approval service publishes
    it, records the decision and emails the person who suggested it, as every other route
    to approval does.
    """
    if not (isinstance(instance, Consultant) and instance.is_waiting_suggestion):
        return None
    edit_url = reverse(f"{CONSULTANT_URLS}:edit", args=[instance.pk])
    try:
        services.suggestion_approve(consultant=instance, user=request.user)
    except services.ModerationError as error:
        messages.error(request, error.message)
        return redirect(edit_url)
    messages.success(request, _t("“%(name)s” approved and published.") % {"name": instance.name})
    return redirect(reverse(f"{CONSULTANT_URLS}:list") + "?status=waiting")


# Search: directory managers search listings, not pages they cannot open ---------------------


class ListingSearchArea(SearchArea):
    def is_shown(self, request):
        return request.user.has_perm("help_contacts.change_consultant")


@hooks.register("register_admin_search_area")
def register_listing_search_area():
    return ListingSearchArea(
        _("Consultant listings"),
        reverse(f"{CONSULTANT_URLS}:list"),
        name="consultant-listings",
        icon_name="user",
        order=200,
    )
