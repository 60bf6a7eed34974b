from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SkillsConfig(AppConfig):
    name = "coffee.skills"
    label = "skills"
    verbose_name = _("Skills catalogue")

    def ready(self) -> None:
        from coffee.skills import privacy
        from coffee.skills.search import receivers

        receivers.connect(self)
        privacy.register()
