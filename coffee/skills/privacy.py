"""The skills' part of privacy: what a member's export holds, what erasure removes, and the
profile page's query with the visibility rule of people applied."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch

from coffee.people.models import Profile, User
from coffee.people.privacy import Access, profile_access, register_eraser, register_exporter
from coffee.skills.models import OfferedSkill, SearchEntry, Skill, SoughtSkill
from coffee.skills.search.index import optimise

LANGUAGES = ("fr", "nl", "en")
CSV_COLUMNS = ("list", "key", "level", "label_fr", "label_nl", "label_en", "esco_uri")


def _row(kind: str, skill: Skill, level: int | None) -> dict[str, Any]:
    labels = {f"label_{code}": getattr(skill, f"label_{code}") or "" for code in LANGUAGES}
    return {"list": kind, "key": skill.key, "level": level, **labels, "esco_uri": skill.esco_uri}


def skills_export(user: User) -> list[dict[str, Any]]:
    """One flat row per skill offered or sought (the ZIP turns them into skills.csv)."""
    offered = OfferedSkill.objects.filter(profile__user=user).select_related("skill")
    sought = SoughtSkill.objects.filter(profile__user=user).select_related("skill")
    rows = [
        _row("offered", row.skill, row.level) for row in offered.order_by("-level", "skill__key")
    ]
    rows += [_row("sought", row.skill, None) for row in sought.order_by("skill__key")]
    return rows


def skills_erase(user: User) -> None:
    """Delete the skills a member offers and seeks, and their search entry with its words."""
    OfferedSkill.objects.filter(profile__user=user).delete()
    SoughtSkill.objects.filter(profile__user=user).delete()
    # SQLite's full-text index keeps a deleted entry's words in its segments until they are
    # merged: an erasure merges them at once, so that no table holds them any more.
    if SearchEntry.objects.filter(profile__user=user).delete()[0]:
        optimise()


def register() -> None:
    """Called from SkillsConfig.ready()."""
    register_exporter("skills", skills_export, csv_columns=CSV_COLUMNS)
    register_eraser("skills", skills_erase)


def profile_for_viewer(*, pk: int, viewer: Any) -> tuple[Profile | None, Access]:
    """A profile with everything its page shows, and whether the viewer may see it."""
    queryset = Profile.objects.select_related(
        "user", "home_space__region", "company"
    ).prefetch_related(
        "languages",
        Prefetch("offered_skills", OfferedSkill.objects.select_related("skill")),
        Prefetch("sought_skills", SoughtSkill.objects.select_related("skill")),
    )
    profile = queryset.filter(pk=pk).first()
    if profile is None:
        return None, Access.DENIED
    return profile, profile_access(profile, viewer)
