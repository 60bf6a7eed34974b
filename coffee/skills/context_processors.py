"""Template flags of the skills catalogue."""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest

from coffee.skills.models import Skill

ESCO_IN_USE_CACHE_KEY = "skills:esco-in-use"
# Ten minutes: an import clears it at once; only an admin edit waits for the timeout.
ESCO_IN_USE_TIMEOUT = 600


def esco(request: HttpRequest) -> dict[str, bool]:
    """`ESCO_IN_USE`: whether the catalogue holds ESCO skills, so pages credit ESCO."""
    return {"ESCO_IN_USE": esco_in_use()}


def esco_in_use() -> bool:
    """True when the catalogue holds a skill imported from ESCO; cached for ten minutes."""
    return bool(
        cache.get_or_set(
            ESCO_IN_USE_CACHE_KEY,
            lambda: Skill.objects.filter(source=Skill.Source.ESCO).exists(),
            ESCO_IN_USE_TIMEOUT,
        )
    )


def esco_in_use_forget() -> None:
    """Drop the cached flag; call it after a change to the catalogue has committed."""
    cache.delete(ESCO_IN_USE_CACHE_KEY)
