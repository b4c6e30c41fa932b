"""`manage.py import_hsds FILE [--dry-run]`: HSDS 3.0 services in as draft listings."""

from django.core.management.base import BaseCommand

from help_contacts.interchange.cli import add_import_arguments, run_import
from help_contacts.interchange.hsds import hsds_import, hsds_parse


def _import(*, content, dry_run, user):
    return hsds_import(data=hsds_parse(content=content), dry_run=dry_run, user=user)


class Command(BaseCommand):
    help = (
        "Import Open Referral HSDS 3.0 services (a JSON list, an API page or one service) as "
        "unpublished draft listings, matched on their HSDS id. If any record is bad nothing "
        "is saved and each bad record is listed with its number and the reasons."
    )

    def add_arguments(self, parser):
        add_import_arguments(parser)

    def handle(self, *args, **options):
        run_import(self, options=options, importer=_import)
