"""The PostgreSQL backend: one tsquery against the entry's generated, GIN-indexed `document`.

Words are parsed by PostgreSQL itself (`to_tsquery('simple', coffee_unaccent('word':*))`), so
they are normalised exactly as the document was. Skills and facets are lexemes `'#sk12'`,
`'#cbe'` that no parsed word can produce, cast directly (they are built here from ids and codes).
Skills offered at level 3 or 4 also carry `'#+sk12'`, which the clause ORs in: the level boost.
"""
# Queries are assembled from constants; user input only travels as the %s parameters.
# ruff: noqa: S608

from __future__ import annotations

from django.db import connection

from coffee.skills.search.facets import skill_token
from coffee.skills.search.labels import postgres_term
from coffee.skills.search.query import Clause, Criteria
from coffee.skills.search.ranking import Row

Params = list[str | int | float | None]

# One ts_rank per word, summed (as bm25 sums per phrase): ts_rank of an AND query scores the
# proximity of its words, and a skill that two words name sits at one position. Normalisation 1
# divides by 1 + log(document length): a long bio does not outweigh a skill.
_RANK = "ts_rank(document, {clause}, 1)"
_TOKENS = "SELECT profile_id, facets || ' ' || skills, strong_skills, name FROM skills_searchentry"


def _lexemes(tokens: list[str], operator: str, prefix: str = "#") -> str:
    return f" {operator} ".join(f"'{prefix}{token}'" for token in tokens)


def _clause(clause: Clause) -> tuple[str, Params]:
    text = "to_tsquery('simple', coffee_unaccent(%s))"
    if not clause.skill_ids:
        return text, [postgres_term(clause.term)]
    tokens = [skill_token(s) for s in clause.skill_ids]
    skills = _lexemes(tokens, "|") + " | " + _lexemes(tokens, "|", prefix="#+")
    return f"({text} || %s::tsquery)", [postgres_term(clause.term), skills]


class PostgresSearch:
    """The queries of one search; newer profiles have larger ids."""

    def __init__(self, criteria: Criteria) -> None:
        text_parts = [_clause(clause) for clause in criteria.clauses]
        parts = list(text_parts)
        if criteria.skill_ids:
            skills = [skill_token(s) for s in criteria.skill_ids]
            parts.append(("%s::tsquery", [_lexemes(skills, "&")]))
        if criteria.facet_tokens:
            parts.append(("%s::tsquery", [_lexemes(list(criteria.facet_tokens), "&")]))
        self.where, self.params = _joined(parts)
        self.rank = " + ".join(_RANK.format(clause=fragment) for fragment, _p in text_parts)
        self.rank_params = [param for _fragment, params in text_parts for param in params]

    def newest(self, limit: int) -> list[Row]:
        """The newest matches: id, facet and skill tokens, strong skills, name."""
        sql = f"{_TOKENS} {self._where()} ORDER BY profile_id DESC LIMIT %s"
        return [Row(*row) for row in self._rows(sql, [*self.params, limit])]

    def count(self) -> int:
        sql = f"SELECT count(*) FROM skills_searchentry {self._where()}"
        return int(self._rows(sql, self.params)[0][0])

    def ranked(self, offset: int, limit: int) -> list[tuple[int, float]]:
        sql = (
            f"SELECT profile_id, {self.rank} AS score FROM skills_searchentry {self._where()} "
            "ORDER BY score DESC, profile_id DESC LIMIT %s OFFSET %s"
        )
        return self._rows(sql, [*self.rank_params, *self.params, limit, offset])

    def _where(self) -> str:
        return f"WHERE document @@ ({self.where})" if self.where else ""

    @staticmethod
    def _rows(sql: str, params: Params) -> list[tuple]:  # type: ignore[type-arg]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()


def _joined(parts: list[tuple[str, Params]]) -> tuple[str, Params]:
    """AND the parts into one tsquery expression, with their parameters in order."""
    sql = " && ".join(f"({fragment})" for fragment, _params in parts)
    return sql, [param for _fragment, params in parts for param in params]
