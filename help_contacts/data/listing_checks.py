"""Listing owners confirm or correct their own listing from an email, without an account.

`send_listing_checks` emails each published listing whose last check is about to go stale a
signed link; the link names only a `ListingCheck` (by its random nonce), which binds it to
the listing and to the address it was sent to. It works once, for
`LISTING_CHECK_LINK_DAYS`. Every answer is a published revision of the listing, logged
with how it came ("owner, by email"), so History shows it beside the managers' own edits.
"""

import base64
import binascii
import datetime
import logging
import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, Subquery
from django.template.loader import render_to_string
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import Site

from core.models import SiteSettings
from help_contacts.data.directory_page import directory_page_find
from help_contacts.data.models import (
    CheckOutcome,
    Consultant,
    ListingCheck,
    ProblemKind,
    ProblemReport,
)
from help_contacts.data.models.querysets import verified_cutoff

logger = logging.getLogger(__name__)

SALT = "help_contacts.listing-check"
OWNER_CONFIRMED = "help_contacts.listing.owner_confirm"
OWNER_CHANGED = "help_contacts.listing.owner_change"
OWNER_REMOVED = "help_contacts.listing.owner_remove"
OWNER_ASKED = "help_contacts.listing.owner_ask"
HOW = "owner, by email"

# What an owner may change at once.
OWNER_EDITABLE_FIELDS = ("phone", "website", "opening_hours", "accepting_new_clients")
# What parents trust the listing for: the owner's changes to these wait for a directory
# manager (a problem report of kind "owner asked for a change", applied on accepting).
OWNER_PROPOSED_FIELDS = (
    *("name", "practice_name", "credentials", "credential_number"),
    *("street_address", "city", "region", "postcode", "country", "services"),
)
ADDRESS_FIELDS = ("street_address", "city", "region", "postcode", "country")
CREDENTIAL_FIELDS = ("credentials", "credential_number")


class LinkProblem(Exception):
    """The link cannot be used. `check` is set when it was genuine (used or expired), so a
    fresh link may be offered to the same address; a forged link names nothing."""

    def __init__(self, reason: str, check: ListingCheck | None = None):
        super().__init__(reason)
        self.reason = reason
        self.check = check


@dataclass(frozen=True)
class SentCheck:
    consultant_pk: int
    sent_to: str
    outcome: str  # CheckOutcome.SENT, or BOUNCED when the mail server refused the address


@dataclass(frozen=True)
class RunReport:
    """What one run of `send_listing_checks` did, for its log."""

    sent: list[SentCheck]
    reminded: list[int]  # the ListingCheck ids reminded
    expired: int  # unanswered checks whose links ran out in this run


def listings_due(*, today: datetime.date | None = None):
    """Published listings with an owner's address, going stale within the notice period,
    and not asked within the interval: oldest check first."""
    today = today or timezone.localdate()
    due_before = verified_cutoff(today=today) + datetime.timedelta(
        days=settings.LISTING_CHECK_NOTICE_DAYS
    )
    asked_lately = ListingCheck.objects.filter(
        consultant=OuterRef("pk"),
        sent_at__gte=timezone.now() - datetime.timedelta(days=settings.LISTING_CHECK_INTERVAL_DAYS),
    )
    return (
        Consultant.objects.published()
        .exclude(owner_email="")
        .filter(Q(last_verified__isnull=True) | Q(last_verified__lt=due_before))
        .exclude(Exists(asked_lately))
        .order_by("last_verified", "pk")
    )


def token_for(check: ListingCheck) -> str:
    """The check's nonce, signed with a timestamp, in URL-safe base64: Wagtail's page URLs
    take only letters, digits, "_" and "-" in a path segment, and a signature has colons."""
    signed = signing.dumps(str(check.nonce), salt=SALT, compress=False)
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def _signed(token: str) -> str:
    try:
        return base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError) as error:
        raise LinkProblem("invalid") from error


