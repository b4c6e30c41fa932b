"""`manage.py export_directory_csv [--output FILE]`: every published listing as CSV."""

from django.core.management.base import BaseCommand

from help_contacts.data.exports import listings_for_export
from help_contacts.interchange.cli import output_stream
from help_contacts.interchange.csv_io import csv_export

CHUNK_SIZE = 500


class Command(BaseCommand):
    help = (
        "Write every published directory listing as CSV, one row per listing, ordered by "
        "name. import_directory_csv reads the same columns."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="File to write; standard output if left out.")

    def handle(self, *args, output=None, verbosity=1, **options):
        listings = listings_for_export(search=None).iterator(chunk_size=CHUNK_SIZE)
        with output_stream(output) as stream:
            count = csv_export(consultants=listings, stream=stream)
        if verbosity and output and output != "-":
            self.stderr.write(f"Exported {count:,} listings to {output}.")
