"""What a search returns: the page of hits, each explaining itself, the total and the facets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from coffee.skills.models import Skill


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet (a country, a skill, ...), its label and how many results have it."""

    value: str
    label: str
    count: int
    selected: bool = False


class Place(NamedTuple):
    """A hit's home space, or its company (no slug): what a result shows of them."""

    pk: int
    name: str
    slug: str = ""


@dataclass(frozen=True)
class Card:
    """What a result shows of a profile, read in the page's one query (no model instances)."""

    pk: int
    display_name: str
    headline: str  # in the reader's language, else the first one written
    country: str  # ISO code
    country_name: str
    home_space: Place | None
    company: Place | None


@dataclass
class Hit:
    """A profile found, its score (higher is better) and why it matched, already translated."""

    profile: Card
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
