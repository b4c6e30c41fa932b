"""Admin pieces everyone shares: the reviews-due panel, the overdue warning, recovery codes."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _t

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from core import views
from core.models import MedicallyReviewed
from core.selectors import REVIEW_WARNING_DAYS, pages_due_for_review


class ReviewsDuePanel(Component):
    """Dashboard list of the health pages this user edits that are due for review."""

    name = "medical_reviews_due"
    template_name = "core/admin/reviews_due_panel.html"
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


@hooks.register("register_admin_urls")
def recovery_code_urls():
    return [
        path("account/recovery-codes/", views.recovery_codes, name="core_recovery_codes"),
        path(
            "account/two-step/verify/",
            views.second_factor_verify,
            name="core_second_factor_verify",
        ),
        path("account/two-step/", views.second_factor_setup, name="core_second_factor_setup"),
    ]


@hooks.register("register_account_menu_item")
def second_factor_menu_item(request):
    return {
        "url": reverse("core_second_factor_setup"),
        "label": _t("Two-step sign-in"),
        "help_text": _t("Sign in with a code from an authenticator app as well as a password."),
    }


@hooks.register("register_account_menu_item")
def recovery_codes_menu_item(request):
    return {
        "url": reverse("core_recovery_codes"),
        "label": _t("Recovery codes"),
        "help_text": _t("One-time codes that sign you in if you lose your authenticator app."),
    }
