"""Values every page needs."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, Any]:
    """Expose site-wide settings to templates."""
    return {"SITE_NAME": "COFFEE", "DEBUG": settings.DEBUG}
