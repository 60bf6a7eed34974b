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
from collections.abc import Iterable
from typing import Protocol

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import connection

from coffee.people.models import Visibility
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
from coffee.skills.search.results import Hit, SearchResult
from coffee.skills.search.sqlite import SQLiteSearch

FACET_EXACT = 2000
FACET_SAMPLE = 1000
# bm25 costs ~10 µs a row on top of a scan of each word's postings (measured).
RANK_ALL = 500

Viewer = AbstractBaseUser | AnonymousUser
_LABELS = [f"label_{code}" for code in settings.MODELTRANSLATION_LANGUAGES]
# What explanations (the entry) and a hit's card (profile, name, space, company) read; loading
# only these keeps the page's hundred model instances cheap.
_HIT_FIELDS = (
    *("skills", "name", "headline", "bio", "company"),
    *("profile__user__first_name", "profile__user__last_name", "profile__country"),
    *(f"profile__headline_{code}" for code in settings.MODELTRANSLATION_LANGUAGES),
    *("profile__home_space__name", "profile__home_space__slug", "profile__company__name"),
    *("profile__visibility", "profile__photo"),
)


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


def _entries(profile_ids: list[int], viewer: Viewer) -> dict[int, SearchEntry]:
    """The page's entries with their profiles; visibility checked again against the profile."""
    if not profile_ids:
        return {}
    visible = [Visibility.PUBLIC]
    if viewer.is_authenticated:
        visible.append(Visibility.MEMBERS)
    entries = SearchEntry.objects.filter(
        pk__in=profile_ids, profile__visibility__in=visible, profile__user__is_active=True
    ).select_related("profile__user", "profile__home_space", "profile__company")
    entries = entries.only(*_HIT_FIELDS)
    return {entry.pk: entry for entry in entries}


def _skills(
    query: SearchQuery,
    criteria: Criteria,
    entries: Iterable[SearchEntry],
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
    entry: SearchEntry,
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
    return Hit(entry.profile, score, explanation.reasons, explanation.skills)
