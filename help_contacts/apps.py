from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelpContactsConfig(AppConfig):
    name = "help_contacts"
    verbose_name = _("Help and contacts")

    def ready(self):
        from help_contacts.data.signals import connect_receivers

        connect_receivers()
