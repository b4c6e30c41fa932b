"""`manage.py load_demo_content`: build the demo site, safely, as often as you like."""

from django.core.management.base import BaseCommand

from help_contacts.demo import load_directory_demo
from website.demo.site import load_site_content

DEFAULT_DEMO_LISTINGS = 300


class Command(BaseCommand):
    help = (
        "Create the demo site tree, the first article, its factors, insights and support "
        "contacts. Only missing objects are created; nothing an editor changed is overwritten."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--listings",
            type=int,
            default=DEFAULT_DEMO_LISTINGS,
            help="How many fictional directory listings to have (default %(default)s).",
        )

    def handle(self, *args, **options):
        log = self.stdout.write if options["verbosity"] > 0 else (lambda message: None)
        home = load_site_content(log=log)
        load_directory_demo(
            home=home,
            listings=max(options["listings"], 0),
            log=log,
            stream=self.stdout._out,  # the terminal itself, for the progress bar
        )
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
