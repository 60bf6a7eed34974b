"""Bounded polishing of secondary objectives: cross-border first, then sought skills met.

Moves are a swap within one round, or a relabelling (two people exchange their whole
schedules, which keeps a design's pair structure intact). Proposals are aimed at a defect:
a same-country encounter, or a sought skill not yet met. Any move that is not worse in the
lexicographic score is accepted, so the walk crosses plateaus; it never adds a repeat.
"""

from __future__ import annotations

import random
import time

from .search import Budget
from .state import SearchState, bits

_RELABEL_SHARE = 0.3  # share of proposals that exchange whole schedules
_TRIES = 4  # attempts at finding a person with a defect before proposing anyway
_TIME_CHECK = 32  # moves between clock reads

Move = tuple[int, int, int]  # (round, a, b); round -1 means relabel a and b everywhere


def polish(
    state: SearchState, targets: tuple[int, int], budget: Budget, rng: random.Random
) -> None:
    """Walk towards ``targets`` (cross-border encounters, sought items met) within budget.

    Stops at the targets, after ``budget.polish_moves`` proposals, after
    ``budget.polish_stall`` proposals without improvement, or at the deadline.
    """
    if not state.tables:
        return
    cross_target, sought_target = targets
    proposer = _Proposer(state, rng)
    since_best = 0
    for it in range(budget.polish_moves):
        cross_open = state.cross < cross_target and proposer.countries > 1
        sought_open = state.sought_met < sought_target
        if not (cross_open or sought_open) or since_best >= budget.polish_stall:
            return
        if it % _TIME_CHECK == 0 and time.monotonic() > budget.deadline:
            return
        since_best += 1
        if cross_open and not (sought_open and rng.random() < 0.5):
            move = proposer.cross()
        else:
            move = proposer.sought()
        if move is None:
            continue
        r, a, b = move
        changes = state.relabel_changes(a, b) if r < 0 else state.swap_changes(r, a, b)
        if not changes:
            continue
        d = state.delta(changes)
        if d > (0, 0, 0):  # lexicographic: one repeat outweighs any secondary gain
            continue
        if r < 0:
            state.relabel(a, b)
        else:
            state.swap(r, a, b)
        if d < (0, 0, 0):
            since_best = 0


class _Proposer:
    """Draws moves aimed at defects of the current plan."""

    def __init__(self, state: SearchState, rng: random.Random) -> None:
        self.state = state
        self.rng = rng
        n = state.n
        self.foreign: dict[int, list[int]] = {}
        for c in sorted(set(state.country)):
            self.foreign[c] = [p for p in range(n) if state.country[p] != c]
        self.countries = len(self.foreign)
        skills = len(state.seen[0])
        self.offerers = [[p for p in range(n) if state.offers[p] >> s & 1] for s in range(skills)]
        self.seekers = [p for p in range(n) if state.seeks[p]]

    def _round(self) -> int:
        """A random planned round, or -1 (relabel) for a share of the proposals."""
        rounds = len(self.state.tables)
        if rounds > 1 and self.rng.random() < _RELABEL_SHARE:
            return -1
        return self.rng.randrange(rounds)

    def _compatriot_at_table(self, r: int, p: int) -> bool:
        """Whether p shares its table in round r with someone of the same country."""
        state = self.state
        table = state.tables[r][state.where[r][p]]
        return any(x != p and state.country[x] == state.country[p] for x in table)

    def cross(self) -> Move | None:
        """Swap someone sitting with a compatriot against someone from another country."""
        state, rng = self.state, self.rng
        r = self._round()
        check = r if r >= 0 else rng.randrange(len(state.tables))
        a = rng.randrange(state.n)
        for _ in range(_TRIES):
            if self._compatriot_at_table(check, a):
                break
            a = rng.randrange(state.n)
        b = rng.choice(self.foreign[state.country[a]])
        for _ in range(_TRIES):
            if self._compatriot_at_table(check, b):
                break
            b = rng.choice(self.foreign[state.country[a]])
        return (r, a, b)

    def sought(self) -> Move | None:
        """Bring someone to a table with a person offering a skill they have not met yet."""
        state, rng = self.state, self.rng
        if not self.seekers:
            return None
        a = rng.choice(self.seekers)
        unmet = [
            s
            for s in bits(state.seeks[a])
            if not state.seen[a][s] and any(o != a for o in self.offerers[s])
        ]
        if not unmet:
            return None
        skill = rng.choice(unmet)
        offerer = rng.choice([o for o in self.offerers[skill] if o != a])
        r = self._round()
        at = r if r >= 0 else rng.randrange(len(state.tables))
        table_o = state.tables[at][state.where[at][offerer]]
        mate = rng.choice([x for x in table_o if x != offerer] or [offerer])
        if r < 0 or rng.random() < 0.5:
            return (r, a, mate)  # a takes mate's seat next to the offerer
        table_a = state.tables[at][state.where[at][a]]
        return (r, offerer, rng.choice([x for x in table_a if x != a] or [a]))
