"""The SQL side of matching: holder counts (cached), lists of holders by level, candidates.

Lists of holders are read through the (skill, level, profile) index only; candidates are
resolved in chunks, one query for who they are (visibility, country, languages) and one for the
sought skills they offer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.db.models import Count

from coffee.people.models import Profile, ProfileLanguage, User, Visibility
from coffee.skills.matching.scoring import Need, rarity
from coffee.skills.matching.topk import Budget, Person, TopK, top_k
from coffee.skills.models import OfferedSkill

# Rarity moves slowly: ten minutes of staleness cost nothing; counting a common skill's holders
# on every search would. All skills are counted at once (one GROUP BY over the index), so that a
# need's first search never pays for a count (the first search after expiry pays for them all).
COUNTS_CACHE_SECONDS = 600
_COUNTS_KEY = "skills:matching:counts:v1"
_CHUNK = 500  # ids per IN (...) list: well under every database's limit on parameters
_OFFERED = OfferedSkill._meta.db_table
_PROFILE = Profile._meta.db_table
_USER = User._meta.db_table
_LANGUAGE = ProfileLanguage._meta.db_table


def network_counts() -> tuple[int, dict[int, int]]:
    """How many profiles the network has, and how many offer each skill (cached)."""
    cached = cache.get(_COUNTS_KEY)
    if cached is None:
        rows = OfferedSkill.objects.values("skill_id").annotate(n=Count("*")).order_by()
        cached = (Profile.objects.count(), {row["skill_id"]: row["n"] for row in rows})
        cache.set(_COUNTS_KEY, cached, COUNTS_CACHE_SECONDS)
    return cached


def skill_holder_counts(skill_ids: Iterable[int]) -> dict[int, int]:
    """How many profiles offer each of these skills (0 for a skill nobody offers)."""
    holders = network_counts()[1]
    return {skill_id: holders.get(skill_id, 0) for skill_id in skill_ids}


def need_build(
    *,
    skill_ids: Sequence[int],
    country: str = "",
    languages: Sequence[str] = (),
    require_shared_language: bool = False,
) -> tuple[Need, dict[int, int]]:
    """The need for these skills (duplicates dropped, order kept), and their holder counts."""
    unique = tuple(dict.fromkeys(skill_ids))
    population, counts = network_counts()
    holders = {skill_id: counts.get(skill_id, 0) for skill_id in unique}
    need = Need(
        skill_ids=unique,
        rarity={s: rarity(holders[s], population) for s in unique},
        seeker_country=(country or "").upper(),
        seeker_languages=tuple(dict.fromkeys(code.lower() for code in languages if code)),
        require_shared_language=require_shared_language,
    )
    return need, holders


def spoken_languages(profile: Profile) -> tuple[str, ...]:
    """The languages a member speaks, in the order they listed them."""
    return tuple(profile.languages.order_by("id").values_list("language", flat=True))


def visibilities_for(viewer: Any) -> tuple[str, ...]:
    """Public profiles for everyone; members-only ones for active members too; hidden never."""
    if viewer is not None and viewer.is_authenticated and viewer.is_active:
        return (Visibility.PUBLIC, Visibility.MEMBERS)
    return (Visibility.PUBLIC,)


def match_search(
    *,
    need: Need,
    holders: dict[int, int],
    viewer: Any,
    exclude_profile_ids: Iterable[int] = (),
    limit: int = 20,
    budget: Budget | None = None,
) -> TopK:
    """The best `limit` matches the viewer may see (never themselves), best first."""
    source = _SqlSource(viewer=viewer, exclude_profile_ids=set(exclude_profile_ids))
    return top_k(need, source, holders=holders, limit=limit, budget=budget)


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


# Plain SQL on the hot paths. Table names come from the models, never from a request; every value
# is a query parameter (hence the S608 exemptions).
_LISTS_SQL = f"SELECT skill_id, level, profile_id FROM {_OFFERED} WHERE skill_id IN "  # noqa: S608
_LEVEL_SQL = (
    f"SELECT profile_id FROM {_OFFERED} WHERE skill_id = %s AND level = %s "  # noqa: S608
    "AND profile_id > %s ORDER BY profile_id LIMIT %s"
)
_PEOPLE_SQL = (
    f"SELECT p.id, p.country, p.open_to_cross_border, l.language FROM {_PROFILE} p "  # noqa: S608
    f"INNER JOIN {_USER} u ON u.id = p.user_id "
    f"LEFT OUTER JOIN {_LANGUAGE} l ON l.profile_id = p.id "
    "WHERE u.is_active = %s AND p.user_id <> %s AND p.visibility IN {visibilities} "
    "AND p.id IN {ids}"
)
_OFFERED_SQL = (
    f"SELECT profile_id, skill_id, level FROM {_OFFERED} "  # noqa: S608
    "WHERE skill_id IN {skills} AND profile_id IN {ids}"
)


class _SqlSource:
    """The `topk.Source` over the database."""

    def __init__(self, *, viewer: Any, exclude_profile_ids: set[int]) -> None:
        self.visibilities = visibilities_for(viewer)
        self.viewer_id = viewer.pk if viewer is not None and viewer.is_authenticated else 0
        self.exclude = exclude_profile_ids

    def read_lists(self, skill_ids: Sequence[int]) -> list[tuple[int, int, int]]:
        return _fetch(_LISTS_SQL + _marks(skill_ids), skill_ids)

    def read_level(self, skill_id: int, level: int, after: int, limit: int) -> list[int]:
        return [row[0] for row in _fetch(_LEVEL_SQL, [skill_id, level, after, limit])]

    def people(self, profile_ids: Sequence[int]) -> dict[int, Person]:
        """Those of these profiles the viewer may see: country, openness, languages spoken."""
        found: dict[int, tuple[str, bool, set[str]]] = {}
        wanted = [pid for pid in profile_ids if pid not in self.exclude]
        for chunk in _chunks(wanted):
            sql = _PEOPLE_SQL.format(visibilities=_marks(self.visibilities), ids=_marks(chunk))
            params = [True, self.viewer_id, *self.visibilities, *chunk]
            for pid, country, open_to_cross_border, language in _fetch(sql, params):
                entry = found.setdefault(
                    pid, (str(country or ""), bool(open_to_cross_border), set())
                )
                if language:
                    entry[2].add(str(language).lower())
        return {pid: Person(c, o, frozenset(spoken)) for pid, (c, o, spoken) in found.items()}

    def offered(self, profile_ids: Sequence[int], skill_ids: Sequence[int]) -> dict[int, dict]:
        """Profile id -> {skill id: level}, for these skills only."""
        offered: dict[int, dict[int, int]] = {}
        for chunk in _chunks(profile_ids):
            sql = _OFFERED_SQL.format(skills=_marks(skill_ids), ids=_marks(chunk))
            for pid, skill_id, level in _fetch(sql, [*skill_ids, *chunk]):
                offered.setdefault(pid, {})[skill_id] = level
        return offered


def _marks(values: Sequence[Any]) -> str:
    return "(" + ", ".join(["%s"] * len(values)) + ")"


def _fetch(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, list(params))
        return cursor.fetchall()
