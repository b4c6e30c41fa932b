"""`manage.py backup_site`: one archive with the database and the uploaded media."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from website.backups import BackupError, site_backup


class Command(BaseCommand):
    help = "Back up the database and the media files into one archive (see website/backups.py)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--directory",
            default=settings.BACKUP_DIR,
            help="Where to write the archive (default: the BACKUP_DIR setting, %(default)s).",
        )

    def handle(self, *args, **options):
        try:
            archive = site_backup(directory=Path(options["directory"]))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(archive))
