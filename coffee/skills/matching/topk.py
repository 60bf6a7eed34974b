"""The best k matches for a need without scoring every holder of a common skill (pure Python).

A threshold search over the lists of holders of the sought skills, each read best level first
and, within a level, in profile id order (the (skill, level, profile) index):

- small lists are read whole at once; then the next rows read are always those worth the most
  (rarity x level weight): the rare skills' lists to the end before a common skill's experts,
  and among skills alike, everyone's experts before anyone's beginners;
- everyone seen is *pooled* with the part of their score known so far; pooled people are
  *resolved* (visibility, country, languages and, unless every list was read whole, their levels
  fetched) best known first, so that the k-th best exact score T appears and rises;
- nobody unseen can beat T once the best score an unseen person could reach (each skill at the
  level its list is being read at, the best bonus) is below T: reading stops there, long before
  the end of a common skill's list;
- a pooled person whose best possible score is below T is dropped for good (T only rises, bounds
  only fall); reading on is preferred to resolving when it is cheaper (`RESOLVE_COST`);
- equal scores rank by profile id: an unseen person who could only tie with the k-th comes after
  the rows read in every list, so has a larger id, and loses the tie.

The result is exact unless the work budget runs out first: then it is the best found so far,
and `TopK.exact` says so. The database side is a `Source`.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from coffee.skills.matching.pool import LEVEL_BITS, Pool, unpack
from coffee.skills.matching.scoring import (
    TOP_LEVEL,
    Candidate,
    Need,
    ScoredMatch,
    level_weight,
    max_bonus,
    maximum,
    score,
    upper_bound,
)

TOLERANCE = 1e-9  # bounds are summed in another order than scores: never prune within this
SMALL_LIST = 2_000  # lists with at most this many holders are read whole, together, at once
FIRST_BATCH = 2_048
LARGEST_BATCH = 16_384
RESOLVE_COST = 100  # resolving someone (random reads) costs about as much as this many list rows
RESOLVE_CHUNK = 64  # people resolved at once once the k-th best is known


class Person(NamedTuple):
    """What matching needs to know about someone the viewer may see."""

    country: str
    open_to_cross_border: bool
    languages: frozenset[str]


class Source(Protocol):
    """Where the holders of a skill and the candidates' details come from."""

    def read_lists(self, skill_ids: Sequence[int]) -> list[tuple[int, int, int]]:
        """Every (skill id, level, profile id) of these skills."""
        ...

    def read_level(self, skill_id: int, level: int, after: int, limit: int) -> list[int]:
        """Profile ids above `after` offering the skill at this level, ascending, at most limit."""
        ...

    def people(self, profile_ids: Sequence[int]) -> dict[int, Person]:
        """Those of these profiles that may be shown; the others are left out."""
        ...

    def offered(self, profile_ids: Sequence[int], skill_ids: Sequence[int]) -> dict[int, dict]:
        """Profile id -> {skill id: level} for these skills."""
        ...


@dataclass(frozen=True)
class Budget:
    """How much work one search may do before it settles for the best found so far.

    Reading a row costs 1, resolving someone `RESOLVE_COST`; reading stops in time to leave room
    for resolving `reserve` people. About 20 ms of one core at 1,000,000 profiles on SQLite."""

    work: int = 36_000
    reserve: int = 150


@dataclass
class TopK:
    matches: list[ScoredMatch]
    exact: bool
    rows_read: int = 0
    resolved: int = 0


def top_k(
    need: Need,
    source: Source,
    *,
    holders: Mapping[int, int],
    limit: int,
    budget: Budget | None = None,
) -> TopK:
    """The `limit` best matches for the need, best first, ties by profile id."""
    if limit <= 0 or maximum(need) <= 0:
        return TopK(matches=[], exact=True)
    return _Search(need, source, holders, limit, budget or Budget()).run()


@dataclass
class _List:
    """The holders of one sought skill, read best level first, by profile id within a level."""

    skill: int
    rarity: float
    holders: int
    shift: int  # where its level goes in a pooled person's packed levels
    level: int = TOP_LEVEL  # the level being read; 0 once the list is read whole
    after: int = 0  # the last profile id read at that level
    batch: int = FIRST_BATCH
    seen: set[int] = field(default_factory=set)

    @property
    def cap(self) -> float:
        """The most this skill can still add for someone not seen in its list (raw)."""
        return self.rarity * level_weight(self.level)

    @property
    def remaining(self) -> int:
        return max(self.holders - len(self.seen), 0) if self.level else 0


