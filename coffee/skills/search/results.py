"""What a search returns: the page of hits, each explaining itself, the total and the facets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coffee.people.models import Profile
    from coffee.skills.models import Skill


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet (a country, a skill, ...), its label and how many results have it."""

    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Hit:
    """A profile found, its score (higher is better) and why it matched, already translated."""

    profile: Profile
    score: float
    reasons: list[str]
    matched_skills: list[Skill] = field(default_factory=list)


@dataclass
class SearchResult:
    """One page of results; `approximate` when facet counts are estimated from a sample."""

    hits: list[Hit]
    total: int
    facets: dict[str, list[FacetValue]]
    approximate: bool
    page: int
    pages: int

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages
