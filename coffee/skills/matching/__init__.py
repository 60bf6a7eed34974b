"""Matching: the people who offer the skills someone seeks, ranked, each match explained.

`match_for_skills` serves a company's search and any list of skills; `match_for_profile` a
member's own sought skills. Scoring is in `scoring` (pure), the top-k search in `topk` (pure),
the SQL in `selectors`, the sentences in `explain`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from coffee.people.models import Profile
from coffee.skills.matching.explain import explain
from coffee.skills.matching.scoring import Need, ScoredMatch
from coffee.skills.matching.selectors import match_search, need_build, spoken_languages
from coffee.skills.models import OfferedSkill, Skill, SoughtSkill

__all__ = ["Match", "match_for_profile", "match_for_skills"]


@dataclass(frozen=True)
class Match:
    """One person who offers some of the sought skills, and why they rank where they do."""

    profile: Profile
    score: float
    skills: tuple[Skill, ...]  # the sought skills they offer, in the order they were sought
    levels: tuple[int, ...]  # their level for each of `skills`, 1 (beginner) to 4 (expert)
    shared_languages: tuple[str, ...]
    cross_border: bool
    sought_count: int
    seeker_has_languages: bool

    @property
    def explanation(self) -> str:
        """One sentence in the active language: what they offer of the need, what they speak."""
        return explain(
            skill_labels=[str(skill.label) for skill in self.skills],
            sought_count=self.sought_count,
            languages=self.shared_languages,
            seeker_has_languages=self.seeker_has_languages,
        )

    @property
    def offered(self) -> list[tuple[Skill, str]]:
        """Each sought skill they offer, with the name of their level ("Expert")."""
        return [
            (skill, str(OfferedSkill.Level(level).label))
            for skill, level in zip(self.skills, self.levels, strict=True)
        ]


def match_for_skills(
    *,
    skill_ids: Sequence[int],
    viewer: Any,
    seeker_profile: Profile | None = None,
    country: str | None = None,
    languages: Sequence[str] = (),
    require_shared_language: bool = False,
    limit: int = 20,
    exclude_profile_ids: Iterable[int] = (),
) -> list[Match]:
    """The best `limit` people offering these skills whom the viewer may see, best first.

    The seeker's country and languages (for the cross-border bonus and a shared language) are
    taken from `seeker_profile` unless given; the seeker and the viewer never match themselves.
    """
    if seeker_profile is not None:
        country = seeker_profile.country if country is None else country
        languages = languages or spoken_languages(seeker_profile)
    need, holders = need_build(
        skill_ids=skill_ids,
        country=str(country or ""),
        languages=languages,
        require_shared_language=require_shared_language,
    )
    excluded = set(exclude_profile_ids)
    if seeker_profile is not None:
        excluded.add(seeker_profile.pk)
    found = match_search(
        need=need, holders=holders, viewer=viewer, exclude_profile_ids=excluded, limit=limit
    )
    return _matches(found.matches, need)


def match_for_profile(*, profile: Profile, viewer: Any, limit: int = 20) -> list[Match]:
    """The best people for a member's sought skills (the member never matches themselves)."""
    sought = SoughtSkill.objects.filter(profile=profile).order_by("id")
    skill_ids = list(sought.values_list("skill_id", flat=True))
    if not skill_ids:
        return []
    return match_for_skills(skill_ids=skill_ids, viewer=viewer, seeker_profile=profile, limit=limit)


def _matches(scored: Sequence[ScoredMatch], need: Need) -> list[Match]:
    """Matches with their profiles (user, home space, company, languages) and skills: 3 queries."""
    if not scored:
        return []
    profiles = Profile.objects.select_related("user", "home_space", "company").prefetch_related(
        "languages"
    )
    by_id = profiles.in_bulk([m.profile_id for m in scored])
    skills = Skill.objects.in_bulk(need.skill_ids)
    return [
        Match(
            profile=by_id[m.profile_id],
            score=m.score,
            skills=tuple(skills[s] for s in m.matched_skill_ids),
            levels=m.matched_levels,
            shared_languages=m.shared_languages,
            cross_border=m.cross_border,
            sought_count=len(need.skill_ids),
            seeker_has_languages=bool(need.seeker_languages),
        )
        for m in scored
        if m.profile_id in by_id
    ]
