"""How django-allauth speaks for COFFEE: the site's name in e-mails, not the host."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        context["current_site"] = SimpleNamespace(
            name="COFFEE", domain=urlsplit(settings.SITE_URL).netloc
        )
        super().send_mail(template_prefix, email, context)
