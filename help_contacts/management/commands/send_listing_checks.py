"""Email listing owners whose listings are about to go stale a link to confirm or correct them.

Meant for cron or a systemd timer, once a day (docs/operations.md). Running it twice in a
row sends nothing the second time: a listing is asked at most once per
LISTING_CHECK_INTERVAL_DAYS and reminded at most once. Each run also marks links that ran
out unanswered as ignored. `-v 2` lists the listings asked and the checks reminded.
"""

from django.core.management.base import BaseCommand

from help_contacts.data.listing_checks import send_listing_checks
from help_contacts.data.models import CheckOutcome


class Command(BaseCommand):
    help = "Email listing owners a link to confirm or correct their listing, oldest check first."

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit",
            type=int,
            default=200,
            help="Most emails to send in this run (default 200).",
        )

    def handle(self, *args, limit, **options):
        if limit < 0:
            self.stderr.write("--limit must be 0 or more.")
            return
        run = send_listing_checks(limit=limit)
        bounced = [sent for sent in run.sent if sent.outcome == CheckOutcome.BOUNCED]
        self.stdout.write(
            f"Sent {len(run.sent) - len(bounced)} listing check(s), {len(bounced)} bounced; "
            f"{len(run.reminded)} reminder(s); {run.expired} unanswered link(s) expired."
        )
        if options["verbosity"] >= 2:
            for sent in run.sent:
                self.stdout.write(f"  listing {sent.consultant_pk}: {sent.outcome}")
            for check_pk in run.reminded:
                self.stdout.write(f"  check {check_pk}: reminded")
