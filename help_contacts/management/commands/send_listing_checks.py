"""Email listing owners whose listings are about to go stale a link to confirm or correct them.

Meant for cron or a systemd timer, once a day (docs/operations.md). Running it twice in a
row sends nothing the second time: a listing is asked at most once per
LISTING_CHECK_INTERVAL_DAYS.
"""

from django.core.management.base import BaseCommand

from help_contacts.data.listing_checks import send_listing_checks


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
        sent = send_listing_checks(limit=limit)
        self.stdout.write(f"Sent {len(sent)} listing check(s).")
