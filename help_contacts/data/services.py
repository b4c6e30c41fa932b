"""Writes with rules: what happens when someone suggests a listing or reports a problem,
and what happens when a directory manager approves or rejects what the public sent.

Nothing the public sends reaches the site on its own: a suggestion is an unpublished
draft until `suggestion_approve`, and a problem report changes nothing until
`problem_report_accept` flags its listing for a person to re-verify.
"""

import logging
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log
from wagtail.models import Site
from wagtail.permissions import policy_registry

from core.models import SiteSettings
from help_contacts.data.directory_page import directory_page_find
from help_contacts.data.listing_checks import (
    CREDENTIAL_FIELDS,
    owner_change_values,
    publish_values,
)
from help_contacts.data.models import (
    Consultant,
    ListingSource,
    ProblemKind,
    ProblemReport,
    ReportOutcome,
)
from help_contacts.data.models.consultants import SUGGESTION_BEING_APPROVED

logger = logging.getLogger(__name__)

SUGGESTION_APPROVED = "help_contacts.suggestion.approve"
SUGGESTION_REJECTED = "help_contacts.suggestion.reject"
REPORT_ACCEPTED = "help_contacts.report.accept"
REPORT_REJECTED = "help_contacts.report.reject"
REVERIFICATION_REQUESTED = "help_contacts.listing.reverify"
CREDENTIAL_VERIFIED = "help_contacts.credential.verify"
OWNER_CHANGE_APPLIED = "help_contacts.listing.owner_change_apply"


SLUG_ATTEMPTS = 5


def listing_suggestion_create(*, consultant: Consultant) -> Consultant:
    """Store a suggested listing as an unpublished draft for a directory manager to approve.

    Two identical suggestions sent at the same moment both find the same free slug; the
    unique constraint stops the second, which then takes the next number.
    """
    consultant.source = ListingSource.SUGGESTION
    consultant.live = False
    consultant.last_verified = None
    for attempt in range(SLUG_ATTEMPTS):
        try:
            with transaction.atomic():
                consultant.save()
                consultant.save_revision(log_action=True)
            return consultant
        except IntegrityError:
            if (
                attempt == SLUG_ATTEMPTS - 1
                or not Consultant.objects.filter(slug=consultant.slug).exists()
            ):
                raise  # not a slug that someone else took
            consultant.pk = None
            consultant.slug = consultant.unique_slug()
    return consultant


def problem_report_create(
    *, consultant: Consultant, kind: str, details: str, reporter_email: str
) -> ProblemReport:
    return ProblemReport.objects.create(
        consultant=consultant, kind=kind, details=details, reporter_email=reporter_email
    )


# Moderation --------------------------------------------------------------------------------


