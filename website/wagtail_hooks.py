"""Admin registration for the content written once and shown in many places."""

from django.contrib import messages
from django.utils.formats import date_format
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from factors.viewsets import PracticalInsightViewSet
from help_contacts.viewsets import SupportContactViewSet
from website.reviews import MedicallyReviewed
from website.selectors import REVIEW_WARNING_DAYS, directory_work_waiting, pages_due_for_review


class HealthContentGroup(SnippetViewSetGroup):
    items = (PracticalInsightViewSet, SupportContactViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Health content")
    menu_name = "health-content"


register_snippet(HealthContentGroup)


class ReviewsDuePanel(Component):
    """Dashboard list of the health pages this user edits that are due for review."""

    name = "medical_reviews_due"
    template_name = "website/admin/reviews_due_panel.html"
    order = 150

    def __init__(self, *, pages):
        self.pages = pages

    def get_context_data(self, parent_context=None):
        return {
            "pages": self.pages,
            "overdue_count": sum(1 for page in self.pages if page.review_overdue),
            "within_days": REVIEW_WARNING_DAYS,
        }


@hooks.register("construct_homepage_panels")
def add_reviews_due_panel(request, panels):
    pages = pages_due_for_review(user=request.user)
    # People with no health pages to edit (directory managers) are not shown the panel.
    if pages or PagePermissionPolicy().user_has_permission(request.user, "change"):
        panels.append(ReviewsDuePanel(pages=pages))


class DirectoryPanel(Component):
    """Dashboard list of directory work: stale listings, suggested listings, problem reports."""

    name = "directory_waiting"
    template_name = "website/admin/directory_panel.html"
    order = 160

    def get_context_data(self, parent_context=None):
        return directory_work_waiting()


@hooks.register("construct_homepage_panels")
def add_directory_panel(request, panels):
    if request.user.has_perm("help_contacts.change_consultant"):
        panels.append(DirectoryPanel())


@hooks.register("before_edit_page")
def warn_when_review_overdue(request, page):
    """Tell whoever opens an overdue health page that it needs a medical review."""
    if request.method == "GET" and isinstance(page, MedicallyReviewed) and page.review_overdue:
        messages.warning(
            request,
            _t(
                "This page's medical review was due on %(date)s. It stays public; "
                "check it and submit it to Medical review."
            )
            % {"date": date_format(page.next_review_due, "j F Y")},
        )
