"""Seat the participants of a CSV file for every round, from the command line.

    python manage.py plan_networking --input people.csv --table-size 4 --rounds 5 --seed 1 --json

The CSV has the columns id, name, country, offers, seeks (skills separated by ";"). With --json
the output is one JSON object: {"rounds": [[[ids at table 1], ...], ...], "quality": {...}}.
Like every management command, it speaks English (Django turns translations off for commands).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from coffee.networking import planner


class Command(BaseCommand):
    help = "Seat the participants of a CSV file (id, name, country, offers, seeks) for every round."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--input", required=True, help="CSV file: id, name, country, offers, seeks"
        )
        parser.add_argument("--table-size", type=int, required=True, help="people per table (2-6)")
        parser.add_argument("--rounds", type=int, required=True, help="number of rounds")
        parser.add_argument("--seed", type=int, default=0, help="same seed, same plan")
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["input"])
        participants = _read(path)
        try:
            rounds = planner.plan(
                participants,
                table_size=options["table_size"],
                rounds=options["rounds"],
                seed=options["seed"],
            )
            figures = planner.quality(participants, rounds)
        except planner.PlannerError as error:
            raise CommandError(error.message) from error
        if options["json"]:
            self.stdout.write(json.dumps({"rounds": rounds, "quality": figures}))
        else:
            self.stdout.write(_readable(participants, rounds, figures))


def _read(path: Path) -> list[planner.Participant]:
    """The participants of the file; a defect names the file and its line."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            return planner.read_participants_csv(stream)
    except OSError as error:
        raise CommandError(f"{path}: cannot be read ({error.strerror or error}).") from error
    except UnicodeDecodeError as error:
        raise CommandError(f"{path}: is not UTF-8 text.") from error
    except planner.PlannerInputError as error:
        raise CommandError(f"{path}, line {error.line}: {error.message}") from error
    except planner.PlannerError as error:
        raise CommandError(f"{path}: {error.message}") from error


def _readable(
    participants: list[planner.Participant], rounds: planner.Plan, figures: dict[str, object]
) -> str:
    """The plan for people: a block per round, a line per table, then the quality figures."""
    names = {p.id: _label(p) for p in participants}
    lines: list[str] = []
    for number, tables in enumerate(rounds, start=1):
        lines.append(f"Round {number}")
        for table_number, table in enumerate(tables, start=1):
            lines.append(f"  Table {table_number}: " + ", ".join(names[pid] for pid in table))
    sought = figures["sought_met_share"]
    lines += [
        "",
        f"Repeated pairs: {figures['repeated_pairs']}",
        f"Cross-border encounters: {_percent(figures['cross_border_share'])}",
        f"Sought skills met: {'n/a' if sought is None else _percent(sought)}",
    ]
    return "\n".join(lines)


def _label(person: planner.Participant) -> str:
    name = person.name or person.id
    return f"{name} ({person.country})" if person.country else name


def _percent(share: object) -> str:
    return f"{float(share):.1%}" if isinstance(share, int | float) else str(share)
