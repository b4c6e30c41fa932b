"""Admin pieces every health page shares, and what each editorial role is offered.

The reviews-due panel and overdue warning; reviewer profiles (the reviewer's own account
panel and the administrators' list); wording that names the Medical review workflow; the
reviewer's request for changes shown on the content it concerns; "Awaiting your review"
first on the dashboard; dashboard search and bulk actions only for those who can use
them; and everyone's second factor (two-step sign-in and recovery codes).
"""

from django_otp_webauthn import views as webauthn_views

from django.contrib import messages
from django.urls import include, path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from django.views.i18n import JavaScriptCatalog

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.account import BaseSettingsPanel
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.pages import PagePermissionPolicy

from core import views
from core.admin_api import DocumentsForRoleViewSet, ImagesForRoleViewSet
from core.admin_roles import changes_requested_on, user_is_medical_reviewer
from core.forms import ReviewerProfileForm
from core.models import MedicallyReviewed, ReviewerProfile
from core.passkeys import PasskeyVerifyView
from core.reviews import reviewer_profile_for
from core.selectors import REVIEW_WARNING_DAYS, pages_due_for_review

# Dashboard ----------------------------------------------------------------------------------


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
            "overdue_count": sum(
                1 for page in self.pages if page.last_reviewed and page.review_overdue
            ),
            "never_count": sum(1 for page in self.pages if not page.last_reviewed),
            "within_days": REVIEW_WARNING_DAYS,
        }


class ReviewerProfileMissingPanel(Component):
    """Tells a medical reviewer without a profile that approving needs one, and where to add it."""

    name = "reviewer_profile_missing"
    template_name = "core/admin/reviewer_profile_missing_panel.html"
    order = 10

    def get_context_data(self, parent_context=None):
        return {"account_url": reverse("wagtailadmin_account") + "#tab-profile"}


# Wagtail's own panel, moved first: a reviewer's work comes before the lists below it.
AWAITING_REVIEW_PANEL = "workflow_objects_to_moderate"
AWAITING_REVIEW_ORDER = 50


@hooks.register("construct_homepage_panels")
def add_reviews_due_panel(request, panels):
    pages = pages_due_for_review(user=request.user)
    # People with no health pages to edit (directory managers) are not shown the panel.
    if pages or PagePermissionPolicy().user_has_permission(request.user, "change"):
        panels.append(ReviewsDuePanel(pages=pages))


@hooks.register("construct_homepage_panels")
def put_awaiting_review_first(request, panels):
    for panel in panels:
        if getattr(panel, "name", "") == AWAITING_REVIEW_PANEL:
            panel.order = AWAITING_REVIEW_ORDER
    if user_is_medical_reviewer(user=request.user) and not reviewer_profile_for(user=request.user):
        panels.append(ReviewerProfileMissingPanel())


# Reviewer profiles --------------------------------------------------------------------------


class ReviewerProfileSettingsPanel(BaseSettingsPanel):
    """The reviewer's own name and credentials, under Account → Profile."""

    name = "reviewer_profile"
    title = _("Reviewer profile")
    order = 150
    form_class = ReviewerProfileForm
    help_text = _(
        "Readers see this name and these credentials on the health content you approve. "
        "You need both before you can approve."
    )

    def is_active(self):
        return user_is_medical_reviewer(user=self.user)

    def get_form(self):
        profile = reviewer_profile_for(user=self.user) or ReviewerProfile(user=self.user)
        kwargs = {"instance": profile, "prefix": self.name}
        posted = self.request.method == "POST" and any(
            self.request.POST.get(f"{self.name}-{field}", "").strip()
            for field in ReviewerProfileForm.Meta.fields
        )
        # Bound only when the reviewer has a profile or is filling one in, so saving other
        # account settings never stops at an empty profile.
        if self.request.method == "POST" and (posted or profile.pk):
            return self.form_class(self.request.POST, **kwargs)
        return self.form_class(**kwargs)


@hooks.register("register_account_settings_panel")
def register_reviewer_profile_panel(request, user, profile):
    return ReviewerProfileSettingsPanel(request, user, profile)


