"""Template helpers of the agenda."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import template

register = template.Library()


@register.filter
def registration_for(registrations: Mapping[int, Any], event: Any) -> Any:
    """The viewer's registration for this event, from a mapping of event ids."""
    return registrations.get(event.pk) if registrations else None
