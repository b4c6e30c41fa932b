"""`manage.py import_directory_csv FILE [--dry-run]`: CSV rows in as draft listings."""

from django.core.management.base import BaseCommand

from help_contacts.interchange.cli import add_import_arguments, run_import
from help_contacts.interchange.csv_io import csv_import


class Command(BaseCommand):
    help = (
        "Import listings from CSV with the columns export_directory_csv writes, as "
        "unpublished drafts matched on the id column. If any row is bad nothing is saved "
        "and each bad row is listed with its number and the reasons."
    )

    def add_arguments(self, parser):
        add_import_arguments(parser)

    def handle(self, *args, **options):
        run_import(self, options=options, importer=csv_import)
