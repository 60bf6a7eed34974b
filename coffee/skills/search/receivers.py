"""Keep the index current: profile notices, skills being deleted, and the schema after migrate."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models.signals import post_migrate, pre_delete

from coffee.people.signals import profile_changed, profile_removed
from coffee.skills.models import OfferedSkill, Skill
from coffee.skills.search import schema
from coffee.skills.search.index import index_profile, unindex_profile


def on_profile_changed(sender: Any, *, profile_id: int, **kwargs: Any) -> None:
    index_profile(profile_id)


def on_profile_removed(sender: Any, *, profile_id: int, **kwargs: Any) -> None:
    """An erased profile leaves no word behind, not even in the index's pages."""
    unindex_profile(profile_id, purge=True)


def on_skill_deleting(sender: Any, *, instance: Skill, **kwargs: Any) -> None:
    """A deleted skill takes its offers with it: re-index their profiles once that commits."""
    profile_ids = list(
        OfferedSkill.objects.filter(skill=instance).values_list("profile_id", flat=True)
    )
    if profile_ids:
        transaction.on_commit(lambda: _reindex(profile_ids))


def on_post_migrate(sender: Any, *, using: str = DEFAULT_DB_ALIAS, **kwargs: Any) -> None:
    """Recreate search triggers a table rebuild dropped (SQLite drops them with the table)."""
    schema.repair(connections[using])


def connect(app_config: AppConfig) -> None:
    profile_changed.connect(on_profile_changed, dispatch_uid="skills.search.profile_changed")
    profile_removed.connect(on_profile_removed, dispatch_uid="skills.search.profile_removed")
    pre_delete.connect(on_skill_deleting, sender=Skill, dispatch_uid="skills.search.skill")
    post_migrate.connect(on_post_migrate, sender=app_config, dispatch_uid="skills.search.schema")


def _reindex(profile_ids: list[int]) -> None:
    for profile_id in profile_ids:
        index_profile(profile_id)
