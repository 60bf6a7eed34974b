"""Benchmark of the speed-networking planner: python bench/planner.py.

Prints one human-readable line per instance and, as the last line, one JSON object
{"instances": [...]} with the quality figures and the seconds each plan took.
"""

from __future__ import annotations

import json
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

# Runnable as a plain script from anywhere: make the repository root importable.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from coffee.networking.planner import Participant, plan, quality

SKILLS = [f"skill-{i:02d}" for i in range(40)]


@dataclass(frozen=True)
class Instance:
    """One benchmark case; ``synthetic`` adds BE/FR countries and random skills."""

    name: str
    people: int
    table_size: int
    rounds: int
    synthetic: bool = False


INSTANCES = [
    Instance("tables-of-3-9-people-4-rounds (AG(2,3))", 9, 3, 4),
    Instance("tables-of-3-15-people-7-rounds (Kirkman)", 15, 3, 7),
    Instance("tables-of-4-16-people-5-rounds (AG(2,4))", 16, 4, 5),
    Instance("tables-of-5-25-people-6-rounds (AG(2,5))", 25, 5, 6),
    Instance("pairs-10-people-9-rounds (round robin)", 10, 2, 9),
    Instance("pairs-20-people-19-rounds (round robin)", 20, 2, 19),
    Instance("pairs-40-people-39-rounds (round robin)", 40, 2, 39),
    Instance("tables-of-4-200-people-6-rounds", 200, 4, 6),
    Instance("tables-of-5-30-people-5-rounds", 30, 5, 5),
    Instance("tables-of-4-37-people-6-rounds", 37, 4, 6),
    Instance("tables-of-3-21-people-8-rounds", 21, 3, 8),
    Instance("synthetic-be-fr-skills-48-people-tables-of-4-6-rounds", 48, 4, 6, True),
    Instance("synthetic-be-fr-skills-200-people-tables-of-4-6-rounds", 200, 4, 6, True),
]


def participants(instance: Instance) -> list[Participant]:
    """The people of an instance; synthetic ones are drawn from a fixed seed."""
    if not instance.synthetic:
        return [
            Participant(id=f"p{i:03d}", name=f"Person {i}", country="BE")
            for i in range(instance.people)
        ]
    rng = random.Random(2024)
    return [
        Participant(
            id=f"p{i:03d}",
            name=f"Person {i}",
            country=rng.choice(("BE", "BE", "FR")),
            offers=frozenset(rng.sample(SKILLS, rng.randint(1, 4))),
            seeks=frozenset(rng.sample(SKILLS, rng.randint(0, 3))),
        )
        for i in range(instance.people)
    ]


def main() -> None:
    """Run every instance with seed 0 and report."""
    results = []
    for instance in INSTANCES:
        group = participants(instance)
        start = time.perf_counter()
        seating = plan(group, table_size=instance.table_size, rounds=instance.rounds, seed=0)
        seconds = round(time.perf_counter() - start, 3)
        figures = quality(group, seating)
        results.append(
            {
                "name": instance.name,
                "people": instance.people,
                "table_size": instance.table_size,
                "rounds": instance.rounds,
                "repeated_pairs": figures["repeated_pairs"],
                "cross_border_share": figures["cross_border_share"],
                "sought_met_share": figures["sought_met_share"],
                "seconds": seconds,
            }
        )
        print(
            f"{instance.name}: {instance.people} people, tables of {instance.table_size}, "
            f"{instance.rounds} rounds -> {figures['repeated_pairs']} repeated pairs, "
            f"cross-border {figures['cross_border_share']}, "
            f"sought met {figures['sought_met_share']}, {seconds:.2f} s",
            flush=True,
        )
    print(json.dumps({"instances": results}))


if __name__ == "__main__":
    main()
