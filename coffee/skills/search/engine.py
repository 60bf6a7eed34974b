"""`search_profiles`: one search over the catalogue, on whichever backend the database is.

The strategy is the same on both backends, chosen so that no step reads more than a few
thousand index entries whatever the size of the network:

1. the matches are counted (a count reads the index only);
2. facet counts are exact up to FACET_EXACT matches (their facet tokens are all read); above,
   they are estimated from the newest FACET_SAMPLE matches and scaled (`approximate`);
3. up to RANK_ALL matches are all ranked by relevance (bm25, ts_rank); above, the newest
   FACET_SAMPLE matches are ordered by the fields the words matched (ranking.py), from the rows
   the facets read, and the others follow newest first (bm25 over a broad match is slow);
4. the page's profiles are loaded in one query, skill and space labels in one query each.

Pages reach the matches whose facet tokens were read: all of them up to FACET_EXACT, the newest
FACET_SAMPLE above. The number of queries does not depend on the page size (at most 7).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple, Protocol

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import connection
from django.utils.translation import get_language
from django_countries import countries
from modeltranslation.utils import resolution_order

from coffee.people.models import Visibility, display_name
from coffee.skills.models import SearchEntry, Skill
from coffee.skills.search.facets import (
    count_tokens,
    facet_skill_ids,
    filter_tokens,
    label_facets,
)
from coffee.skills.search.labels import expand_terms
from coffee.skills.search.postgres import PostgresSearch
from coffee.skills.search.query import Clause, Criteria, SearchQuery, parse_terms
from coffee.skills.search.ranking import Row, by_fields
from coffee.skills.search.reasons import explain, matched_skill_ids
from coffee.skills.search.results import Card, Hit, Place, SearchResult
from coffee.skills.search.sqlite import SQLiteSearch

FACET_EXACT = 2000
FACET_SAMPLE = 500
# bm25 costs ~10 µs a row on top of a scan of each word's postings (measured).
RANK_ALL = 500

Viewer = AbstractBaseUser | AnonymousUser
_LABELS = [f"label_{code}" for code in settings.MODELTRANSLATION_LANGUAGES]
# What explanations (the entry) and a hit's card (profile, name, space, company) read, as plain
# values: the page's twenty cards cost no model instances.
_HIT_COLUMNS = (
    *("profile_id", "skills", "name", "headline", "bio", "company"),
    *("profile__user__first_name", "profile__user__last_name", "profile__country"),
    *("profile__home_space_id", "profile__home_space__name", "profile__home_space__slug"),
    *("profile__company_id", "profile__company__name"),
    *(f"profile__headline_{code}" for code in settings.MODELTRANSLATION_LANGUAGES),
)


class Entry(NamedTuple):
    """The texts of a search entry that explanations read, and the card of its profile."""

    skills: str
    name: str
    headline: str
    bio: str
    company: str
    card: Card


class Backend(Protocol):
    def newest(self, limit: int) -> list[Row]: ...
    def count(self) -> int: ...
    def ranked(self, offset: int, limit: int) -> list[tuple[int, float]]: ...


def search_profiles(query: SearchQuery, *, viewer: Viewer) -> SearchResult:
    """Search the profiles the viewer may see; hidden profiles are never in the index."""
    query = query.cleaned()
    criteria = build_criteria(query, public_only=not viewer.is_authenticated)
    backend = backend_for(criteria)
    total = backend.count()
    approximate = total > FACET_EXACT
    rows = backend.newest(FACET_SAMPLE if approximate else total) if total else []
    counts = count_tokens([row.tokens for row in rows], total=total)
    pages = max(1, math.ceil(len(rows) / query.page_size))
    page = min(query.page, pages)
    offset = (page - 1) * query.page_size
    scored = _page(backend, criteria, rows, total=total, offset=offset, limit=query.page_size)
    entries = _entries([profile_id for profile_id, _score in scored], viewer)
    skills = _skills(query, criteria, entries.values(), facet_skill_ids(counts))
    hits = [
        _hit(entries[profile_id], score, query, criteria, skills)
        for profile_id, score in scored
        if profile_id in entries
    ]
    facets = label_facets(counts, query, skills)
    return SearchResult(hits, total, facets, approximate, page, pages)


def build_criteria(query: SearchQuery, *, public_only: bool) -> Criteria:
    """The backend-neutral criteria: each word with the skills it names, then the filters."""
    terms = parse_terms(query.text)
    clauses = tuple(Clause(t, ids) for t, ids in zip(terms, expand_terms(terms), strict=True))
    return Criteria(
        clauses=clauses,
        skill_ids=tuple(query.skills),
        facet_tokens=filter_tokens(query, public_only=public_only),
    )


def backend_for(criteria: Criteria) -> Backend:
    if connection.vendor == "postgresql":
        return PostgresSearch(criteria)
    return SQLiteSearch(criteria)


def _page(
    backend: Backend,
    criteria: Criteria,
    rows: list[Row],
    *,
    total: int,
    offset: int,
    limit: int,
) -> list[tuple[int, float]]:
    """(profile id, score) of the page: by relevance when there are words, else newest first."""
    if not rows or offset >= len(rows):
        return []
    if not criteria.has_text:
        return [(row.profile_id, 0.0) for row in rows[offset : offset + limit]]
    if total <= RANK_ALL:
        return backend.ranked(offset, limit)
    if offset >= FACET_SAMPLE:
        return [(row.profile_id, 0.0) for row in rows[offset : offset + limit]]
    ordered = by_fields(rows[:FACET_SAMPLE], criteria.clauses)
    ordered += [(row.profile_id, 0.0) for row in rows[FACET_SAMPLE : offset + limit]]
    return ordered[offset : offset + limit]


def _entries(profile_ids: list[int], viewer: Viewer) -> dict[int, Entry]:
    """The page's entries with their cards; visibility checked again against the profile."""
    if not profile_ids:
        return {}
    visible = [Visibility.PUBLIC]
    if viewer.is_authenticated:
        visible.append(Visibility.MEMBERS)
    rows = SearchEntry.objects.filter(
        pk__in=profile_ids, profile__visibility__in=visible, profile__user__is_active=True
    ).values(*_HIT_COLUMNS)
    order = resolution_order(get_language() or settings.LANGUAGE_CODE)
    return {
        row["profile_id"]: Entry(
            row["skills"], row["name"], row["headline"], row["bio"], row["company"],
            card=_card(row, order),
        )
        for row in rows
    }  # fmt: skip


