"""Figures describing how good a plan is, for the organiser and the benchmark."""

from __future__ import annotations

from collections.abc import Sequence

from .errors import PlannerError
from .model import Participant, Plan


def quality(participants: Sequence[Participant], rounds: Plan) -> dict[str, object]:
    """repeated_pairs, cross_border_share and sought_met_share (None if nobody seeks).

    Every id in ``rounds`` must belong to ``participants`` (PlannerError code unknown_id);
    shares are rounded to 4 places and cross_border_share is 0.0 with no encounters.
    """
    people = {p.id: p for p in participants}
    meetings: dict[tuple[str, str], int] = {}
    encounters = cross = 0
    for tables in rounds:
        for table in tables:
            for pid in table:
                if pid not in people:
                    raise PlannerError(
                        f"The plan seats {pid!r}, who is not among the participants.",
                        "unknown_id",
                    )
            for i, a in enumerate(table):
                for b in table[i + 1 :]:
                    pair = (a, b) if a < b else (b, a)
                    meetings[pair] = meetings.get(pair, 0) + 1
                    encounters += 1
                    cross += people[a].country != people[b].country
    met_offers: dict[str, set[str]] = {pid: set() for pid in people}
    for a, b in meetings:
        met_offers[a] |= people[b].offers
        met_offers[b] |= people[a].offers
    items = sum(len(p.seeks) for p in participants)
    found = sum(len(p.seeks & met_offers[p.id]) for p in participants)
    return {
        "repeated_pairs": sum(count - 1 for count in meetings.values()),
        "cross_border_share": round(cross / encounters, 4) if encounters else 0.0,
        "sought_met_share": round(found / items, 4) if items else None,
    }
