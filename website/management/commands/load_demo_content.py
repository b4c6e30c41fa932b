"""`manage.py load_demo_content`: build the demo site, safely, as often as you like."""

from django.core.management.base import BaseCommand

from website.demo.site import load_site_content


class Command(BaseCommand):
    help = (
        "Create the demo site tree, the first article, its factors, insights and support "
        "contacts. Only missing objects are created; nothing an editor changed is overwritten."
    )

    def handle(self, *args, **options):
        log = self.stdout.write if options["verbosity"] > 0 else (lambda message: None)
        load_site_content(log=log)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
