"""The people a top-k search has seen but not resolved yet (pure Python).

For each: the raw score known so far (from the lists of holders read) and the levels read, packed
in one integer (3 bits per list). A heap gives the best known first, ties by smallest id; people
who entered together with the same known score share one heap entry, so that a batch of holders
joins at C speed. A coarse histogram of known scores counts and ranks them cheaply.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

HISTOGRAM_BINS = 64
LEVEL_BITS = 3


@dataclass
class Pool:
    maximum: float  # the need's best raw score: the histogram spans 0..maximum
    entries: dict[int, tuple[float, int]] = field(default_factory=dict)  # known raw, levels
    heap: list[tuple[float, int, int, list[int], int]] = field(default_factory=list)
    bins: list[int] = field(default_factory=lambda: [0] * HISTOGRAM_BINS)
    seq: int = 0

    def _bin(self, raw: float) -> int:
        return max(0, min(int(raw / self.maximum * HISTOGRAM_BINS), HISTOGRAM_BINS - 1))

    def _push(self, raw: float, pids: list[int], start: int = 0) -> None:
        self.seq += 1
        heapq.heappush(self.heap, (-raw, pids[start], self.seq, pids, start))

    def add(self, pids: list[int], raw: float, code: int) -> None:
        """New people, all with the same known raw score and levels, in ascending id order."""
        if pids:
            self.entries.update(dict.fromkeys(pids, (raw, code)))
            self.bins[self._bin(raw)] += len(pids)
            self._push(raw, pids)

    def raise_known(self, pid: int, raw: float, code: int) -> None:
        """Someone already pooled was seen in one more list."""
        old, levels = self.entries[pid]
        new = old + raw
        self.entries[pid] = (new, levels + code)
        self.bins[self._bin(old)] -= 1
        self.bins[self._bin(new)] += 1
        self._push(new, [pid])

    def remove(self, pid: int) -> int:
        """Take someone out of the pool; returns their packed levels."""
        raw, code = self.entries.pop(pid)
        self.bins[self._bin(raw)] -= 1
        return code

    def count_above(self, raw: float) -> int:
        """About how many pooled people know at least `raw` (never fewer than there are)."""
        width = self.maximum / HISTOGRAM_BINS
        return sum(n for b, n in enumerate(self.bins) if (b + 1) * width > raw)

    def kth_known(self, k: int) -> float:
        """A known raw score that at least k pooled people reach (0 when fewer are pooled)."""
        width, seen = self.maximum / HISTOGRAM_BINS, 0
        for b in range(HISTOGRAM_BINS - 1, -1, -1):
            seen += self.bins[b]
            if seen >= k:
                return b * width
        return 0.0

    def peek(self) -> tuple[int, float] | None:
        """The pooled person with the best known score (ties: smallest id), or None."""
        while self.heap:
            neg, _first, seq, pids, start = self.heap[0]
            for i in range(start, len(pids)):
                entry = self.entries.get(pids[i])
                if entry is not None and entry[0] == -neg:
                    if i != start:
                        heapq.heapreplace(self.heap, (neg, pids[i], seq, pids, i))
                    return pids[i], -neg
            heapq.heappop(self.heap)
        return None


def unpack(code: int, shifts: dict[int, int]) -> dict[int, int]:
    """The levels packed in `code`: skill id -> level, for the skills whose level is known."""
    mask = (1 << LEVEL_BITS) - 1
    levels = {skill: (code >> shift) & mask for skill, shift in shifts.items()}
    return {skill: level for skill, level in levels.items() if level}
