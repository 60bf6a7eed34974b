"""Bounds, exact and greedy round construction, and tabu search on repeated pairs.

The tabu search follows Dotú & Van Hentenryck ("Scheduling social golfers locally", 2005):
swap a person caught in a repeated pair with someone at another table of the same round,
forbid moving recently moved people for a random tenure unless the move beats the best
plan so far (aspiration), and restart from the best plan with a random shake-up when stuck.
All randomness comes from the caller's seeded Random; time only ever cuts a run short.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass

from .exact import MAX_PEOPLE, conflict_free_round
from .state import SearchState, Tables, bits

_TENURE = (1, 3)  # short random tenures did best on social-golfer instances in our trials
_RESTART_AFTER = 1_000  # iterations without a new best before shaking up the best plan
_TIME_CHECK = 32  # iterations between clock reads
_ITERATION_WORK = 200  # fixed cost of an iteration, in units of swap evaluations
EXACT_NODES = 20_000  # node limit of the exact search for one more conflict-free round


@dataclass(frozen=True)
class Budget:
    """Deterministic work limits, plus a wall-clock deadline as the hard upper bound."""

    deadline: float
    # Give up on fewer repeats after this much work without a new best (roughly 10 s of
    # CPython); counting work, not seconds, keeps plans reproducible across machines.
    tabu_stall: int = 40_000_000
    polish_moves: int = 20_000  # hard cap on polishing moves tried
    polish_stall: int = 4_000  # polishing stops after this many moves without improvement


def repeat_lower_bound(state: SearchState, sizes: list[int], rounds: int) -> int:
    """Repeated pairs no seating of ``rounds`` more rounds can avoid (0 when unsure).

    Three counting bounds on top of the repeats already there: encounters beyond the pairs
    never met; per person, encounters beyond the people not met yet; and, when a table
    seats more people than there are tables, every later round must seat together again
    some people who shared a table in the first new round (pigeonhole).
    """
    n = state.n
    per_round = sum(s * (s - 1) // 2 for s in sizes)
    unmet_pairs = n * (n - 1) // 2 - sum(m.bit_count() for m in state.met1) // 2
    by_pairs = max(0, rounds * per_round - unmet_pairs)
    smallest = sizes[-1] - 1
    excess = sum(max(0, rounds * smallest - (n - 1 - m.bit_count())) for m in state.met1)
    by_people = (excess + 1) // 2
    # A table of s drawn from g groups holds at least sum C(x_i, 2) pairs from one group,
    # with the x_i spread as evenly as possible.
    tables = len(sizes)
    forced = 0
    for s in sizes:
        q, extra = divmod(s, tables)
        forced += extra * (q + 1) * q // 2 + (tables - extra) * q * (q - 1) // 2
    by_groups = max(0, rounds - 1) * forced
    return state.repeats + max(by_pairs, by_people, by_groups)


def cross_upper_bound(state: SearchState, sizes: list[int], rounds: int) -> int:
    """Most cross-border encounters ``rounds`` rounds can have: spread each country evenly."""
    tables = len(sizes)
    per_round = sum(s * (s - 1) // 2 for s in sizes)
    counts: dict[int, int] = {}
    for c in state.country:
        counts[c] = counts.get(c, 0) + 1
    same = 0
    for count in counts.values():
        q, extra = divmod(count, tables)
        same += extra * (q + 1) * q // 2 + (tables - extra) * q * (q - 1) // 2
    return rounds * (per_round - same)


def sought_upper_bound(state: SearchState) -> int:
    """Person/sought-skill items that someone else present offers (or already met)."""
    skills = len(state.seen[0]) if state.seen else 0
    offered_by = [0] * skills  # how many people offer each skill
    for offers in state.offers:
        for s in bits(offers):
            offered_by[s] += 1
    total = 0
    for p, wanted in enumerate(state.seeks):
        for s in bits(wanted):
            others = offered_by[s] - (state.offers[p] >> s & 1)
            total += others > 0 or state.seen[p][s] > 0
    return total


def exact_rounds(state: SearchState, sizes: list[int], rounds: int, rng: random.Random) -> None:
    """Append rounds where nobody meets anyone again, found by exact search, while it can.

    People are renumbered at random for each round, since the search favours low numbers
    and its first solution would otherwise always be the same lopsided one.
    """
    n = state.n
    if n > MAX_PEOPLE:
        return
    everyone = (1 << n) - 1
    while len(state.tables) < rounds:
        order = list(range(n))
        rng.shuffle(order)
        position = [0] * n
        for i, p in enumerate(order):
            position[p] = i
        allowed = [
            sum(1 << position[q] for q in bits(everyone & ~state.met1[p] & ~(1 << p)))
            for p in order
        ]
        tables, _ = conflict_free_round(allowed, sizes, EXACT_NODES)
        if tables is None:
            return
        state.add_round([[order[i] for i in table] for table in tables])


def greedy_round(state: SearchState, sizes: list[int], rng: random.Random) -> Tables:
    """Seat people one by one (random order) at the open table where they know fewest.

    Ties go to the table with most people from other countries, then at random.
    """
    order = list(range(state.n))
    rng.shuffle(order)
    by_country: dict[int, int] = {}
    for p, c in enumerate(state.country):
        by_country[c] = by_country.get(c, 0) | (1 << p)
    tables: Tables = [[] for _ in sizes]
    masks = [0] * len(sizes)
    for p in order:
        known, own = state.met1[p], by_country[state.country[p]]
        best_t, best_key = -1, (0, 0, 0.0)
        for t, cap in enumerate(sizes):
            if len(tables[t]) >= cap:
                continue
            mask = masks[t]
            key = ((known & mask).bit_count(), (own & mask).bit_count(), rng.random())
            if best_t < 0 or key < best_key:
                best_t, best_key = t, key
        tables[best_t].append(p)
        masks[best_t] |= 1 << p
    return tables


def tabu_search(state: SearchState, target: int, budget: Budget, rng: random.Random) -> None:
    """Lower ``state.repeats`` towards ``target``; leaves the best plan found in ``state``."""
    rounds = len(state.tables)
    if rounds == 0 or state.repeats <= target:
        return
    best, best_plan = state.repeats, state.snapshot()
    tabu = [[0] * state.n for _ in range(rounds)]
    it = since_best = since_restart = 0
    while state.repeats > target and since_best < budget.tabu_stall:
        it += 1
        since_restart += 1
        if it % _TIME_CHECK == 0 and time.monotonic() > budget.deadline:
            break
        if since_restart > _RESTART_AFTER:
            state.restore(best_plan)
            _shake(state, rng)
            tabu = [[0] * state.n for _ in range(rounds)]
            since_restart = 0
            continue
        move, work = _best_swap(state, rng, tabu, it, best - state.repeats)
        since_best += work + _ITERATION_WORK
        if move is None:
            continue
        r, a, b = move
        state.swap(r, a, b)
        tabu[r][a] = it + rng.randint(*_TENURE)
        tabu[r][b] = it + rng.randint(*_TENURE)
        if state.repeats < best:
            best, best_plan = state.repeats, state.snapshot()
            since_best = since_restart = 0
    if state.repeats > best:
        state.restore(best_plan)


def _best_swap(
    state: SearchState, rng: random.Random, tabu: list[list[int]], it: int, slack: int
) -> tuple[tuple[int, int, int] | None, int]:
    """Best admissible swap moving someone caught in a repeated pair, and the work done.

    Scans every round with a repeat; ties are broken at random. A move is admissible if
    neither person is tabu in that round, or if its delta is below ``slack`` (it would beat
    the best plan so far). Work counts swaps evaluated plus per-person scans, a proxy
    for time that does not depend on the machine.
    """
    n, met1, met2 = state.n, state.met1, state.met2
    rounds = _conflict_rounds(state)
    move: tuple[int, int, int] | None = None
    best_delta = ties = 0
    work = 0
    for r in rounds:
        work += n
        where, masks, tables, tabu_r = state.where[r], state.masks[r], state.tables[r], tabu[r]
        # loss[x]: repeats x stops adding by leaving its table in this round.
        loss = [(met2[x] & (masks[where[x]] ^ (1 << x))).bit_count() for x in range(n)]
        for ta, table_a in enumerate(tables):
            movers = [a for a in table_a if loss[a]]
            if not movers:
                continue
            # into[b]: repeats b adds by joining this table, minus those it stops adding;
            # floor[t]: the smallest into[] at table t, to skip tables that cannot compete.
            mask_a = masks[ta]
            into = [(met1[b] & mask_a).bit_count() - loss[b] for b in range(n)]
            floor = [min([into[b] for b in table]) for table in tables]
            work += 2 * n + len(movers) * len(tables)
            for a in movers:
                known, free_a = met1[a], tabu_r[a] <= it
                for tb, table_b in enumerate(tables):
                    if tb == ta:
                        continue
                    mask_b = masks[tb]
                    gain = (known & mask_b).bit_count() - loss[a]
                    if (
                        move is not None
                        and gain + floor[tb] - 2 * (known & mask_b != 0) > best_delta
                    ):
                        continue
                    work += len(table_b)
                    for b in table_b:
                        # a and b counted each other in gain and into[b]; they never meet.
                        delta = gain + into[b] - 2 * ((known >> b) & 1)
                        if move is not None and delta > best_delta:
                            continue
                        if not (free_a and tabu_r[b] <= it) and delta >= slack:
                            continue
                        if move is None or delta < best_delta:
                            move, best_delta, ties = (r, a, b), delta, 1
                        else:
                            ties += 1
                            if rng.randrange(ties) == 0:
                                move = (r, a, b)
    return move, work


def _conflict_rounds(state: SearchState) -> list[int]:
    """Planned rounds in which some repeated pair sits together, in order."""
    return sorted(
        {
            r
            for p, q in state.repeated
            for r, where in enumerate(state.where)
            if where[p] == where[q]
        }
    )


def _shake(state: SearchState, rng: random.Random) -> None:
    """Random swaps in random rounds, a few per round, to leave a local optimum."""
    rounds = len(state.tables)
    for _ in range(max(2, rounds)):
        r = rng.randrange(rounds)
        a, b = rng.sample(range(state.n), 2)
        if state.where[r][a] != state.where[r][b]:
            state.swap(r, a, b)