def check_for_token(token: str) -> ListingCheck:
    """The unanswered check a link names, or LinkProblem saying why not."""
    max_age = datetime.timedelta(days=settings.LISTING_CHECK_LINK_DAYS)
    token = _signed(token)
    try:
        nonce = signing.loads(token, salt=SALT, max_age=max_age)
        expired = False
    except signing.SignatureExpired:
        nonce = signing.loads(token, salt=SALT)
        expired = True
    except signing.BadSignature as error:
        raise LinkProblem("invalid") from error
    try:
        check = ListingCheck.objects.select_related("consultant").filter(nonce=nonce).first()
    except (TypeError, ValueError, ValidationError):
        check = None  # signed by us, so never expected; refused like a forgery
    if check is None or check.outcome == CheckOutcome.BOUNCED:  # a bounced link reached nobody
        raise LinkProblem("invalid")
    if check.answered_at is not None:
        raise LinkProblem("used", check)
    if not _still_bound(check, check.consultant):  # no longer the listing's (see _answer)
        raise LinkProblem("invalid")
    if expired or check.outcome == CheckOutcome.EXPIRED:
        raise LinkProblem("expired", check)
    return check


def check_url(check: ListingCheck) -> str:
    directory = directory_page_find()
    base = directory.full_url if directory else None
    if not base:
        return ""
    return base + directory.reverse_subpage("listing_check", kwargs={"token": token_for(check)})


def _site_name() -> str:
    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site).site_name if site else ""


def _mail(check: ListingCheck, *, template: str) -> None:
    consultant = check.consultant
    context = {
        "consultant": consultant,
        "link": check_url(check),
        "days": settings.LISTING_CHECK_LINK_DAYS,
        "site_name": _site_name(),
    }
    subject = render_to_string(f"help_contacts/emails/{template}_subject.txt", context)
    body = render_to_string(f"help_contacts/emails/{template}_body.txt", context)
    send_mail(" ".join(subject.split()), body, None, [check.sent_to])


def _bounced(check: ListingCheck) -> None:
    """The mail server refused the address: nobody got the link."""
    logger.warning("Listing check %s bounced: the mail server refused the address", check.pk)
    check.outcome = CheckOutcome.BOUNCED
    check.save(update_fields=["outcome"])


def send_check(consultant: Consultant, *, to: str) -> ListingCheck | None:
    """Create the check and email its link.

    An address the mail server refuses is kept as a bounced check (so the listing is not
    asked again within the interval and the manager sees it); any other failure keeps
    nothing, so the next run tries again. None when nothing went.
    """
    check = ListingCheck.objects.create(consultant=consultant, sent_to=to, sent_at=timezone.now())
    try:
        _mail(check, template="listing_check")
    except smtplib.SMTPRecipientsRefused:
        _bounced(check)
    except Exception:  # any other transport error: nothing is recorded as sent
        logger.exception("Could not send a listing check")
        check.delete()
        return None
    return check


def send_listing_checks(*, limit: int) -> RunReport:
    """Ask up to `limit` due listings' owners, remind those who have not answered, and mark
    links that ran out unanswered as expired (ignored)."""
    expired = expire_unanswered()
    sent = []
    for consultant in listings_due()[:limit]:
        check = send_check(consultant, to=consultant.owner_email)
        if check is not None:
            sent.append(SentCheck(consultant.pk, check.sent_to, check.outcome))
    reminded = send_reminders(limit=max(limit - len(sent), 0))
    return RunReport(sent=sent, reminded=reminded, expired=expired)


def _link_runs_out(now: datetime.datetime):
    """Unanswered checks whose link (from the email or its reminder) has run out by `now`."""
    cutoff = now - datetime.timedelta(days=settings.LISTING_CHECK_LINK_DAYS)
    return ListingCheck.objects.filter(outcome=CheckOutcome.SENT, sent_at__lt=cutoff).filter(
        Q(reminded_at__isnull=True) | Q(reminded_at__lt=cutoff)
    )


def expire_unanswered() -> int:
    """Mark unanswered checks whose link has run out as expired; how many."""
    return _link_runs_out(timezone.now()).update(outcome=CheckOutcome.EXPIRED)


