"""How long the directory keeps what the public told us about themselves.

A suggestion keeps the submitter's contact details (`Consultant.submitter_contact`) and a
problem report the reporter's email (`ProblemReport.reporter_email`) only while a directory
manager may need to reach them: `CONTACT_DETAILS_RETENTION_DAYS` days after the decision.
A suggestion is decided when it is approved (first published) or rejected; a report when
it is resolved. Undecided ones keep their details until they are decided.

A listing's contact details are also in each of its saved revisions, so they are removed
there too: otherwise publishing or reverting to an older revision would bring them back.
Each removal is written to the item's history in Wagtail's audit log, without the details.
`manage.py purge_contact_details`, run daily, applies the rule.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from wagtail.log_actions import log

from help_contacts.data.models import Consultant, ProblemReport

CONTACT_DETAILS_REMOVED = "help_contacts.contact_details.remove"


@dataclass(frozen=True)
class ContactDetailsRemoved:
    """How many listings and problem reports had their contact details removed."""

    listings: int
    reports: int


def contact_details_expired(*, retention_days: int, now: datetime | None = None):
    """The listings and problem reports whose contact details are past keeping, as querysets."""
    cutoff = (now or timezone.now()) - timedelta(days=retention_days)
    listings = Consultant.objects.exclude(submitter_contact="").filter(
        Q(first_published_at__lte=cutoff) | Q(rejected_at__lte=cutoff)
    )
    reports = ProblemReport.objects.exclude(reporter_email="").filter(
        resolved=True, resolved_at__lte=cutoff
    )
    return listings, reports


@transaction.atomic
def contact_details_remove(
    *, retention_days: int, now: datetime | None = None
) -> ContactDetailsRemoved:
    """Remove the contact details of everything decided more than `retention_days` ago."""
    listings, reports = contact_details_expired(retention_days=retention_days, now=now)
    data = {"retention_days": retention_days}

    listing_count = 0
    for listing in listings.select_for_update():
        Consultant.objects.filter(pk=listing.pk).update(submitter_contact="")
        for revision in listing.revisions.all():
            if revision.content.get("submitter_contact"):
                revision.content["submitter_contact"] = ""
                revision.save(update_fields=["content"])
        log(instance=listing, action=CONTACT_DETAILS_REMOVED, data=data)
        listing_count += 1

    report_count = 0
    for report in reports.select_for_update():
        ProblemReport.objects.filter(pk=report.pk).update(reporter_email="")
        log(instance=report, action=CONTACT_DETAILS_REMOVED, data=data)
        report_count += 1

    return ContactDetailsRemoved(listings=listing_count, reports=report_count)
