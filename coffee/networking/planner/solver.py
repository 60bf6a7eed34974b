"""The public planning entry points: plan a whole session, or re-plan the remaining rounds."""

from __future__ import annotations

import random
import time
from collections.abc import Sequence

from .designs import construct
from .errors import PlannerError
from .model import Participant, Plan, Problem, check_participants, check_settings, table_sizes
from .polish import polish
from .search import (
    Budget,
    cross_upper_bound,
    exact_rounds,
    greedy_round,
    repeat_lower_bound,
    sought_upper_bound,
    tabu_search,
)
from .state import SearchState, Tables


def plan(
    participants: Sequence[Participant],
    *,
    table_size: int,
    rounds: int,
    seed: int = 0,
    time_limit: float = 60.0,
) -> Plan:
    """Seat everyone at every round: fewest repeated pairs, then most cross-border, then skills.

    Raises PlannerError (codes table_size, rounds, time_limit, too_few, duplicate_id).
    The same input and seed give the same plan unless ``time_limit`` cuts the search short.
    """
    check_settings(table_size, rounds, time_limit)
    check_participants(participants)
    problem = Problem.from_participants(participants)
    return _solve(problem, [], table_size, rounds, seed, time_limit)


def replan(
    participants: Sequence[Participant],
    *,
    past_rounds: Plan,
    table_size: int,
    rounds: int,
    seed: int = 0,
    time_limit: float = 60.0,
) -> Plan:
    """Keep ``past_rounds`` unchanged and plan the rest of the ``rounds`` for who is here now.

    Pairs of current participants who already met in the past count as met; people absent
    from ``participants`` are left out of the new rounds. Raises PlannerError like plan(),
    plus codes past_rounds (more past rounds than ``rounds``) and past_seating (someone
    seated twice in one past round).
    """
    check_settings(table_size, rounds, time_limit)
    check_participants(participants)
    _check_past(past_rounds, rounds)
    fixed = [[list(table) for table in tables] for tables in past_rounds]
    if len(fixed) == rounds:
        return fixed
    problem = Problem.from_participants(participants)
    index = {pid: i for i, pid in enumerate(problem.ids)}
    # Departed people become -1: they no longer count, but the table shapes still do.
    past = [[[index.get(pid, -1) for pid in table] for table in tables] for tables in past_rounds]
    return fixed + _solve(problem, past, table_size, rounds - len(fixed), seed, time_limit)


def _check_past(past_rounds: Plan, rounds: int) -> None:
    """Raise PlannerError if the past rounds exceed ``rounds`` or seat someone twice."""
    if len(past_rounds) > rounds:
        raise PlannerError(
            "The session already has more rounds behind it than the number of rounds asked.",
            "past_rounds",
        )
    for number, tables in enumerate(past_rounds, start=1):
        seated = [pid for table in tables for pid in table]
        if len(set(seated)) != len(seated):
            raise PlannerError(f"Someone is seated twice in past round {number}.", "past_seating")


def _solve(
    problem: Problem, past: list[Tables], table_size: int, rounds: int, seed: int, limit: float
) -> Plan:
    """Plan ``rounds`` new rounds after the fixed ``past`` (person indices, -1 = gone), as ids.

    With pairs and an odd count, a ghost participant fills the empty seat: sitting alone
    becomes meeting the ghost, so sitting alone twice counts as a repeat and the bye rotates.
    """
    budget = Budget(deadline=time.monotonic() + limit)
    rng = random.Random(seed)
    sizes = table_sizes(problem.size, table_size)
    ghost = sizes[-1] == 1
    if ghost:
        problem = _with_ghost(problem)
        sizes = table_sizes(problem.size, 2)
    n = problem.size
    past_tables = [[_counted(table, n - 1 if ghost else -1) for table in tables] for tables in past]
    empty = SearchState(problem, past_tables)
    target = repeat_lower_bound(empty, sizes, rounds)

    state = SearchState(problem, past_tables)
    labels = list(range(n))
    rng.shuffle(labels)  # which person sits on which design point is left to chance first
    for tables in construct(n, sizes, rounds):
        state.add_round([[labels[p] for p in table] for table in tables])
    _complete(state, sizes, rounds, rng)
    if any(empty.met1):
        # Designs know nothing of who already met, so a start without one may be better.
        fresh = SearchState(problem, past_tables)
        _complete(fresh, sizes, rounds, rng)
        if fresh.score() < state.score():
            state = fresh

    tabu_search(state, target, budget, rng)
    everyone_met = sum(m.bit_count() for m in state.met1) == n * (n - 1)
    if not (state.repeats == 0 and everyone_met):  # else every plan scores the same
        targets = (cross_upper_bound(state, sizes, rounds), sought_upper_bound(state))
        polish(state, targets, budget, rng)
    ids = problem.ids
    real = n - 1 if ghost else n
    return [
        sorted(sorted(ids[p] for p in table if p < real) for table in tables)
        for tables in state.tables
    ]


def _complete(state: SearchState, sizes: list[int], rounds: int, rng: random.Random) -> None:
    """Fill up to ``rounds``: conflict-free rounds while exact search finds them, then greedy."""
    exact_rounds(state, sizes, rounds, rng)
    while len(state.tables) < rounds:
        state.add_round(greedy_round(state, sizes, rng))


def _counted(table: list[int], ghost: int) -> list[int]:
    """Present people of a past table; a lone person also met the ghost (if any)."""
    present = [p for p in table if p >= 0]
    if ghost >= 0 and len(table) == 1 and present:
        present.append(ghost)
    return present


def _with_ghost(problem: Problem) -> Problem:
    """The problem plus one participant from nowhere who offers and seeks nothing."""
    return Problem(
        ids=(*problem.ids, ""),
        country=(*problem.country, max(problem.country) + 1),
        seeks=(*problem.seeks, 0),
        offers=(*problem.offers, 0),
    )
