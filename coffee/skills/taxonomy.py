"""Load the starter taxonomy (coffee/skills/data) into the catalogue: add and update, never delete.

The writer takes the model classes as parameters because migration 0002 calls it with historical
models. It therefore uses only fields that exist at that migration, sets the base `label` and
`synonyms` columns itself (historical models know nothing of modeltranslation), and this module
imports the current models only inside `taxonomy_load_starter`. If a later change needs a field
added after 0002, freeze a copy of the old writer in that migration first.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import models, transaction
from django.utils import timezone, translation

DATA_DIR = Path(__file__).resolve().parent / "data"
CATEGORIES_FILE = DATA_DIR / "starter_categories.csv"
SKILLS_FILE = DATA_DIR / "starter_taxonomy.csv"
LANGUAGES = ("fr", "nl", "en")
# The base column of a translated field holds the French text, the network's default language.
BASE_LANGUAGE = "fr"
BATCH_SIZE = 500


@dataclass(frozen=True)
class StarterCategory:
    key: str
    position: int
    labels: dict[str, str]


@dataclass(frozen=True)
class StarterSkill:
    key: str
    category: str
    labels: dict[str, str]
    synonyms: dict[str, str]
    esco_uri: str


@dataclass
class Tally:
    """How many rows a load created, updated and left as they were."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> int:
        return self.created + self.updated


@dataclass
class TaxonomyLoadResult:
    categories: Tally = field(default_factory=Tally)
    skills: Tally = field(default_factory=Tally)
    # "key: uri" of starter rows whose ESCO URI another skill already holds (left unmapped).
    uri_conflicts: list[str] = field(default_factory=list)


def starter_categories() -> list[StarterCategory]:
    """The rows of starter_categories.csv, in file order."""
    return [
        StarterCategory(key=row["key"], position=n, labels=_by_language(row, "label"))
        for n, row in enumerate(_read_csv(CATEGORIES_FILE), start=1)
    ]


def starter_skills() -> list[StarterSkill]:
    """The rows of starter_taxonomy.csv, in file order."""
    return [
        StarterSkill(
            key=row["key"],
            category=row["category"],
            labels=_by_language(row, "label"),
            synonyms=_by_language(row, "synonyms"),
            esco_uri=row["esco_uri"],
        )
        for row in _read_csv(SKILLS_FILE)
    ]


@transaction.atomic
def taxonomy_load_starter() -> TaxonomyLoadResult:
    """Add the missing starter categories and skills and update the others; one transaction."""
    # Imported here, not at module level: migration 0002 imports this module (see the docstring).
    from coffee.core.audit import log_action
    from coffee.skills.models import Skill, SkillCategory

    result = starter_taxonomy_write(category_model=SkillCategory, skill_model=Skill)
    if result.categories.changed or result.skills.changed:
        log_action(actor=None, action="skills.taxonomy.loaded", data=_audit_data(result))
    return result


def starter_taxonomy_write(
    *, category_model: type[models.Model], skill_model: type[models.Model]
) -> TaxonomyLoadResult:
    """Write the starter files with the given (current or historical) models; no transaction."""
    result = TaxonomyLoadResult()
    # With the current models, assigning `label` writes `label_<active language>`: keep it French.
    with translation.override(BASE_LANGUAGE):
        categories = _write_categories(category_model, starter_categories(), result.categories)
        _write_skills(skill_model, starter_skills(), categories, result)
    return result


def _write_categories(
    model: type[models.Model], rows: list[StarterCategory], tally: Tally
) -> dict[str, Any]:
    """Upsert the categories by key; return the starter categories by key."""
    values = {row.key: _category_values(row) for row in rows}
    _upsert(model, _by_key(model, values), values, tally)
    return _by_key(model, values)


