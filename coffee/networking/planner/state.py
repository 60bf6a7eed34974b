"""Mutable seating with incremental pair counts, the data structure every search move uses.

Pair meeting counts live in an n x n matrix, and bitmasks per person mark who they met at
least once (``met1``) and at least twice (``met2``); a swap's change in repeated pairs is
then a handful of popcounts instead of a recount, which is what makes the search fast.
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import Problem

Tables = list[list[int]]


def bits(mask: int) -> Iterable[int]:
    """Indices of the set bits of ``mask``, lowest first."""
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


class SearchState:
    """Rounds being planned plus fixed past encounters, with all objective counters.

    Counters: ``repeats`` (sum over pairs of max(0, meetings - 1), past included),
    ``cross`` (cross-border encounters in the planned rounds only, since past ones are
    constant) and ``sought_met`` (person/sought-skill items met at least once, past included).
    """

    def __init__(self, problem: Problem, past: Iterable[Tables] = ()) -> None:
        n = problem.size
        self.problem = problem
        self.n = n
        self.country = problem.country
        self.seeks = problem.seeks
        self.offers = problem.offers
        skills = max([m.bit_length() for m in problem.seeks + problem.offers] + [0])
        self.cnt = [[0] * n for _ in range(n)]
        self.met1 = [0] * n
        self.met2 = [0] * n
        self.seen = [[0] * skills for _ in range(n)]
        self.repeats = 0
        self.cross = 0
        self.sought_met = 0
        self.repeated: set[tuple[int, int]] = set()
        self.tables: list[Tables] = []
        self.where: list[list[int]] = []
        self.masks: list[list[int]] = []
        for tables in past:
            self._count(tables, 1)
        self.cross = 0

    # -- bookkeeping -------------------------------------------------------------------

    def bump(self, p: int, q: int, d: int) -> None:
        """Add ``d`` (+1 or -1) meetings of p and q and update every counter."""
        row = self.cnt[p]
        old = row[q]
        new = old + d
        row[q] = new
        self.cnt[q][p] = new
        self.repeats += max(0, new - 1) - max(0, old - 1)
        if old == 0 or new == 0:
            self.met1[p] ^= 1 << q
            self.met1[q] ^= 1 << p
        if (old >= 2) != (new >= 2):
            self.met2[p] ^= 1 << q
            self.met2[q] ^= 1 << p
            pair = (p, q) if p < q else (q, p)
            if new >= 2:
                self.repeated.add(pair)
            else:
                self.repeated.discard(pair)
        if self.country[p] != self.country[q]:
            self.cross += d
        for a, b in ((p, q), (q, p)):
            if wanted := self.seeks[a] & self.offers[b]:
                seen = self.seen[a]
                for s in bits(wanted):
                    before = seen[s]
                    seen[s] = before + d
                    self.sought_met += (before + d > 0) - (before > 0)

    def _count(self, tables: Tables, d: int) -> None:
        """Add (d=1) or remove (d=-1) every encounter of one round."""
        for table in tables:
            for i, p in enumerate(table):
                for q in table[i + 1 :]:
                    self.bump(p, q, d)

    def add_round(self, tables: Tables) -> None:
        """Append a planned round (tables of person indices covering everyone once)."""
        self.tables.append([])
        self.where.append([])
        self.masks.append([])
        self.set_round(len(self.tables) - 1, tables)

    def set_round(self, r: int, tables: Tables) -> None:
        """Replace planned round r by another seating of everyone."""
        if self.tables[r]:
            self._count(self.tables[r], -1)
        where = [0] * self.n
        masks = []
        for t, table in enumerate(tables):
            mask = 0
            for p in table:
                where[p] = t
                mask |= 1 << p
            masks.append(mask)
        self.tables[r] = [list(table) for table in tables]
        self.where[r] = where
        self.masks[r] = masks
        self._count(tables, 1)

    def uncount_round(self, r: int) -> None:
        """Take round r's encounters out of the counters (until count_round(r))."""
        self._count(self.tables[r], -1)

    def count_round(self, r: int) -> None:
        """Put round r's encounters back into the counters."""
        self._count(self.tables[r], 1)

    def snapshot(self) -> list[Tables]:
        """A copy of the planned rounds, to restore later."""
        return [[list(table) for table in tables] for tables in self.tables]

    def restore(self, rounds: list[Tables]) -> None:
        """Replace the planned rounds by a snapshot, keeping the past encounters."""
        for tables in self.tables:
            self._count(tables, -1)
        self.tables, self.where, self.masks = [], [], []
        for tables in rounds:
            self.add_round(tables)

    def score(self) -> tuple[int, int, int]:
        """Lexicographic objective, smaller is better: (repeats, -cross, -sought_met)."""
        return (self.repeats, -self.cross, -self.sought_met)

    # -- moves -------------------------------------------------------------------------

    def swap_repeat_delta(self, r: int, a: int, b: int) -> int:
        """Change in repeated pairs if a and b (at different tables) trade seats in round r."""
        where, masks = self.where[r], self.masks[r]
        others_a = masks[where[a]] ^ (1 << a)
        others_b = masks[where[b]] ^ (1 << b)
        return (
            (self.met1[a] & others_b).bit_count()
            + (self.met1[b] & others_a).bit_count()
            - (self.met2[a] & others_a).bit_count()
            - (self.met2[b] & others_b).bit_count()
        )

    def swap(self, r: int, a: int, b: int) -> None:
        """Let a and b, seated at different tables in round r, trade seats."""
        where = self.where[r]
        ta, tb = where[a], where[b]
        table_a, table_b = self.tables[r][ta], self.tables[r][tb]
        for x in table_a:
            if x != a:
                self.bump(a, x, -1)
                self.bump(b, x, 1)
        for y in table_b:
            if y != b:
                self.bump(b, y, -1)
                self.bump(a, y, 1)
        table_a[table_a.index(a)] = b
        table_b[table_b.index(b)] = a
        where[a], where[b] = tb, ta
        both = (1 << a) | (1 << b)
        self.masks[r][ta] ^= both
        self.masks[r][tb] ^= both

    def relabel(self, a: int, b: int) -> None:
        """Exchange the whole schedules of a and b over all planned rounds."""
        for r, where in enumerate(self.where):
            if where[a] != where[b]:
                self.swap(r, a, b)

    def swap_changes(self, r: int, a: int, b: int) -> dict[tuple[int, int], int]:
        """Pair-count changes (keyed by ordered pair) caused by swap(r, a, b)."""
        changes: dict[tuple[int, int], int] = {}
        where = self.where[r]
        if where[a] != where[b]:
            self._add_swap_changes(changes, r, a, b)
        return changes

    def relabel_changes(self, a: int, b: int) -> dict[tuple[int, int], int]:
        """Pair-count changes caused by relabel(a, b), summed over the rounds."""
        changes: dict[tuple[int, int], int] = {}
        for r, where in enumerate(self.where):
            if where[a] != where[b]:
                self._add_swap_changes(changes, r, a, b)
        return changes

    def _add_swap_changes(
        self, changes: dict[tuple[int, int], int], r: int, a: int, b: int
    ) -> None:
        where, tables = self.where[r], self.tables[r]
        for mover, stayer, table in ((a, b, tables[where[a]]), (b, a, tables[where[b]])):
            for x in table:
                if x != mover:
                    lose = (mover, x) if mover < x else (x, mover)
                    gain = (stayer, x) if stayer < x else (x, stayer)
                    changes[lose] = changes.get(lose, 0) - 1
                    changes[gain] = changes.get(gain, 0) + 1

    def delta(self, changes: dict[tuple[int, int], int]) -> tuple[int, int, int]:
        """Change of score() if the given pair-count changes were applied.

        When repeats or cross-border alone already make the move worse, the sought part is
        skipped and reported as 0: the lexicographic verdict is the same and it is cheaper.
        """
        d_repeats = d_cross = 0
        cnt, country = self.cnt, self.country
        for (p, q), d in changes.items():
            old = cnt[p][q]
            new = old + d
            d_repeats += (new - 1 if new > 1 else 0) - (old - 1 if old > 1 else 0)
            if country[p] != country[q]:
                d_cross += d
        if d_repeats > 0 or (d_repeats == 0 and d_cross < 0):
            return (d_repeats, -d_cross, 0)
        touched: dict[tuple[int, int], int] = {}
        seeks, offers = self.seeks, self.offers
        for (p, q), d in changes.items():
            # Most pairs involve no sought skill; test the masks before looping.
            if wanted := seeks[p] & offers[q]:
                for s in bits(wanted):
                    touched[(p, s)] = touched.get((p, s), 0) + d
            if wanted := seeks[q] & offers[p]:
                for s in bits(wanted):
                    touched[(q, s)] = touched.get((q, s), 0) + d
        d_sought = 0
        seen = self.seen
        for (a, s), d in touched.items():
            before = seen[a][s]
            d_sought += (before + d > 0) - (before > 0)
        return (d_repeats, -d_cross, -d_sought)
