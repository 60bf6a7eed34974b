"""The SQLite backend: one FTS5 MATCH expression over the entry table's full-text index.

Each word becomes `({name headline bio company} : "word"*) OR ({skills strong_skills} : (sk1 OR
sk2))`; filters are `{facets} : (cbe AND lnl)` and `{skills} : (sk12)`; everything is ANDed.
Terms are letters and digits only (see query.py), always quoted, so no input reaches the syntax.
Skills offered at level 3 or 4 sit in `strong_skills` as well: matching both columns is the level
boost in bm25.
"""
# Queries are assembled from constants; user input only travels as the %s parameters.
# ruff: noqa: S608

from __future__ import annotations

from django.db import connection

from coffee.skills.search.facets import skill_token
from coffee.skills.search.query import Clause, Criteria
from coffee.skills.search.ranking import Row
from coffee.skills.search.schema import ENTRY_FTS

Params = list[str | int | float | None]

# What facets and broad ranking read, all in the covering index skills_search_rows.
_ROW = "e.profile_id, e.facets || ' ' || e.skills, e.strong_skills, e.name"
_TOKENS = f"SELECT {_ROW} FROM {ENTRY_FTS} f JOIN skills_searchentry e ON e.profile_id = f.rowid"
_ALL_TOKENS = f"SELECT {_ROW} FROM skills_searchentry e"


def match_expression(criteria: Criteria) -> str | None:
    """The FTS5 query of the criteria, or None when they match every entry."""
    parts = [_clause(clause) for clause in criteria.clauses]
    if criteria.skill_ids:
        parts.append("{skills} : (" + " AND ".join(map(skill_token, criteria.skill_ids)) + ")")
    if criteria.facet_tokens:
        parts.append("{facets} : (" + " AND ".join(criteria.facet_tokens) + ")")
    return " AND ".join(parts) or None


def _clause(clause: Clause) -> str:
    term = clause.term
    text = '({name headline bio company} : "' + term.norm + '"' + ("*" if term.prefix else "") + ")"
    if not clause.skill_ids:
        return text
    skills = " OR ".join(map(skill_token, clause.skill_ids))
    return f"({text} OR ({{skills strong_skills}} : ({skills})))"


class SQLiteSearch:
    """The queries of one search; rowid is the profile id, newer profiles have larger ids."""

    def __init__(self, criteria: Criteria) -> None:
        self.match = match_expression(criteria)

    def newest(self, limit: int) -> list[Row]:
        """The newest matches: id, facet and skill tokens, strong skills, name."""
        if self.match is None:
            sql = f"{_ALL_TOKENS} ORDER BY e.profile_id DESC LIMIT %s"
            return [Row(*row) for row in self._rows(sql, [limit])]
        sql = f"{_TOKENS} WHERE f.{ENTRY_FTS} MATCH %s ORDER BY f.rowid DESC LIMIT %s"
        return [Row(*row) for row in self._rows(sql, [self.match, limit])]

    def count(self) -> int:
        if self.match is None:
            return int(self._rows("SELECT count(*) FROM skills_searchentry", [])[0][0])
        sql = f"SELECT count(*) FROM {ENTRY_FTS} WHERE {ENTRY_FTS} MATCH %s"
        return int(self._rows(sql, [self.match])[0][0])

    def ranked(self, offset: int, limit: int) -> list[tuple[int, float]]:
        """A page of all matches by bm25 (the table's configured rank); fine for a few thousand."""
        sql = (
            f"SELECT rowid, -rank FROM {ENTRY_FTS} WHERE {ENTRY_FTS} MATCH %s "
            "ORDER BY rank, rowid DESC LIMIT %s OFFSET %s"
        )
        return self._rows(sql, [self.match, limit, offset])

    @staticmethod
    def _rows(sql: str, params: Params) -> list[tuple]:  # type: ignore[type-arg]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