class ModerationError(Exception):
    """A decision that cannot be taken on this suggestion or report as it stands now."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def user_can_moderate_suggestions(*, user) -> bool:
    """Approving a suggestion publishes a listing, so it takes the right to publish listings."""
    return policy_registry.get_by_type(Consultant).user_has_permission(user, "publish")


def user_can_moderate_reports(*, user) -> bool:
    """Accepting a report changes its listing, so it takes the right to change both."""
    return policy_registry.get_by_type(ProblemReport).user_has_permission(
        user, "change"
    ) and policy_registry.get_by_type(Consultant).user_has_permission(user, "change")


def _reason_required(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ModerationError(_("Give a reason, so the history and the submitter know why."))
    return reason


def _locked_suggestion(consultant: Consultant) -> Consultant:
    # A row lock, so two managers deciding at once cannot both act on the same suggestion.
    consultant = Consultant.objects.select_for_update().get(pk=consultant.pk)
    if not consultant.is_waiting_suggestion:
        raise ModerationError(
            _(
                "“%(name)s” is not a suggestion waiting for approval: "
                "someone has already dealt with it."
            )
            % {"name": consultant.name}
        )
    return consultant


def _locked_open_report(report: ProblemReport) -> ProblemReport:
    reports = ProblemReport.objects.select_for_update().select_related("consultant")
    report = reports.get(pk=report.pk)
    if report.resolved:
        raise ModerationError(_("This problem report has already been resolved."))
    return report


@transaction.atomic
def suggestion_approve(*, consultant: Consultant, user) -> Consultant:
    """Publish a suggested listing, as its latest draft stands, verified today by `user`.

    Approving is the directory manager's statement that they have checked the details,
    so the listing goes live with today as its last verified date. Publishing goes through
    Wagtail's revision publish, so the history records who approved it and when.
    """
    if not user_can_moderate_suggestions(user=user):
        raise PermissionDenied
    consultant = _locked_suggestion(consultant)
    draft = consultant.get_latest_revision_as_object()
    draft.last_verified = timezone.localdate()
    try:
        revision = draft.save_revision(user=user, log_action=True)
    except ValidationError as error:
        raise ModerationError(
            _("This listing cannot be published yet: %(errors)s Edit it, then approve it.")
            % {"errors": " ".join(error.messages)}
        ) from error
    approving = SUGGESTION_BEING_APPROVED.set(consultant.pk)
    try:
        consultant.publish(revision, user=user)
    finally:
        SUGGESTION_BEING_APPROVED.reset(approving)
    consultant.refresh_from_db()
    log(instance=consultant, action=SUGGESTION_APPROVED, user=user)
    _email_submitter(
        to=consultant.submitter_email,
        template="suggestion_approved",
        context={"consultant": consultant, "listing_url": _listing_url(consultant)},
    )
    return consultant


@transaction.atomic
def suggestion_reject(*, consultant: Consultant, user, reason: str) -> Consultant:
    """Keep a suggested listing unpublished for good, with the reason, and out of the queue.

    The draft is kept rather than deleted, so the decision and what was sent can be
    looked up later and the same suggestion is recognised if it comes again.
    """
    if not user_can_moderate_suggestions(user=user):
        raise PermissionDenied
    reason = _reason_required(reason)
    consultant = _locked_suggestion(consultant)
    consultant.rejected_at = timezone.now()
    consultant.rejection_reason = reason
    consultant.save(update_fields=["rejected_at", "rejection_reason", "updated_at"])
    log(instance=consultant, action=SUGGESTION_REJECTED, user=user, data={"reason": reason})
    _email_submitter(
        to=consultant.submitter_email,
        template="suggestion_rejected",
        context={"consultant": consultant, "reason": reason},
    )
    return consultant


@transaction.atomic
def problem_report_accept(*, report: ProblemReport, user) -> ProblemReport:
    """Agree that a listing may be wrong: flag it to be re-verified and resolve the report.

    The listing itself is not changed or unpublished here; a person checks it with the
    consultant, corrects it, and records the check by setting its last verified date.
    """
    if not user_can_moderate_reports(user=user):
        raise PermissionDenied
    report = _locked_open_report(report)
    if report.kind == ProblemKind.OWNER_CHANGE:
        return _owner_change_accept(report, user=user)
    consultant = report.consultant
    if not consultant.reverification_requested:  # an earlier, still open request stands
        consultant.verification_requested_at = timezone.now()
        consultant.save(update_fields=["verification_requested_at", "updated_at"])
    log(
        instance=consultant,
        action=REVERIFICATION_REQUESTED,
        user=user,
        data={"report": report.pk, "problem": report.get_kind_display()},
    )
    _resolve(report, user=user, outcome=ReportOutcome.ACCEPTED)
    log(instance=report, action=REPORT_ACCEPTED, user=user)
    _email_submitter(
        to=report.reporter_email,
        template="report_accepted",
        context={"report": report, "consultant": consultant},
    )
    return report


@transaction.atomic
def problem_report_reject(*, report: ProblemReport, user, reason: str) -> ProblemReport:
    """Close a problem report that does not hold up, recording why; the listing is untouched."""
    if not user_can_moderate_reports(user=user):
        raise PermissionDenied
    reason = _reason_required(reason)
    report = _locked_open_report(report)
    report.rejection_reason = reason
    _resolve(report, user=user, outcome=ReportOutcome.REJECTED)
    log(instance=report, action=REPORT_REJECTED, user=user, data={"reason": reason})
    owner = report.kind == ProblemKind.OWNER_CHANGE
    _email_submitter(
        to=report.reporter_email,
        template="owner_change_rejected" if owner else "report_rejected",
        context={"report": report, "consultant": report.consultant, "reason": reason},
    )
    return report


def _owner_change_accept(report: ProblemReport, *, user) -> ProblemReport:
    """Publish the change a listing's owner asked for (the manager has checked it).

    Applied to the listing as it is now, so anything published since stays; a manager's
    unpublished draft keeps waiting. A changed credential has not been found on the
    register yet, so its "checked on" date is cleared."""
    consultant = Consultant.objects.select_for_update().get(pk=report.consultant_id)
    if not consultant.live:
        raise ModerationError(
            _("“%(name)s” is not published, so the owner's change cannot be applied.")
            % {"name": consultant.name}
        )
    values = owner_change_values(consultant, report.proposed_changes or {})
    credential_changed = any(
        values.get(name, getattr(consultant, name)) != getattr(consultant, name)
        for name in CREDENTIAL_FIELDS
    )
    try:
        publish_values(consultant, values, user=user)
    except ValidationError as error:
        raise ModerationError(
            _("The owner's change cannot be saved as it stands: %(errors)s")
            % {"errors": " ".join(error.messages)}
        ) from error
    if credential_changed:  # kept outside revisions (MODERATION_FIELDS), so set on the row
        Consultant.objects.filter(pk=consultant.pk).update(
            credential_verified_on=None, credential_verified_by=None
        )
        consultant.credential_verified_on = consultant.credential_verified_by = None
    log(instance=consultant, action=OWNER_CHANGE_APPLIED, user=user, data={"report": report.pk})
    _resolve(report, user=user, outcome=ReportOutcome.APPLIED)
    log(instance=report, action=REPORT_ACCEPTED, user=user)
    _email_submitter(
        to=report.reporter_email,
        template="owner_change_accepted",
        context={"report": report, "consultant": consultant},
    )
    return report


# Credentials ------------------------------------------------------------------------------


def user_can_verify_credentials(*, user) -> bool:
    """Marking a credential checked changes what a live listing says, so it takes publishing."""
    return policy_registry.get_by_type(Consultant).user_has_permission(user, "publish")


@transaction.atomic
def credential_verify(*, consultant: Consultant, user) -> Consultant:
    """Record that `user` found this listing's credentials on the public register today.

    The check is also a check of the listing, so "last verified" becomes today: on the
    live listing (through a published revision, so History shows it) and, when someone
    has unpublished changes waiting, on their draft too, without publishing it.
    """
    if not user_can_verify_credentials(user=user):
        raise PermissionDenied
    consultant = Consultant.objects.select_for_update().get(pk=consultant.pk)
    if not consultant.credentials:
        raise ModerationError(
            _("“%(name)s” lists no credentials, so there is nothing to check.")
            % {"name": consultant.name}
        )
    today = timezone.localdate()
    checked = {"credential_verified_on": today, "credential_verified_by": user}
    for name, value in checked.items():
        setattr(consultant, name, value)  # copied onto every version (MODERATION_FIELDS)
    had_draft = consultant.live and consultant.has_unpublished_changes
    draft = consultant.get_latest_revision_as_object()
    draft.last_verified = today
    try:
        revision = draft.save_revision(user=user)
    except ValidationError as error:
        raise ModerationError(
            _("This listing cannot be saved as it stands: %(errors)s Edit it first.")
            % {"errors": " ".join(error.messages)}
        ) from error
    if consultant.live and not had_draft:
        revision.publish(user=user)
    elif consultant.live:
        checked["last_verified"] = today
    Consultant.objects.filter(pk=consultant.pk).update(**checked)
    consultant.refresh_from_db()
    log(instance=consultant, action=CREDENTIAL_VERIFIED, user=user)
    return consultant


def _resolve(report: ProblemReport, *, user, outcome: str) -> None:
    report.resolved = True
    report.outcome = outcome
    report.resolved_at = timezone.now()
    report.resolved_by = user
    report.save(
        update_fields=["resolved", "outcome", "rejection_reason", "resolved_at", "resolved_by"]
    )


def _listing_url(consultant: Consultant) -> str:
    directory = directory_page_find()
    full_url = directory.full_url if directory else None
    return f"{full_url}{consultant.slug}/" if full_url else ""


def _site_name() -> str:
    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site).site_name if site else ""


def _email_submitter(*, to: str, template: str, context: dict) -> None:
    """Tell whoever sent the suggestion or report what was decided, once the decision is saved.

    Rendered now, in the language the manager works in; sent after the transaction
    commits, so nobody is told about a decision that was rolled back. A mail server
    that is down is logged rather than undoing the decision.
    """
    if not to:
        return
    context = {**context, "site_name": _site_name()}
    subject = render_to_string(f"help_contacts/emails/{template}_subject.txt", context)
    body = render_to_string(f"help_contacts/emails/{template}_body.txt", context)
    transaction.on_commit(partial(_send, subject=" ".join(subject.split()), body=body, to=to))


def _send(*, subject: str, body: str, to: str) -> None:
    try:
        send_mail(subject, body, None, [to])
    except Exception:  # any transport error: the decision stands, the failure is logged
        logger.exception("Could not email the outcome of a directory submission")
