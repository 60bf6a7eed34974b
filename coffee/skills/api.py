"""The catalogue search as JSON: GET /api/v1/catalogue/search, the same search as the page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema

from coffee.skills.search import Hit, SearchQuery, SearchResult, search_profiles
from coffee.skills.search.query import DEFAULT_PAGE_SIZE

router = Router(tags=["catalogue"])


class SkillRef(Schema):
    id: int
    key: str
    label: str


class SpaceRef(Schema):
    id: int
    slug: str
    name: str


class HitOut(Schema):
    profile_id: int
    name: str
    headline: str
    country: str
    home_space: SpaceRef | None
    score: float
    reasons: list[str]
    matched_skills: list[SkillRef]


class FacetValueOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class SearchOut(Schema):
    total: int
    approximate: bool
    page: int
    pages: int
    hits: list[HitOut]
    facets: dict[str, list[FacetValueOut]]


@router.get("/search", response=SearchOut, summary="Search the members by words and facets")
def search(
    request: HttpRequest,
    q: str = "",
    skill: list[int] = Query([]),  # noqa: B008 - Ninja's way to declare a repeated parameter
    country: str = "",
    space: int | None = None,
    language: str = "",
    status: str = "",
    cross_border: bool | None = None,
    page: int = 1,
    page_size: int = DEFAULT_PAGE_SIZE,
) -> dict[str, Any]:
    """Hidden profiles are never returned; members-only profiles need a session."""
    query = SearchQuery(q, skill, country, space, language, status, cross_border, page, page_size)
    return _result(search_profiles(query, viewer=request.user))


def _result(result: SearchResult) -> dict[str, Any]:
    return {
        "total": result.total,
        "approximate": result.approximate,
        "page": result.page,
        "pages": result.pages,
        "hits": [_hit(hit) for hit in result.hits],
        "facets": {name: [vars(v) for v in values] for name, values in result.facets.items()},
    }


def _hit(hit: Hit) -> dict[str, Any]:
    profile, space = hit.profile, hit.profile.home_space
    return {
        "profile_id": profile.pk,
        "name": str(profile.display_name),
        "headline": profile.headline or "",
        "country": str(profile.country or ""),
        "home_space": {"id": space.pk, "slug": space.slug, "name": space.name} if space else None,
        "score": round(hit.score, 6),
        "reasons": hit.reasons,
        "matched_skills": [
            {"id": s.pk, "key": s.key, "label": str(s.label)} for s in hit.matched_skills
        ],
    }
