"""Keeping the search entries current: one profile at a time, or all of them.

A profile has an entry while it is visible (public or members) and its account is active. The
full-text index follows the entry table by itself (SQLite triggers, a PostgreSQL generated
column). Skill labels are not copied into entries, so a label change needs no re-indexing.
"""
# SQL below is assembled from module constants only; nothing comes from users.
# ruff: noqa: S608

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Prefetch, QuerySet

from coffee.people.models import Profile, ProfileLanguage, Visibility
from coffee.skills.models import OfferedSkill, SearchEntry
from coffee.skills.search.facets import entry_tokens, skill_token
from coffee.skills.search.schema import ENTRY_FTS

STRONG_LEVEL = OfferedSkill.Level.ADVANCED
BATCH_SIZE = 2000


def entry_values(
    *,
    name: str,
    headlines: Iterable[str],
    bios: Iterable[str],
    company: str,
    visibility: str,
    country: str,
    home_space_id: int | None,
    status: str,
    open_to_cross_border: bool,
    languages: Iterable[str],
    skill_levels: Mapping[int, int],
) -> dict[str, Any]:
    """The column values of one entry, from plain values (the benchmark builds them too)."""
    languages = sorted(set(languages))
    skills = sorted(skill_levels)
    return {
        "name": name,
        "headline": _joined(headlines),
        "bio": _joined(bios),
        "company": company,
        "skills": " ".join(map(skill_token, skills)),
        "strong_skills": " ".join(
            skill_token(s) for s in skills if skill_levels[s] >= STRONG_LEVEL
        ),
        "facets": entry_tokens(
            visibility=visibility,
            country=country,
            space_id=home_space_id,
            languages=languages,
            status=status,
            cross_border=open_to_cross_border,
        ),
        "visibility": visibility,
        "country": country,
        "home_space_id": home_space_id,
        "status": status,
        "open_to_cross_border": open_to_cross_border,
        "languages": " ".join(languages),
    }


def index_profile(profile_id: int) -> None:
    """Write (or remove) the entry of one profile, as it is now in the database."""
    with transaction.atomic():
        profile = _searchable().filter(pk=profile_id).first()
        if profile is None:
            SearchEntry.objects.filter(profile_id=profile_id).delete()
            return
        SearchEntry.objects.update_or_create(profile_id=profile_id, defaults=_values(profile))


def unindex_profile(profile_id: int, *, purge: bool = False) -> None:
    """Remove the entry of a profile (erased, deleted or hidden).

    `purge` (an erasure) also rewrites SQLite's full-text index: FTS5 only marks a deleted row
    until its segments merge, so the words would stay in the index pages. It costs a full index
    rewrite (see docs/search.md); PostgreSQL removes the row's index entries on its own.
    """
    SearchEntry.objects.filter(profile_id=profile_id).delete()
    if purge:
        optimise()


def rebuild_index(*, batch_size: int = BATCH_SIZE) -> int:
    """Rebuild every entry from the profiles; return how many profiles are searchable."""
    count = 0
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        for batch in _batches(_searchable().order_by("pk"), batch_size):
            SearchEntry.objects.bulk_create(
                [SearchEntry(profile_id=p.pk, **_values(p)) for p in batch]
            )
            count += len(batch)
    optimise()
    return count


def optimise() -> None:
    """Merge the full-text index's segments after a bulk change (SQLite; PostgreSQL needs none)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {ENTRY_FTS}({ENTRY_FTS}) VALUES ('optimize')")


def _searchable() -> QuerySet[Profile]:
    return (
        Profile.objects.filter(user__is_active=True)
        .exclude(visibility=Visibility.HIDDEN)
        .select_related("user", "company")
        .prefetch_related(
            Prefetch("languages", queryset=ProfileLanguage.objects.only("profile_id", "language")),
            Prefetch(
                "offered_skills",
                queryset=OfferedSkill.objects.only("profile_id", "skill_id", "level"),
            ),
        )
    )


def _values(profile: Profile) -> dict[str, Any]:
    languages = settings.MODELTRANSLATION_LANGUAGES
    return entry_values(
        name=profile.user.get_full_name(),
        headlines=[getattr(profile, f"headline_{code}") or "" for code in languages],
        bios=[getattr(profile, f"bio_{code}") or "" for code in languages],
        company=profile.company.name if profile.company else "",
        visibility=profile.visibility,
        country=str(profile.country or ""),
        home_space_id=profile.home_space_id,
        status=profile.status,
        open_to_cross_border=profile.open_to_cross_border,
        languages=[language.language for language in profile.languages.all()],
        skill_levels={offer.skill_id: offer.level for offer in profile.offered_skills.all()},
    )


def _joined(texts: Iterable[str]) -> str:
    """The distinct non-empty texts (one per language), one per line."""
    return "\n".join(dict.fromkeys(t.strip() for t in texts if t and t.strip()))


def _batches(queryset: QuerySet[Profile], size: int) -> Iterator[list[Profile]]:
    batch: list[Profile] = []
    for profile in queryset.iterator(chunk_size=size):
        batch.append(profile)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
