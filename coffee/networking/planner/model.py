"""Participants, plans, table sizes and the validated, index-based problem the search works on."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .errors import PlannerError

MIN_TABLE_SIZE = 2
MAX_TABLE_SIZE = 6

Plan = list[list[list[str]]]
"""Rounds -> tables -> participant ids."""


@dataclass(frozen=True)
class Participant:
    """One person at the event; ``country`` is an ISO code, skills are free-form keys."""

    id: str
    name: str
    country: str
    offers: frozenset[str] = frozenset()
    seeks: frozenset[str] = frozenset()


def table_sizes(people: int, table_size: int) -> list[int]:
    """Sizes of the tables of one round, largest first.

    There are ceil(people / table_size) tables whose sizes differ by at most one and never
    exceed ``table_size``; with pairs and an odd count one table holds a single person.
    """
    if people <= 0:
        return []
    tables = math.ceil(people / table_size)
    base, extra = divmod(people, tables)
    return [base + 1] * extra + [base] * (tables - extra)


def check_settings(table_size: object, rounds: object, time_limit: object) -> None:
    """Raise PlannerError unless table size, rounds and time limit are usable."""
    if (
        not isinstance(table_size, int)
        or isinstance(table_size, bool)
        or not MIN_TABLE_SIZE <= table_size <= MAX_TABLE_SIZE
    ):
        raise PlannerError(
            f"The table size must be a whole number from {MIN_TABLE_SIZE} to {MAX_TABLE_SIZE}.",
            "table_size",
        )
    if not isinstance(rounds, int) or isinstance(rounds, bool) or rounds < 1:
        raise PlannerError("The number of rounds must be a whole number of at least 1.", "rounds")
    if (
        not isinstance(time_limit, int | float)
        or isinstance(time_limit, bool)
        or not time_limit > 0
    ):
        raise PlannerError("The time limit must be a positive number of seconds.", "time_limit")


def check_participants(participants: Sequence[Participant]) -> None:
    """Raise PlannerError unless there are at least two participants with distinct ids."""
    if len(participants) < 2:
        raise PlannerError("At least two participants are needed to plan a session.", "too_few")
    seen: set[str] = set()
    for person in participants:
        if person.id in seen:
            raise PlannerError(f"The participant id {person.id!r} appears twice.", "duplicate_id")
        seen.add(person.id)


@dataclass(frozen=True)
class Problem:
    """Participants recoded as indices 0..n-1 (sorted by id) with bitmask skills.

    Sorting by id makes the plan independent of the input order; bitmasks over sorted
    skill keys keep every later step free of string hashing, whose order varies per run.
    """

    ids: tuple[str, ...]
    country: tuple[int, ...]
    seeks: tuple[int, ...]
    offers: tuple[int, ...]

    @property
    def size(self) -> int:
        """Number of participants."""
        return len(self.ids)

    @classmethod
    def from_participants(cls, participants: Sequence[Participant]) -> Problem:
        """Recode validated participants; ids must already be unique."""
        people = sorted(participants, key=lambda p: p.id)
        countries = sorted({p.country for p in people})
        country_index = {c: i for i, c in enumerate(countries)}
        skills = sorted({s for p in people for s in p.offers | p.seeks})
        skill_index = {s: i for i, s in enumerate(skills)}

        def mask(keys: frozenset[str]) -> int:
            return sum(1 << skill_index[s] for s in keys)

        return cls(
            ids=tuple(p.id for p in people),
            country=tuple(country_index[p.country] for p in people),
            seeks=tuple(mask(p.seeks) for p in people),
            offers=tuple(mask(p.offers) for p in people),
        )
