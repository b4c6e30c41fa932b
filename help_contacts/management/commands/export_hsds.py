"""`manage.py export_hsds [--output FILE]`: every published listing as HSDS 3.0 JSON."""

import json

from django.core.management.base import BaseCommand

from help_contacts.data.exports import listings_for_export
from help_contacts.interchange.cli import output_stream
from help_contacts.interchange.hsds import consultant_to_hsds

CHUNK_SIZE = 500


class Command(BaseCommand):
    help = (
        "Write every published directory listing as a JSON list of fully nested Open Referral "
        "HSDS 3.0 services, ordered by name. Ids are stable, so exporting again gives the "
        "same file while nothing changes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="File to write; standard output if left out.")

    def handle(self, *args, output=None, verbosity=1, **options):
        listings = listings_for_export(search=None).iterator(chunk_size=CHUNK_SIZE)
        count = 0
        with output_stream(output) as stream:
            # Written one service at a time, so a large directory is never all in memory.
            stream.write("[")
            for consultant in listings:
                stream.write(",\n" if count else "\n")
                service = consultant_to_hsds(consultant=consultant)
                stream.write(json.dumps(service, ensure_ascii=False))
                count += 1
            stream.write("\n]\n")
        if verbosity and output and output != "-":
            self.stderr.write(f"Exported {count:,} listings to {output}.")
