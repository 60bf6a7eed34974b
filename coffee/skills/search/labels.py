"""The label index: which skills a word names, in any of the three languages.

Profiles are indexed by skill id (`sk42`), never by label; a search word is turned into the ids of
the active skills having a label or synonym (fr, nl or en) with a word that starts with it. So
"webontwikkelaar", "web developer" and "développeur web" all reach skill 42, and renaming a skill
or adding a synonym changes search results without touching a single profile entry.
"""
# Queries are assembled from constants; user input only travels as the %s parameters.
# ruff: noqa: S608

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

from coffee.skills.search.query import Term
from coffee.skills.search.schema import LABEL_FTS, POSTGRES_LABELS

# A word naming more skills than this ("dév") keeps the best-matching ones only: every skill
# named is one more phrase that bm25 scores on every candidate row.
MAX_SKILLS_PER_TERM = 50


def expand_terms(terms: Sequence[Term]) -> list[tuple[int, ...]]:
    """For each term, the ids of the active skills it names (one query for all terms)."""
    if not terms:
        return []
    build = _postgres_part if connection.vendor == "postgresql" else _sqlite_part
    parts, params = [], []
    for position, term in enumerate(terms):
        sql, param = build(position, term)
        parts.append(sql)
        params.append(param)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        rows = cursor.fetchall()
    found: list[list[int]] = [[] for _ in terms]
    for position, skill_id in rows:
        found[position].append(skill_id)
    return [tuple(ids) for ids in found]


def _sqlite_part(position: int, term: Term) -> tuple[str, str]:
    sql = (
        f"SELECT {position:d}, s.id FROM skills_skill s WHERE s.is_active AND s.id IN ("
        f"SELECT rowid FROM {LABEL_FTS} WHERE {LABEL_FTS} MATCH %s "
        f"ORDER BY rank LIMIT {MAX_SKILLS_PER_TERM:d})"
    )
    return sql, '"' + term.norm + '"' + ("*" if term.prefix else "")


def _postgres_part(position: int, term: Term) -> tuple[str, str]:
    sql = (
        f"(SELECT {position:d}, id FROM skills_skill WHERE is_active AND {POSTGRES_LABELS} "
        f"@@ to_tsquery('simple', coffee_unaccent(%s)) LIMIT {MAX_SKILLS_PER_TERM:d})"
    )
    return sql, postgres_term(term)


def postgres_term(term: Term) -> str:
    """The tsquery text of a term: quoted, with the prefix marker when it has one."""
    return "'" + term.norm + "'" + (":*" if term.prefix else "")
