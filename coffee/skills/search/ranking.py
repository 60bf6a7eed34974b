"""Ordering a broad search: field weights over the rows already read for the facets.

bm25 over a broad match is what costs most (it first scans every word's postings to weigh its
rarity: 30-60 ms at 1,000,000 profiles), so above RANK_ALL matches the newest ones are ordered
by which field each word matched, from the skill and name tokens the facet query read anyway:
a skill the word names (+3 at level 3 or 4), the name, or another field; newest first on ties.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from coffee.skills.search.query import Clause, words

SKILL, STRONG, NAME, OTHER = 10.0, 3.0, 10.0, 1.0


class Row(NamedTuple):
    """What the facet query reads of a match: id, facet and skill tokens, strong skills, name."""

    profile_id: int
    tokens: str
    strong: str
    name: str


def by_fields(rows: Sequence[Row], clauses: Sequence[Clause]) -> list[tuple[int, float]]:
    """(profile id, score) of the rows, best first; the sort is stable, rows come newest first."""
    named = [frozenset(f"sk{skill_id}" for skill_id in c.skill_ids) for c in clauses]
    scored = [(row.profile_id, field_score(row, clauses, named)) for row in rows]
    return sorted(scored, key=lambda pair: -pair[1])


def field_score(row: Row, clauses: Sequence[Clause], named: Sequence[frozenset[str]]) -> float:
    """The sum over the words of the best field each matched (all words match somewhere)."""
    tokens = set(row.tokens.split())
    name: list[str] | None = None
    score = 0.0
    for clause, skills in zip(clauses, named, strict=True):
        if not skills.isdisjoint(tokens):
            strong = not skills.isdisjoint(row.strong.split())
            score += SKILL + (STRONG if strong else 0.0)
            continue
        name = words(row.name) if name is None else name
        prefix = clause.term.norm
        score += NAME if any(word.startswith(prefix) for word in name) else OTHER
    return score
