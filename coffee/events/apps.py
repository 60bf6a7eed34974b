from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "coffee.events"
    label = "events"
    verbose_name = _("Agenda")

    def ready(self) -> None:
        from coffee.events import privacy

        privacy.register()