class ReviewerProfileViewSet(ModelViewSet):
    """Administrators keep every reviewer's public name and credentials."""

    model = ReviewerProfile
    icon = "user"
    menu_label = _("Reviewer profiles")
    add_to_settings_menu = True
    form_fields = ["user", "display_name", "credentials"]
    list_display = ["display_name", "credentials", "user", "updated_at"]
    search_fields = ["display_name", "credentials"]
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_reviewer_profile_viewset():
    return ReviewerProfileViewSet("reviewer_profiles")


# Editing health content ---------------------------------------------------------------------


def _changes_requested_banner(request, obj):
    """The reviewer's request for changes, at the top of the content's edit page."""
    task_state = changes_requested_on(obj=obj)
    if task_state is None:
        return
    reviewer = get_user_display_name(task_state.finished_by) if task_state.finished_by else ""
    when = date_format(task_state.finished_at, "j F Y") if task_state.finished_at else ""
    intro = (
        _t("Medical review: changes requested by %(reviewer)s on %(date)s.")
        % {"reviewer": reviewer, "date": when}
        if reviewer
        else _t("Medical review: changes requested on %(date)s.") % {"date": when}
    )
    comment = (task_state.comment or "").strip()
    text = (
        format_html("{} “{}”", intro, comment)
        if comment
        else format_html("{} {}", intro, _t("No comment was left."))
    )
    messages.warning(
        request,
        format_html(
            "{} {}", text, _t("Make the changes, then choose “Submit to Medical review” again.")
        ),
    )


def _reviewer_profile_needed(request, obj):
    state = getattr(obj, "current_workflow_state", None)
    if state is None or not state.is_active:
        return
    if user_is_medical_reviewer(user=request.user) and not reviewer_profile_for(user=request.user):
        messages.warning(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                _t("You can request changes, but to approve you need a reviewer profile."),
                reverse("wagtailadmin_account") + "#tab-profile",
                _t("Add your name and credentials"),
            ),
        )


@hooks.register("before_edit_page")
def warn_when_review_overdue(request, page):
    """Tell whoever opens an overdue health page that it needs a medical review."""
    if request.method != "GET":
        return
    if isinstance(page, MedicallyReviewed) and page.review_overdue:
        messages.warning(
            request,
            _t(
                "This page's medical review was due on %(date)s. It stays public; "
                "check it and submit it to Medical review."
            )
            % {"date": date_format(page.next_review_due, "j F Y")},
        )


# django-otp-webauthn's endpoints, under the admin so its second-factor rules apply; the
# one that completes a sign-in with a passkey is ours (core/passkeys.py).
passkey_urls = [
    path(
        "registration/begin/",
        webauthn_views.BeginCredentialRegistrationView.as_view(),
        name="credential-registration-begin",
    ),
    path(
        "registration/complete/",
        webauthn_views.CompleteCredentialRegistrationView.as_view(),
        name="credential-registration-complete",
    ),
    path(
        "authentication/begin/",
        webauthn_views.BeginCredentialAuthenticationView.as_view(),
        name="credential-authentication-begin",
    ),
    path(
        "authentication/complete/",
        PasskeyVerifyView.as_view(),
        name="credential-authentication-complete",
    ),
    path(
        "jsi18n/",
        JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]),
        name="js-i18n-catalog",
    ),
]


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
        path("account/passkeys/", include((passkey_urls, "otp_webauthn"))),
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


@hooks.register("before_edit_page")
@hooks.register("before_edit_snippet")
def show_review_state(request, obj):
    if request.method == "GET" and isinstance(obj, MedicallyReviewed):
        _changes_requested_banner(request, obj)
        _reviewer_profile_needed(request, obj)


# After Wagtail's own registrations (a higher order runs later), so these replace them.
@hooks.register("construct_admin_api", order=100)
def admin_api_shows_each_role_what_its_screens_do(router):
    router.register_endpoint("images", ImagesForRoleViewSet)
    router.register_endpoint("documents", DocumentsForRoleViewSet)
