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
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import Site

from core.models import SiteSettings
from help_contacts.data.directory_page import directory_page_find
from help_contacts.data.models import CheckOutcome, Consultant, ListingCheck
from help_contacts.data.models.querysets import verified_cutoff

logger = logging.getLogger(__name__)

SALT = "help_contacts.listing-check"
OWNER_CONFIRMED = "help_contacts.listing.owner_confirm"
OWNER_CHANGED = "help_contacts.listing.owner_change"
OWNER_REMOVED = "help_contacts.listing.owner_remove"
HOW = "owner, by email"

# What an owner may change at once. Name, credentials, location and services change what
# parents trust the listing for, so they go through a directory manager instead.
OWNER_EDITABLE_FIELDS = ("phone", "website", "opening_hours", "accepting_new_clients")


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
    if check is None:
        raise LinkProblem("invalid")
    if check.answered_at is not None:
        raise LinkProblem("used", check)
    if expired:
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


def send_check(consultant: Consultant, *, to: str) -> ListingCheck | None:
    """Create the check and email its link; None (and no check kept) if the mail failed."""
    check = ListingCheck.objects.create(consultant=consultant, sent_to=to, sent_at=timezone.now())
    context = {
        "consultant": consultant,
        "link": check_url(check),
        "days": settings.LISTING_CHECK_LINK_DAYS,
        "site_name": _site_name(),
    }
    subject = render_to_string("help_contacts/emails/listing_check_subject.txt", context)
    body = render_to_string("help_contacts/emails/listing_check_body.txt", context)
    try:
        send_mail(" ".join(subject.split()), body, None, [to])
    except Exception:  # any transport error: nothing is recorded as sent
        logger.exception("Could not send a listing check")
        check.delete()
        return None
    return check


def send_listing_checks(*, limit: int) -> list[SentCheck]:
    """Ask up to `limit` due listings' owners; what was sent, in order."""
    sent = []
    for consultant in listings_due()[:limit]:
        check = send_check(consultant, to=consultant.owner_email)
        if check is not None:
            sent.append(SentCheck(consultant.pk, check.sent_to))
    return sent


def resend(check: ListingCheck) -> ListingCheck | None:
    """A fresh link for a used or expired one, to the address the first went to and only
    while that is still the listing's owner address; the old link stays dead."""
    consultant = check.consultant
    if not consultant.live or consultant.owner_email.lower() != check.sent_to.lower():
        return None
    return send_check(consultant, to=check.sent_to)


def _answer(check: ListingCheck, outcome: str) -> tuple[ListingCheck, Consultant]:
    """Lock the check, refuse a second answer, and mark this one."""
    locked = ListingCheck.objects.select_for_update().get(pk=check.pk)
    if locked.answered_at is not None:
        raise LinkProblem("used", locked)
    locked.answered_at = timezone.now()
    locked.outcome = outcome
    locked.save(update_fields=["answered_at", "outcome"])
    return locked, Consultant.objects.get(pk=locked.consultant_id)


def _publish(consultant: Consultant, *, action: str, changed: list[str] | None = None) -> None:
    revision = consultant.save_revision(log_action=True)
    consultant.publish(revision)
    log(instance=consultant, action=action, data={"how": HOW, "fields": changed or []})


@transaction.atomic
def confirm(check: ListingCheck) -> Consultant:
    """Everything is still right: checked today, by the practitioner."""
    _, consultant = _answer(check, CheckOutcome.CONFIRMED)
    today = timezone.localdate()
    consultant.last_verified = today
    consultant.owner_confirmed_on = today
    _publish(consultant, action=OWNER_CONFIRMED)
    return consultant


@transaction.atomic
def apply_changes(check: ListingCheck, changes: dict) -> Consultant:
    """The owner's corrections to the fields they may change, published at once."""
    _, consultant = _answer(check, CheckOutcome.CHANGED)
    changed = [name for name in OWNER_EDITABLE_FIELDS if getattr(consultant, name) != changes[name]]
    for name in OWNER_EDITABLE_FIELDS:
        setattr(consultant, name, changes[name])
    today = timezone.localdate()
    consultant.last_verified = today
    consultant.owner_confirmed_on = today
    _publish(consultant, action=OWNER_CHANGED, changed=changed)
    return consultant


@transaction.atomic
def remove(check: ListingCheck) -> Consultant:
    """Take the listing down; a directory manager can publish it again from History."""
    _, consultant = _answer(check, CheckOutcome.REMOVED)
    consultant.unpublish(log_action=True)
    log(instance=consultant, action=OWNER_REMOVED, data={"how": HOW, "fields": []})
    return consultant


def month_counts(*, today: datetime.date | None = None) -> dict:
    """This month's checks by outcome, for the directory manager's dashboard."""
    today = today or timezone.localdate()
    month = ListingCheck.objects.filter(sent_at__date__gte=today.replace(day=1))
    counts = dict.fromkeys(CheckOutcome.values, 0)
    for outcome in month.values_list("outcome", flat=True):
        counts[outcome] += 1
    return {"sent": sum(counts.values()), "sent_waiting": counts.pop(CheckOutcome.SENT), **counts}
