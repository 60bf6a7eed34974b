"""Reading participants from CSV uploads (columns id, name, country, offers, seeks)."""

from __future__ import annotations

import csv
from typing import TextIO

from .errors import PlannerInputError
from .model import Participant

COLUMNS = ("id", "name", "country", "offers", "seeks")
SKILL_SEPARATOR = ";"


def _skills(cell: str | None) -> frozenset[str]:
    """Skill keys of one cell: split on ';', stripped, empties dropped."""
    return frozenset(s.strip() for s in (cell or "").split(SKILL_SEPARATOR) if s.strip())


def read_participants_csv(stream: TextIO) -> list[Participant]:
    """Participants in file order; header names are matched case- and space-insensitively.

    Raises PlannerInputError with code missing_column (line 1), empty_id or duplicate_id
    and the 1-based line number. Countries are upper-cased; extra columns are ignored.
    """
    reader = csv.reader(stream)
    header = next(reader, None)
    names = [h.strip().lstrip("\ufeff").strip().lower() for h in header or []]
    for column in COLUMNS:
        if column not in names:
            raise PlannerInputError(
                f"The column {column!r} is missing from the header line.", "missing_column", 1
            )
    position = {column: names.index(column) for column in COLUMNS}
    people: list[Participant] = []
    lines: dict[str, int] = {}
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue  # blank lines carry no participant

        def cell(column: str, row: list[str] = row) -> str:
            i = position[column]
            return row[i].strip() if i < len(row) else ""

        line = reader.line_num
        pid = cell("id")
        if not pid:
            raise PlannerInputError(f"The id on line {line} is empty.", "empty_id", line)
        if pid in lines:
            raise PlannerInputError(
                f"The id {pid!r} on line {line} already appears on line {lines[pid]}.",
                "duplicate_id",
                line,
            )
        lines[pid] = line
        people.append(
            Participant(
                id=pid,
                name=cell("name"),
                country=cell("country").upper(),
                offers=_skills(cell("offers")),
                seeks=_skills(cell("seeks")),
            )
        )
    return people
