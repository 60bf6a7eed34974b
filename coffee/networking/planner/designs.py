"""Seatings that never repeat a pair: circle method, affine geometries, KTS(15), cyclic shifts.

Every function returns rounds of tables of point indices 0..n-1; the solver later decides
which participant sits on which point. All constructions are deterministic.
"""

from __future__ import annotations

import math
from collections.abc import Callable

Rounds = list[list[list[int]]]

# Kirkman's schoolgirl problem (15 people, tables of 3, 7 rounds): a packing of PG(3,2)
# into spreads, found once by exhaustive search and verified by the test suite.
_KIRKMAN_15: tuple[tuple[tuple[int, int, int], ...], ...] = (
    ((0, 1, 2), (3, 7, 11), (4, 9, 14), (5, 10, 12), (6, 8, 13)),
    ((0, 3, 4), (1, 7, 9), (2, 12, 13), (5, 8, 14), (6, 10, 11)),
    ((0, 5, 6), (1, 8, 10), (2, 11, 14), (3, 9, 13), (4, 7, 12)),
    ((0, 7, 8), (1, 11, 13), (2, 4, 5), (3, 10, 14), (6, 9, 12)),
    ((0, 9, 10), (1, 12, 14), (2, 3, 6), (4, 8, 11), (5, 7, 13)),
    ((0, 11, 12), (1, 3, 5), (2, 8, 9), (4, 10, 13), (6, 7, 14)),
    ((0, 13, 14), (1, 4, 6), (2, 7, 10), (3, 8, 12), (5, 9, 11)),
)

# GF(4) = GF(2)[x]/(x^2+x+1) with elements 0, 1, x=2, x+1=3; addition is XOR.
_GF4_MUL = ((0, 0, 0, 0), (0, 1, 2, 3), (0, 2, 3, 1), (0, 3, 1, 2))

# Largest design built on demand; bigger groups use the cyclic construction instead.
_MAX_AFFINE_POINTS = 3125


def circle_max_rounds(people: int) -> int:
    """Rounds of pairs the circle method gives without repeats (odd counts add a bye)."""
    return people - 1 if people % 2 == 0 else people


def circle_rounds(people: int, rounds: int) -> Rounds:
    """Round-robin pairings by the circle method; with an odd count one person sits alone.

    Requires 2 <= people and rounds <= circle_max_rounds(people). The bye rotates because
    the person facing the fixed (absent) point changes every round.
    """
    slots = people + people % 2
    ring = slots - 1
    result: Rounds = []
    for r in range(rounds):
        tables: list[list[int]] = [[slots - 1, r]]
        for i in range(1, slots // 2):
            tables.append([(r + i) % ring, (r - i) % ring])
        result.append([[p for p in table if p < people] for table in tables])
    return result


def _field(q: int) -> tuple[Callable[[int, int], int], Callable[[int, int], int]]:
    """Addition and multiplication of GF(q) for q in {2, 3, 4, 5}."""
    if q == 4:
        return (lambda a, b: a ^ b), (lambda a, b: _GF4_MUL[a][b])
    return (lambda a, b: (a + b) % q), (lambda a, b: (a * b) % q)


def affine_dimension(people: int, q: int) -> int:
    """Dimension d >= 2 with q**d == people for q in {2,3,4,5}, else 0 (no affine design)."""
    if q not in (2, 3, 4, 5) or people > _MAX_AFFINE_POINTS:
        return 0
    dim, size = 0, 1
    while size < people:
        size *= q
        dim += 1
    return dim if size == people and dim >= 2 else 0


def affine_max_rounds(q: int, dim: int) -> int:
    """Number of parallel classes of lines in AG(dim, q)."""
    return int(q**dim - 1) // (q - 1)


def affine_rounds(q: int, dim: int, rounds: int) -> Rounds:
    """Parallel classes of lines of AG(dim, q): q**dim people in tables of q.

    Requires rounds <= affine_max_rounds(q, dim). Two points share exactly one line, and
    the lines of one direction partition the space, so each direction is one round.
    """
    add, mul = _field(q)
    n = q**dim
    vectors = [[(p // q**c) % q for c in range(dim)] for p in range(n)]

    def index(vector: list[int]) -> int:
        return sum(x * q**c for c, x in enumerate(vector))

    # A direction is normalised so that its last nonzero coordinate is 1.
    directions = [v for v in vectors[1:] if [x for x in v if x][-1] == 1]
    result: Rounds = []
    for direction in directions[:rounds]:
        seated = [False] * n
        tables: list[list[int]] = []
        for p in range(n):
            if seated[p]:
                continue
            line = [
                index([add(a, mul(t, d)) for a, d in zip(vectors[p], direction, strict=True)])
                for t in range(q)
            ]
            for point in line:
                seated[point] = True
            tables.append(sorted(line))
        result.append(tables)
    return result


def kirkman_rounds(rounds: int) -> Rounds:
    """The first ``rounds`` (<= 7) rounds of a Kirkman triple system on 15 points."""
    return [[list(table) for table in day] for day in _KIRKMAN_15[:rounds]]


def cyclic_max_rounds(tables: int, largest: int) -> int:
    """Rounds without repeats from cyclic_rounds for ``tables`` tables of at most ``largest``."""
    return min(tables // math.gcd(d, tables) for d in range(1, largest))


def cyclic_rounds(people: int, tables: int, largest: int, rounds: int) -> Rounds:
    """Shifted rows: point (row i, column j) sits at table (j - i*m) mod tables in round m.

    Requires people > tables * (largest - 1) and rounds <= cyclic_max_rounds(tables, largest).
    Two points of rows i != i' meet in round m only if (i - i')*m == j - j' (mod tables), so
    rounds with multipliers differing by less than tables/gcd(i - i', tables) never share a
    pair. Missing points are all in the last row, so no table loses more than one seat.
    """
    result: Rounds = []
    for m in range(rounds):
        seating: list[list[int]] = [[] for _ in range(tables)]
        for p in range(people):
            row, column = divmod(p, tables)
            seating[(column - row * m) % tables].append(p)
        result.append(seating)
    return result


def construct(people: int, sizes: list[int], rounds: int) -> Rounds:
    """Up to ``rounds`` rounds without any repeated pair, seating with the given table sizes.

    Picks the applicable construction with the most rounds (exact designs first on ties);
    may return fewer rounds than asked, which the search then completes.
    """
    largest, tables = sizes[0], len(sizes)
    uniform = sizes[-1] == largest
    best: Rounds = []
    if largest == 2:
        best = circle_rounds(people, min(rounds, circle_max_rounds(people)))
    elif uniform and largest == 3 and people == 15:
        best = kirkman_rounds(min(rounds, 7))
    elif uniform and (dim := affine_dimension(people, largest)):
        best = affine_rounds(largest, dim, min(rounds, affine_max_rounds(largest, dim)))
    cyclic = min(rounds, cyclic_max_rounds(tables, largest))
    if cyclic > len(best):
        best = cyclic_rounds(people, tables, largest, cyclic)
    return best
