"""Exact search for one round in which nobody meets anyone they have already met.

A depth-first search over bitmasks: open a table with the most constrained person left,
add companions in increasing index order (so each table is built once), recurse. A node
limit keeps it bounded; failing to find a round within it proves nothing.
"""

from __future__ import annotations

from .state import Tables, bits

# Recursion depth grows with the number of people; beyond this, leave it to the search.
MAX_PEOPLE = 400


class _OutOfNodes(Exception):
    """The node limit was reached."""


def conflict_free_round(
    allowed: list[int], sizes: list[int], node_limit: int
) -> tuple[Tables | None, int]:
    """A seating of everyone at tables of ``sizes`` where each table is pairwise allowed.

    ``allowed[p]`` is the bitmask of people p may sit with. Returns the tables (or None
    when none was found within ``node_limit`` nodes) and the number of nodes used.
    Requires len(allowed) == sum(sizes) <= MAX_PEOPLE.
    """
    left: dict[int, int] = {}
    for size in sizes:
        left[size] = left.get(size, 0) + 1
    order = sorted(left, reverse=True)
    tables: Tables = []
    nodes = 0

    def open_table(unseated: int) -> bool:
        if not unseated:
            return True
        # Fail first: the person with the fewest possible companions.
        first = min(bits(unseated), key=lambda p: (allowed[p] & unseated).bit_count())
        rest = unseated ^ (1 << first)
        for size in order:
            if left[size]:
                left[size] -= 1
                if extend([first], allowed[first] & rest, size, rest):
                    return True
                left[size] += 1
        return False

    def extend(members: list[int], candidates: int, size: int, unseated: int) -> bool:
        nonlocal nodes
        nodes += 1
        if nodes > node_limit:
            raise _OutOfNodes
        if len(members) == size:
            tables.append(members)
            if open_table(unseated):
                return True
            tables.pop()
            return False
        if candidates.bit_count() < size - len(members):
            return False
        for q in bits(candidates):
            above = candidates & ~((2 << q) - 1)  # later companions only: no duplicates
            if extend([*members, q], above & allowed[q], size, unseated ^ (1 << q)):
                return True
        return False

    try:
        found = open_table((1 << len(allowed)) - 1)
    except (_OutOfNodes, RecursionError):  # a deep caller stack counts as out of budget
        return None, nodes
    return (tables if found else None), nodes