def reminders_due():
    """Unanswered checks of live listings sent LISTING_CHECK_REMINDER_DAYS ago or more and
    not reminded yet: oldest first."""
    now = timezone.now()
    return (
        ListingCheck.objects.filter(
            outcome=CheckOutcome.SENT,
            reminded_at__isnull=True,
            sent_at__lte=now - datetime.timedelta(days=settings.LISTING_CHECK_REMINDER_DAYS),
            consultant__live=True,
        )
        .select_related("consultant")
        .order_by("sent_at", "pk")
    )


def send_reminders(*, limit: int) -> list[int]:
    """Remind up to `limit` owners once, to the address the request went to and only while
    it is still the listing's; the reminder's link is the same check, signed afresh, so it
    works for LISTING_CHECK_LINK_DAYS from the reminder. The ids reminded."""
    reminded = []
    for check in reminders_due()[:limit]:
        if not _still_bound(check, check.consultant):
            continue
        try:
            _mail(check, template="listing_check_reminder")
        except smtplib.SMTPRecipientsRefused:
            _bounced(check)
            continue
        except Exception:  # tried again on the next run
            logger.exception("Could not send a listing check reminder")
            continue
        check.reminded_at = timezone.now()
        check.save(update_fields=["reminded_at"])
        reminded.append(check.pk)
    return reminded


def resend(check: ListingCheck) -> ListingCheck | None:
    """A fresh link for a used or expired one, to the address the first went to and only
    while that is still the listing's owner address; the old link stays dead."""
    if not _still_bound(check, check.consultant):
        return None
    return send_check(check.consultant, to=check.sent_to)


def _answer(check: ListingCheck, outcome: str) -> tuple[ListingCheck, Consultant]:
    """Lock the check and the listing, refuse a second answer, and mark this one.

    The link is refused, as if it had never existed, once the listing is no longer
    published (a manager took it down: "still right" must not put it back) or its
    check address has changed since the email went (the link was the old owner's)."""
    locked = ListingCheck.objects.select_for_update().get(pk=check.pk)
    if locked.answered_at is not None:
        raise LinkProblem("used", locked)
    consultant = Consultant.objects.select_for_update().get(pk=locked.consultant_id)
    if not _still_bound(locked, consultant):
        raise LinkProblem("invalid")
    locked.answered_at = timezone.now()
    locked.outcome = outcome
    locked.save(update_fields=["answered_at", "outcome"])
    return locked, consultant


def _still_bound(check: ListingCheck, consultant: Consultant) -> bool:
    return consultant.live and consultant.owner_email.lower() == check.sent_to.lower()


def publish_values(consultant: Consultant, values: dict, *, user=None) -> None:
    """Publish `values` on the live listing as a new revision (validated as the edit
    screen would). A manager's unpublished draft stays the latest version, with these
    values in it too, so neither side's work is lost."""
    draft = (
        consultant.get_latest_revision_as_object() if consultant.has_unpublished_changes else None
    )
    for name, value in values.items():
        setattr(consultant, name, value)
    revision = consultant.save_revision(user=user, log_action=True)
    revision.publish(user=user)
    if draft is not None:
        for name, value in values.items():
            setattr(draft, name, value)
        draft.save_revision(user=user)


def _publish(consultant: Consultant, values: dict, *, action: str, changed: list[str]) -> None:
    publish_values(consultant, values)
    log(instance=consultant, action=action, data={"how": HOW, "fields": changed})


def _checked_today() -> dict:
    today = timezone.localdate()
    return {"last_verified": today, "owner_confirmed_on": today}


@transaction.atomic
def confirm(check: ListingCheck) -> Consultant:
    """Everything is still right: checked today, by the practitioner."""
    _, consultant = _answer(check, CheckOutcome.CONFIRMED)
    _publish(consultant, _checked_today(), action=OWNER_CONFIRMED, changed=[])
    return consultant


def _differs(consultant: Consultant, changes: dict, names) -> list[str]:
    return [
        name for name in names if name in changes and getattr(consultant, name) != changes[name]
    ]


