"""`manage.py restore_site ARCHIVE`: put back the database and media from a backup."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from website.backups import BackupError, site_restore


class Command(BaseCommand):
    help = (
        "Replace everything in the database with a backup archive's contents and write its "
        "media files back (see website/backups.py)."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="A file written by backup_site.")
        parser.add_argument(
            "--noinput", "--no-input", action="store_false", dest="interactive",
            help="Do not ask for confirmation.",
        )  # fmt: skip

    def handle(self, *args, **options):
        archive = Path(options["archive"])
        if options["interactive"]:
            answer = input(
                f"This replaces everything in the database with {archive}. Type 'yes' to go on: "
            )
            if answer != "yes":
                raise CommandError("Restore cancelled.")
        try:
            manifest = site_restore(archive=archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored the backup of {manifest['created']} from {archive}.")