def _card(row: dict[str, Any], order: Sequence[str]) -> Card:
    """A hit's card from its row; the headline in the first language of `order` it is written in."""
    headlines = (row[f"profile__headline_{code}"] for code in order)
    space_id, company_id, country = (
        row["profile__home_space_id"], row["profile__company_id"], row["profile__country"]
    )  # fmt: skip
    return Card(
        pk=row["profile_id"],
        display_name=display_name(
            row["profile__user__first_name"], row["profile__user__last_name"]
        ),
        headline=next((text for text in headlines if text), ""),
        country=country or "",
        country_name=countries.name(country) if country else "",
        home_space=(
            Place(space_id, row["profile__home_space__name"], row["profile__home_space__slug"])
            if space_id
            else None
        ),
        company=Place(company_id, row["profile__company__name"]) if company_id else None,
    )


def _skills(
    query: SearchQuery,
    criteria: Criteria,
    entries: Iterable[Entry],
    facet_ids: list[int],
) -> dict[int, Skill]:
    """Every skill the page names (facets, filters, explanations), fetched in one query."""
    ids = set(facet_ids) | set(query.skills)
    for entry in entries:
        ids |= matched_skill_ids(entry, criteria.clauses)
    if not ids:
        return {}
    skills = Skill.objects.filter(pk__in=ids).only("key", "label", *_LABELS)
    return {skill.pk: skill for skill in skills}


def _hit(
    entry: Entry,
    score: float,
    query: SearchQuery,
    criteria: Criteria,
    skills: dict[int, Skill],
) -> Hit:
    explanation = explain(
        entry,
        clauses=criteria.clauses,
        filter_skills=query.skills,
        skills=skills,
        filtered=query.has_filters,
    )
    return Hit(entry.card, score, explanation.reasons, explanation.skills)