def _describe(consultant: Consultant, name: str, value) -> str:
    """A field's value as the manager reads it: labels for coded lists."""
    field = consultant._meta.get_field(name)
    if hasattr(field, "labels"):
        return ", ".join(str(label) for label in field.labels(value)) or "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value) if value not in (None, "") else "—"


@transaction.atomic
def apply_changes(check: ListingCheck, changes: dict) -> tuple[Consultant, list[str]]:
    """The owner's corrections: phone, website, hours and availability are published at
    once; changes to name, practice, credentials, address or services wait for a directory
    manager as a problem report carrying the new values. Returns the listing and the names
    of the fields waiting."""
    check, consultant = _answer(check, CheckOutcome.CHANGED)
    changed = _differs(consultant, changes, OWNER_EDITABLE_FIELDS)
    waiting = _differs(consultant, changes, OWNER_PROPOSED_FIELDS)
    if not (changed or waiting):  # nothing changed: an answer that everything is right
        check.outcome = CheckOutcome.CONFIRMED
        check.save(update_fields=["outcome"])
    values = {**{name: changes[name] for name in changed}, **_checked_today()}
    _publish(
        consultant, values, action=OWNER_CHANGED if changed else OWNER_CONFIRMED, changed=changed
    )
    if waiting:
        ProblemReport.objects.create(
            consultant=consultant,
            kind=ProblemKind.OWNER_CHANGE,
            details="\n".join(
                f"{consultant._meta.get_field(name).verbose_name}: "
                f"{_describe(consultant, name, getattr(consultant, name))} → "
                f"{_describe(consultant, name, changes[name])}"
                for name in waiting
            ),
            reporter_email=check.sent_to,
            proposed_changes={name: changes[name] for name in waiting},
        )
        log(instance=consultant, action=OWNER_ASKED, data={"how": HOW, "fields": waiting})
    return consultant, waiting


def owner_change_values(consultant: Consultant, proposed: dict) -> dict:
    """What publishing an owner's accepted change sets on the listing: the fields they may
    propose, and, for a new address, no map point (it is placed again from the address)."""
    values = {name: value for name, value in proposed.items() if name in OWNER_PROPOSED_FIELDS}
    if any(
        values.get(name, getattr(consultant, name)) != getattr(consultant, name)
        for name in ADDRESS_FIELDS
    ):
        values["latitude"] = values["longitude"] = None
    values["last_verified"] = timezone.localdate()
    return values


@transaction.atomic
def remove(check: ListingCheck) -> Consultant:
    """Take the listing down; a directory manager can publish it again from History."""
    _, consultant = _answer(check, CheckOutcome.REMOVED)
    consultant.unpublish(log_action=True)
    log(instance=consultant, action=OWNER_REMOVED, data={"how": HOW, "fields": []})
    return consultant


def month_counts(*, today: datetime.date | None = None) -> dict:
    """This month's checks by outcome, for the directory manager's dashboard, and the
    listings whose owner has not answered even after a reminder."""
    today = today or timezone.localdate()
    month = ListingCheck.objects.filter(sent_at__date__gte=today.replace(day=1))
    counts = dict.fromkeys(CheckOutcome.values, 0)
    for outcome in month.values_list("outcome", flat=True):
        counts[outcome] += 1
    unanswered = unconfirmed_after_reminder()
    return {
        "sent": sum(counts.values()),
        "sent_waiting": counts.pop(CheckOutcome.SENT),
        **counts,
        "unconfirmed_count": unanswered.count(),
        "unconfirmed": list(unanswered[:10]),
    }


def unconfirmed_after_reminder():
    """Published listings whose latest check was reminded and is still unanswered."""
    latest = ListingCheck.objects.filter(consultant=OuterRef("pk")).order_by("-sent_at", "-pk")
    return (
        Consultant.objects.published()
        .annotate(
            latest_reminded=Subquery(latest.values("reminded_at")[:1]),
            latest_outcome=Subquery(latest.values("outcome")[:1]),
        )
        .filter(
            latest_reminded__isnull=False,
            latest_outcome__in=[CheckOutcome.SENT, CheckOutcome.EXPIRED],
        )
        .order_by("latest_reminded", "pk")
    )