class _Search:
    def __init__(
        self, need: Need, source: Source, holders: Mapping[int, int], limit: int, budget: Budget
    ) -> None:
        self.need, self.source, self.limit, self.budget = need, source, limit, budget
        skills = sorted(
            (s for s in need.skill_ids if holders.get(s, 0) > 0), key=lambda s: (holders[s], s)
        )
        self.lists = [
            _List(skill=s, rarity=need.rarity[s], holders=holders[s], shift=LEVEL_BITS * i)
            for i, s in enumerate(skills)
        ]
        self.shifts = {lst.skill: lst.shift for lst in self.lists}
        self.scale = max_bonus(need) / maximum(need)
        self.pool = Pool(maximum=maximum(need))
        self.done: set[int] = set()
        self.best: list[tuple[tuple[float, int], ScoredMatch]] = []
        self.rows = self.resolutions = 0

    def run(self) -> TopK:
        self._read_small_lists()
        while not self._finished():
            if self._should_read():
                self._read_next()
            elif not self._resolve(self._chunk()):
                break
        while self._pool_can_beat() and self._resolve(self._chunk()):
            pass  # out of rows to read: settle for the best of the pool
        return TopK(
            matches=[m for _key, m in self.best[: self.limit]],
            exact=self._finished(),
            rows_read=self.rows,
            resolved=self.resolutions,
        )

    def _finished(self) -> bool:
        return not self._unseen_can_beat() and not self._pool_can_beat()

    def _should_read(self) -> bool:
        """Read on while someone unseen may beat the k-th best (known, or guessed from the pool)."""
        if not self._can_read():
            return False
        threshold = self._threshold()
        guess = max(threshold[0] if threshold else 0.0, self._estimate())
        if self._unseen_bound() >= guess:
            return True
        if not self._pool_can_beat():
            return self._unseen_can_beat()
        return threshold is not None and self._reading_is_cheaper()

    def _chunk(self) -> int:
        if self._threshold() is None:
            return 2 * (self.limit - len(self.best))
        return RESOLVE_CHUNK

    # --- bounds ---------------------------------------------------------------------------

    def _open(self) -> list[_List]:
        return [lst for lst in self.lists if lst.level]

    def _threshold(self) -> tuple[float, int] | None:
        """The k-th best exact score and its profile id, once k people are resolved."""
        if len(self.best) < self.limit:
            return None
        kth = self.best[self.limit - 1][1]
        return kth.score, kth.profile_id

    def _estimate(self) -> float:
        """A cautious guess of the k-th best score: twice k pooled people know at least it."""
        return self.pool.kth_known(2 * self.limit) / maximum(self.need)

    def _unseen_bound(self, lowered: _List | None = None) -> float:
        """The best score of someone in no list read so far (`lowered`: one level below it)."""
        levels = {lst.skill: lst.level for lst in self._open()}
        if lowered is not None:
            levels[lowered.skill] = lowered.level - 1
        return upper_bound(levels, self.need)

    def _unseen_can_beat(self) -> bool:
        still_open = self._open()
        if not still_open:
            return False
        threshold = self._threshold()
        if threshold is None:
            return True
        t, kth_id = threshold
        high = self._unseen_bound()
        if high < t - TOLERANCE:
            return False
        if high > t + TOLERANCE or any(
            self._unseen_bound(lst) >= t - TOLERANCE for lst in still_open
        ):
            return True
        # Only someone unseen at every list's current level ties; their id is past every `after`.
        return kth_id > max(lst.after for lst in still_open)

    def _pool_can_beat(self) -> bool:
        top = self.pool.peek()
        if top is None:
            return False
        threshold = self._threshold()
        if threshold is None:
            return True
        caps = sum(lst.cap for lst in self.lists)
        return (top[1] + caps) * self.scale >= threshold[0] - TOLERANCE

    def _may_beat(self, pid: int, known: float) -> bool:
        threshold = self._threshold()
        if threshold is None:
            return True
        t, kth_id = threshold
        extra = sum(lst.cap for lst in self._open() if pid not in lst.seen)
        possible = (known + extra) * self.scale
        if possible < t - TOLERANCE:
            return False
        return possible > t + TOLERANCE or pid < kth_id

    # --- reading --------------------------------------------------------------------------

    def _spent(self) -> int:
        return self.rows + RESOLVE_COST * self.resolutions

    def _rows_left(self) -> int:
        """Rows that may still be read, keeping room to resolve the reserve (if not yet)."""
        reserve = max(self.budget.reserve - self.resolutions, 0)
        return self.budget.work - RESOLVE_COST * reserve - self._spent()

    def _can_read(self) -> bool:
        return self._rows_left() > 0 and any(lst.level for lst in self.lists)

    def _next_list(self) -> _List:
        """The list whose next rows are worth the most; the rarer skill first when equal."""
        return max(self._open(), key=lambda lst: (lst.cap, -lst.holders, -lst.skill))

    def _reading_is_cheaper(self) -> bool:
        """Finish the next list, or resolve the pooled people it keeps in the running?"""
        threshold = self._threshold()
        if threshold is None:
            return True
        caps = sum(lst.cap for lst in self.lists)
        needed = (threshold[0] - TOLERANCE) / self.scale - caps
        return self._next_list().remaining < self.pool.count_above(needed) * RESOLVE_COST

    def _read_small_lists(self) -> None:
        small: list[_List] = []
        for lst in self.lists:
            if lst.holders <= SMALL_LIST and lst.holders <= self._rows_left():
                small.append(lst)
                self.rows += lst.holders
        if not small:
            return
        by_level: dict[tuple[int, int], list[int]] = {}
        for skill, level, pid in self.source.read_lists([lst.skill for lst in small]):
            by_level.setdefault((skill, level), []).append(pid)
        for lst in small:
            for level in range(TOP_LEVEL, 0, -1):
                self._absorb(lst, level, sorted(by_level.get((lst.skill, level), ())))
            lst.level = 0

    def _read_next(self) -> None:
        lst = self._next_list()
        limit = min(lst.batch, self._rows_left())
        pids = self.source.read_level(lst.skill, lst.level, lst.after, limit)
        self.rows += len(pids)
        lst.batch = min(lst.batch * 2, LARGEST_BATCH)
        self._absorb(lst, lst.level, pids)
        if len(pids) == limit:
            lst.seen.update(pids)
            lst.after = pids[-1]
        else:
            lst.level, lst.after = lst.level - 1, 0
            lst.seen = lst.seen.union(pids) if lst.level else set()

    def _absorb(self, lst: _List, level: int, pids: list[int]) -> None:
        """What a batch of holders tells: pooled people go up, new people join the pool."""
        weight = lst.rarity * level_weight(level)
        code = level << lst.shift
        pool, entries, done = self.pool, self.pool.entries, self.done
        for pid in [p for p in pids if p in entries]:
            pool.raise_known(pid, weight, code)
        pool.add([p for p in pids if p not in entries and p not in done], weight, code)

    # --- resolving ------------------------------------------------------------------------

    def _resolve(self, wanted: int) -> int:
        """Resolve up to `wanted` of the best pooled people; drop those who cannot win.

        Returns how many people left the pool."""
        wanted = min(wanted, (self.budget.work - self._spent()) // RESOLVE_COST)
        picked: dict[int, int] = {}
        dropped = 0
        while len(picked) < wanted and self._pool_can_beat():
            pid, known = self.pool.peek() or (0, 0.0)
            may_beat = self._may_beat(pid, known)
            code = self.pool.remove(pid)
            self.done.add(pid)
            if may_beat:
                picked[pid] = code
            else:
                dropped += 1
        if picked:
            self.resolutions += len(picked)
            for candidate in self._candidates(picked):
                match = score(candidate, self.need)
                if match is not None:
                    insort(self.best, (match.sort_key, match))
            del self.best[self.limit :]
        return len(picked) + dropped

    def _candidates(self, picked: dict[int, int]) -> list[Candidate]:
        """The picked people the viewer may see, with their levels for the sought skills."""
        people = self.source.people(list(picked))
        if self._open():
            offered = self.source.offered(list(people), self.need.skill_ids)
        else:  # every list was read whole: the levels read are all there is
            offered = {pid: unpack(picked[pid], self.shifts) for pid in people}
        return [
            Candidate(
                profile_id=pid,
                country=person.country,
                languages=person.languages,
                offered=offered.get(pid, {}),
                open_to_cross_border=person.open_to_cross_border,
            )
            for pid, person in people.items()
        ]
