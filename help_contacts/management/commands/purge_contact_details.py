"""`manage.py purge_contact_details`: apply the retention rule for the public's contact details.

Run it daily (cron or a scheduler). See `help_contacts.data.retention` for the rule.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from help_contacts.data.retention import contact_details_expired, contact_details_remove


class Command(BaseCommand):
    help = (
        "Remove submitters' and reporters' contact details from suggestions and problem "
        "reports decided more than CONTACT_DETAILS_RETENTION_DAYS days ago."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep details this many days after the decision "
            "(default: the CONTACT_DETAILS_RETENTION_DAYS setting).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what would be removed."
        )

    def handle(self, *args, **options):
        days = options["days"]
        if days is None:
            days = settings.CONTACT_DETAILS_RETENTION_DAYS
        if days < 0:
            raise CommandError("--days cannot be negative.")
        if options["dry_run"]:
            listings, reports = contact_details_expired(retention_days=days)
            self.stdout.write(
                f"Would remove contact details from {listings.count()} listing(s) and "
                f"{reports.count()} problem report(s) decided more than {days} days ago."
            )
            return
        removed = contact_details_remove(retention_days=days)
        self.stdout.write(
            f"Removed contact details from {removed.listings} listing(s) and "
            f"{removed.reports} problem report(s) decided more than {days} days ago."
        )
