"""Admin views where a directory manager decides on what the public sent.

Each is a confirmation page with a POST form (a GET never changes anything), reached
from the listing and edit views' buttons, and calls one function in `services`.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from help_contacts.data import services
from help_contacts.data.models import Consultant, ProblemKind, ProblemReport


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Kept in the history, and sent to the person who wrote in if they gave an email."
        ),
    )

    def clean_reason(self):
        return self.cleaned_data["reason"].strip()


class ModerationView(WagtailAdminTemplateMixin, FormView):
    """Confirm one decision on one suggestion or report, then hand it to a service."""

    template_name = "help_contacts/admin/confirm_moderation.html"
    form_class = forms.Form
    http_method_names = ["get", "post"]
    # Filled in by the viewset.
    model = None
    index_url_name = None
    edit_url_name = None
    breadcrumbs_items = None
    header_icon = ""
    # Set by each decision.
    page_title = ""
    confirmation_message = ""
    submit_label = ""
    button_classname = "button"
    success_message = ""

    def user_may_decide(self, user) -> bool:
        raise NotImplementedError

    def get_queryset(self):
        return self.model._default_manager.all()

    def decide(self, form):
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        # Permission first, so the answer never tells an outsider which ids exist.
        if not self.user_may_decide(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def object(self):
        return get_object_or_404(self.model._default_manager.all(), pk=self.kwargs["pk"])

    @cached_property
    def already_decided(self) -> bool:
        return not self.get_queryset().filter(pk=self.object.pk).exists()

    def get(self, request, *args, **kwargs):
        if self.already_decided:
            return self.render_already_decided()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.already_decided:
            return self.render_already_decided()
        return super().post(request, *args, **kwargs)

    def render_already_decided(self):
        # 409: the request was fine once, but someone has decided since.
        return self.render_to_response(self.get_context_data(already_decided=True), status=409)

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *(self.breadcrumbs_items or []),
            {
                "url": reverse(self.index_url_name),
                "label": self.model._meta.verbose_name_plural.capitalize(),
            },
            {"url": "", "label": self.get_page_title(), "sublabel": str(self.object)},
        ]

    def get_success_url(self):
        return reverse(self.index_url_name) + self.index_query

    index_query = ""
    already_decided_message = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if context.get("already_decided"):
            context["already_decided_message"] = self.already_decided_message
        context.update(
            object=self.object,
            model_opts=self.model._meta,
            confirmation_message=self.confirmation_message,
            submit_label=self.submit_label,
            button_classname=self.button_classname,
            cancel_url=self.get_success_url(),
            edit_url=reverse(self.edit_url_name, args=[self.object.pk]),
        )
        return context

    def form_valid(self, form):
        try:
            self.decide(form)
        except services.ModerationError as error:
            form.add_error(None, error.message)
            return self.render_to_response(self.get_context_data(form=form), status=409)
        messages.success(self.request, self.success_message % {"object": str(self.object)})
        return redirect(self.get_success_url())

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class SuggestionModerationView(ModerationView):
    model = Consultant
    already_decided_message = _(
        "This listing is not a suggestion waiting for approval: someone has already approved "
        "or rejected it, or it was not suggested through the website."
    )
    index_query = "?status=waiting"
    template_name = "help_contacts/admin/confirm_suggestion.html"

    def user_may_decide(self, user):
        return services.user_can_moderate_suggestions(user=user)

    def get_queryset(self):
        return Consultant.objects.awaiting_review()


class SuggestionApproveView(SuggestionModerationView):
    page_title = _("Approve suggested listing")
    confirmation_message = _(
        "Approving publishes this listing in the directory as its latest draft stands, with "
        "today as its last verified date. Approve it only once you have checked the details "
        "with the consultant."
    )
    submit_label = _("Yes, publish it")
    success_message = _("“%(object)s” approved and published.")

    def decide(self, form):
        services.suggestion_approve(consultant=self.object, user=self.request.user)


class SuggestionRejectView(SuggestionModerationView):
    form_class = ReasonForm
    page_title = _("Reject suggested listing")
    confirmation_message = _(
        "Rejecting keeps this listing unpublished and takes it out of the queue. It is kept, "
        "with your reason, so the decision can be looked up later."
    )
    submit_label = _("Reject it")
    button_classname = "button serious"
    success_message = _("Suggestion “%(object)s” rejected.")

    def decide(self, form):
        services.suggestion_reject(
            consultant=self.object, user=self.request.user, reason=form.cleaned_data["reason"]
        )


class ReportModerationView(ModerationView):
    model = ProblemReport
    already_decided_message = _("This problem report has already been resolved.")
    template_name = "help_contacts/admin/confirm_report.html"

    def user_may_decide(self, user):
        return services.user_can_moderate_reports(user=user)

    def get_queryset(self):
        return ProblemReport.objects.open().select_related("consultant")


class ReportAcceptView(ReportModerationView):
    page_title = _("Accept problem report")
    confirmation_message = _(
        "Accepting resolves this report and flags the listing to be re-verified. The listing "
        "stays as it is until someone checks it with the consultant, corrects it and "
        "publishes it with a new last verified date."
    )
    submit_label = _("Yes, accept it")
    success_message = _(
        "Report accepted: “%(object)s”. The listing is flagged for re-verification."
    )
    # An owner's own change (from the listing-check email) is applied on accepting.
    owner_change_confirmation = _(
        "Accepting publishes the change the listing's owner asked for, shown under Details, "
        "and tells them by email. Check it first: for a credential, find the person on the "
        "certifying body's public register (its “checked on” date is cleared until you mark "
        "it verified); for an address, the map pin is placed again from it."
    )
    owner_change_success = _("The owner's change to “%(object)s” is published.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.kind == ProblemKind.OWNER_CHANGE:
            context["confirmation_message"] = self.owner_change_confirmation
        return context

    def form_valid(self, form):
        if self.object.kind == ProblemKind.OWNER_CHANGE:
            self.success_message = self.owner_change_success
        return super().form_valid(form)

    def decide(self, form):
        services.problem_report_accept(report=self.object, user=self.request.user)


class ReportRejectView(ReportModerationView):
    form_class = ReasonForm
    page_title = _("Reject problem report")
    confirmation_message = _("Rejecting resolves this report and leaves the listing as it is.")
    submit_label = _("Reject it")
    button_classname = "button serious"
    success_message = _("Report rejected: “%(object)s”.")

    def decide(self, form):
        services.problem_report_reject(
            report=self.object, user=self.request.user, reason=form.cleaned_data["reason"]
        )


class CredentialVerifyView(ModerationView):
    """Mark a listing's credentials checked against the public register, today, by you.

    The dashboard's queue posts here straight from its "Mark verified" buttons (one
    click); the listing's menus open this page first, which shows what to look up.
    """

    model = Consultant
    already_decided_message = _("This listing lists no credentials, so there is nothing to check.")
    template_name = "help_contacts/admin/confirm_credential.html"
    page_title = _("Mark credential verified")
    confirmation_message = _(
        "Confirm only once you have found this person, with this certification number, on "
        "the certifying body's public register (for an IBCLC, the IBLCE register). The "
        "listing will show the check with today's date, and its last verified date becomes "
        "today."
    )
    submit_label = _("Yes, I checked the register")
    success_message = _("Credentials of “%(object)s” marked verified today.")

    def user_may_decide(self, user):
        return services.user_can_verify_credentials(user=user)

    def get_queryset(self):
        return Consultant.objects.exclude(credentials=[])

    def get_success_url(self):
        next_url = self.request.POST.get("next", "")
        if next_url and url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={self.request.get_host()}, require_https=False
        ):
            return next_url
        return reverse(self.edit_url_name, args=[self.object.pk])

    def decide(self, form):
        services.credential_verify(consultant=self.object, user=self.request.user)
