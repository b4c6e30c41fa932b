from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FactorsConfig(AppConfig):
    name = "factors"
    verbose_name = _("Factors")

    def ready(self):
        from factors.signals import connect_receivers

        connect_receivers()
