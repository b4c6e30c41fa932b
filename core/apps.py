from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from core import signin  # noqa: F401 (connects its user_logged_in receiver)
        from core.signals import connect_receivers

        connect_receivers()
