"""`manage.py ensure_dev_superuser`: a known login for local development only."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "milk-dev-only"


class Command(BaseCommand):
    help = "Create the development superuser admin / milk-dev-only (development settings only)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--address",
            default="127.0.0.1:8000",
            help="Where the development server listens (host:port), for the address printed.",
        )

    def handle(self, *args, **options):
        if not getattr(settings, "DEV_SUPERUSER", False):
            raise CommandError(
                "Refusing to create a development superuser outside development settings."
            )
        User = get_user_model()
        if not User.objects.filter(username=USERNAME).exists():
            User.objects.create_superuser(USERNAME, "admin@example.com", PASSWORD)
        self.stdout.write(
            f"Admin: http://{options['address']}/admin/  user: {USERNAME}  password: {PASSWORD} "
            "(development only)"
        )