def _write_skills(
    model: type[models.Model],
    rows: list[StarterSkill],
    categories: dict[str, Any],
    result: TaxonomyLoadResult,
) -> None:
    """Upsert the skills by key; an ESCO URI held by another skill is reported, not written."""
    values = {row.key: _skill_values(row, categories[row.category]) for row in rows}
    uris = [row.esco_uri for row in rows if row.esco_uri]
    uri_owner = dict(
        model._default_manager.filter(esco_uri__in=uris).values_list("esco_uri", "key")
    )
    for row in rows:
        owner = uri_owner.get(row.esco_uri, row.key)
        if owner != row.key:
            result.uri_conflicts.append(f"{row.key}: {row.esco_uri} (held by {owner})")
            values[row.key].pop("esco_uri")
    # Kind and source are set on creation only: an editor may have changed them since.
    created_only = {"kind": "skill", "source": "starter"}
    _upsert(model, _by_key(model, values), values, result.skills, created_only=created_only)


def _upsert(
    model: type[models.Model],
    existing: dict[str, Any],
    values: dict[str, dict[str, Any]],
    tally: Tally,
    created_only: dict[str, Any] | None = None,
) -> None:
    """Create the missing rows and update the changed ones, in batches (update_or_create by key)."""
    new, changed = [], []
    for key, row_values in values.items():
        instance = existing.get(key)
        if instance is None:
            new.append(_assign(model(key=key, **(created_only or {})), row_values))
        elif _differs(instance, row_values):
            changed.append(_assign(instance, row_values))
    model._default_manager.bulk_create(new, batch_size=BATCH_SIZE)
    if changed:
        fields = sorted({name for row_values in values.values() for name in row_values})
        if any(f.name == "updated_at" for f in model._meta.get_fields()):
            now = timezone.now()
            for instance in changed:
                instance.updated_at = now
            fields.append("updated_at")
        model._default_manager.bulk_update(changed, fields, batch_size=BATCH_SIZE)
    tally.created += len(new)
    tally.updated += len(changed)
    tally.unchanged += len(values) - len(new) - len(changed)


def _by_key(model: type[models.Model], keys: Iterable[str]) -> dict[str, Any]:
    """The rows with these keys, by key (not the whole catalogue: ESCO adds 17,000 skills)."""
    rows: list[Any] = list(model._default_manager.filter(key__in=list(keys)))
    return {row.key: row for row in rows}


def _category_values(row: StarterCategory) -> dict[str, Any]:
    return {"position": row.position, **_translated("label", row.labels)}


def _skill_values(row: StarterSkill, category: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "category_id": category.pk,
        **_translated("label", row.labels),
        **_translated("synonyms", row.synonyms),
    }
    # An empty cell means "not confirmed", not "unmap it": a URI set since is kept.
    if row.esco_uri:
        values["esco_uri"] = row.esco_uri
    return values


def _translated(name: str, texts: dict[str, str]) -> dict[str, str]:
    """The base column (French) first, then one column per language: that order matters."""
    return {name: texts[BASE_LANGUAGE], **{f"{name}_{lang}": texts[lang] for lang in LANGUAGES}}


def _differs(instance: Any, values: dict[str, Any]) -> bool:
    """True when a per-language or plain column differs; base columns follow the French one."""
    return any(
        getattr(instance, name) != value
        for name, value in values.items()
        if name not in {"label", "synonyms"}
    )


def _assign(instance: Any, values: dict[str, Any]) -> Any:
    for name, value in values.items():
        setattr(instance, name, value)
    return instance


def _read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return [{key: value or "" for key, value in row.items()} for row in csv.DictReader(handle)]


def _by_language(row: dict[str, str], name: str) -> dict[str, str]:
    return {lang: row[f"{name}_{lang}"].strip() for lang in LANGUAGES}


def _audit_data(result: TaxonomyLoadResult) -> dict[str, Any]:
    return {
        "categories": {"created": result.categories.created, "updated": result.categories.updated},
        "skills": {"created": result.skills.created, "updated": result.skills.updated},
    }
