"""How well a person matches a need: pure functions, no Django, no database.

A match is scored from the sought skills the candidate offers, each weighted by its rarity in the
network (a rare skill counts more than one half the network offers) and by the candidate's level,
normalised by the best possible score for that need (so 0..1), then multiplied by two bonuses:
working across the border (+15 %) and a shared language (+10 %). Scores therefore run from 0 to
1.265; ties are broken by profile id so that rankings are deterministic.

`upper_bound` sums the same terms in the same order as `score`, so that in floating point it is
never below the score of any candidate it bounds: the top-k search relies on that.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

# Level 1 (beginner) to 4 (expert): an expert counts fully, a beginner a little under half.
LEVEL_WEIGHTS: Mapping[int, float] = {1: 0.4, 2: 0.6, 3: 0.85, 4: 1.0}
TOP_LEVEL = 4
CROSS_BORDER_BONUS = 0.15
SHARED_LANGUAGE_BONUS = 0.10
SCORE_DIGITS = 10


@dataclass(frozen=True)
class Need:
    """What is sought: skills (each with its rarity) and who seeks them."""

    skill_ids: tuple[int, ...]
    rarity: Mapping[int, float]
    seeker_country: str = ""
    seeker_languages: tuple[str, ...] = ()
    require_shared_language: bool = False

    @cached_property
    def maximum(self) -> float:
        """The raw score of someone offering every sought skill as an expert."""
        return raw_score(dict.fromkeys(self.skill_ids, TOP_LEVEL), self)


@dataclass(frozen=True)
class Candidate:
    """What the score needs to know about one person who offers some of the skills."""

    profile_id: int
    country: str
    languages: frozenset[str]
    offered: Mapping[int, int]  # skill id -> level (1..4), only the sought skills are needed
    open_to_cross_border: bool = False


@dataclass(frozen=True, order=False)
class ScoredMatch:
    """A candidate's score for a need, and what it is made of."""

    profile_id: int
    score: float
    matched_skill_ids: tuple[int, ...]  # in the order of the need
    matched_levels: tuple[int, ...] = field(default=())
    shared_languages: tuple[str, ...] = ()  # in the order of the seeker's languages
    cross_border: bool = False

    @property
    def sort_key(self) -> tuple[float, int]:
        """Best first; equal scores by profile id."""
        return (-self.score, self.profile_id)


def rarity(holders: int, population: int) -> float:
    """Inverse document frequency, smoothed: ln((N + 1) / (holders + 1)) + 1, never below 1.

    A skill nobody else offers weighs about ln(N) + 1; one that everybody offers still weighs 1.
    """
    population = max(population, holders, 0)
    return math.log((population + 1) / (max(holders, 0) + 1)) + 1.0


def level_weight(level: int) -> float:
    """Weight of an offered level: 1 -> 0.4, 2 -> 0.6, 3 -> 0.85, 4 -> 1.0; anything else 0."""
    return LEVEL_WEIGHTS.get(level, 0.0)


def raw_score(levels: Mapping[int, int], need: Need) -> float:
    """Sum of rarity x level weight over the need's skills, in the need's order."""
    total = 0.0
    for skill_id in need.skill_ids:
        level = levels.get(skill_id)
        if level:
            total += need.rarity[skill_id] * level_weight(level)
    return total


def maximum(need: Need) -> float:
    """The raw score of someone offering every sought skill as an expert."""
    return need.maximum


def bonus(*, cross_border: bool, shared_language: bool) -> float:
    """The multiplier for working across the border and for speaking a common language."""
    factor = 1.0 + (CROSS_BORDER_BONUS if cross_border else 0.0)
    return factor * (1.0 + (SHARED_LANGUAGE_BONUS if shared_language else 0.0))


def max_bonus(need: Need) -> float:
    """The best multiplier anyone can get for this need (no seeker country: no border bonus)."""
    return bonus(
        cross_border=bool(need.seeker_country), shared_language=bool(need.seeker_languages)
    )


def is_cross_border(candidate: Candidate, need: Need) -> bool:
    """Different countries, and the candidate is open to working across the border."""
    return bool(
        candidate.open_to_cross_border
        and need.seeker_country
        and candidate.country
        and candidate.country != need.seeker_country
    )


def shared_languages(candidate: Candidate, need: Need) -> tuple[str, ...]:
    """The seeker's languages the candidate speaks, in the seeker's order."""
    return tuple(code for code in need.seeker_languages if code in candidate.languages)


def normalised(raw: float, need: Need, factor: float) -> float:
    """Raw score over the need's maximum, times a bonus multiplier, to SCORE_DIGITS decimals.

    Rounding makes scores that are equal on paper equal in floating point too, whatever the
    order of the sum (two skills of the same rarity, each missing once), so that ties are real.
    """
    best = maximum(need)
    return round((raw / best) * factor, SCORE_DIGITS) if best > 0 else 0.0


def score(candidate: Candidate, need: Need) -> ScoredMatch | None:
    """The candidate's match for the need; None when they offer none of the skills or when a
    shared language is required and they speak none of the seeker's languages."""
    matched = tuple(s for s in need.skill_ids if candidate.offered.get(s))
    shared = shared_languages(candidate, need)
    if not matched or (need.require_shared_language and not shared):
        return None
    cross = is_cross_border(candidate, need)
    factor = bonus(cross_border=cross, shared_language=bool(shared))
    return ScoredMatch(
        profile_id=candidate.profile_id,
        score=normalised(raw_score(candidate.offered, need), need, factor),
        matched_skill_ids=matched,
        matched_levels=tuple(candidate.offered[s] for s in matched),
        shared_languages=shared,
        cross_border=cross,
    )


def upper_bound(levels: Mapping[int, int], need: Need) -> float:
    """The best score anyone can reach whose levels are at most `levels` (skill id -> level).

    The best bonus the need allows is assumed; skills missing from `levels` count as not offered.
    """
    return normalised(raw_score(levels, need), need, max_bonus(need))


def rank(matches: Collection[ScoredMatch], limit: int) -> list[ScoredMatch]:
    """The `limit` best matches, best first, ties by profile id."""
    return sorted(matches, key=lambda m: m.sort_key)[:limit]


@dataclass(frozen=True)
class ExplanationParts:
    """What a match's explanation says, before it is put into words."""

    offered_count: int
    sought_count: int
    skill_ids: tuple[int, ...]
    languages: tuple[str, ...]
    seeker_has_languages: bool


def explanation_parts(match: ScoredMatch, need: Need) -> ExplanationParts:
    """Offers `offered_count` of the `sought_count` sought skills; speaks `languages`."""
    return ExplanationParts(
        offered_count=len(match.matched_skill_ids),
        sought_count=len(need.skill_ids),
        skill_ids=match.matched_skill_ids,
        languages=match.shared_languages,
        seeker_has_languages=bool(need.seeker_languages),
    )


def brute_force(candidates: Sequence[Candidate], need: Need, limit: int) -> list[ScoredMatch]:
    """Score everyone and keep the best: the reference the top-k search must agree with."""
    scored = (score(candidate, need) for candidate in candidates)
    return rank([m for m in scored if m is not None], limit)
