"""Speed-networking planner: seating rules, objectives, re-planning, CSV input and errors."""

from __future__ import annotations

import io
import itertools
import json
import os
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from coffee.networking.planner import (
    Participant,
    Plan,
    PlannerError,
    PlannerInputError,
    plan,
    quality,
    read_participants_csv,
    replan,
    table_sizes,
)
from coffee.networking.planner.designs import (
    affine_rounds,
    circle_rounds,
    cyclic_max_rounds,
    cyclic_rounds,
    kirkman_rounds,
)
from coffee.networking.planner.exact import conflict_free_round

REPO_ROOT = Path(__file__).resolve().parents[3]


def people(count: int, countries: tuple[str, ...] = ("BE",)) -> list[Participant]:
    """``count`` participants p000, p001, ... cycling through ``countries``."""
    return [
        Participant(id=f"p{i:03d}", name=f"Person {i}", country=countries[i % len(countries)])
        for i in range(count)
    ]


def meetings(rounds: Plan | list[list[list[int]]]) -> Counter[frozenset[object]]:
    """How often each pair sat at the same table."""
    counts: Counter[frozenset[object]] = Counter()
    for tables in rounds:
        for table in tables:
            for a, b in itertools.combinations(table, 2):
                counts[frozenset((a, b))] += 1
    return counts


def repeats(rounds: Plan | list[list[list[int]]]) -> int:
    """Sum over pairs of (meetings - 1) for pairs that met more than once."""
    return sum(count - 1 for count in meetings(rounds).values())


def assert_well_formed(result: Plan, group: list[Participant], table_size: int) -> None:
    """Everyone sits exactly once per round, at tables of the balanced sizes."""
    ids = sorted(p.id for p in group)
    expected = table_sizes(len(group), table_size)
    for tables in result:
        assert sorted(pid for table in tables for pid in table) == ids
        assert sorted((len(table) for table in tables), reverse=True) == expected


# -- seating rules ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "table_size", "rounds"),
    [(2, 6, 2), (7, 6, 3), (10, 3, 4), (11, 2, 4), (17, 5, 2), (37, 4, 6), (26, 6, 3)],
)
def test_every_participant_is_seated_exactly_once_per_round_at_balanced_tables(
    count: int, table_size: int, rounds: int
) -> None:
    group = people(count, ("BE", "FR", "NL"))
    result = plan(group, table_size=table_size, rounds=rounds)
    assert len(result) == rounds
    assert_well_formed(result, group, table_size)


@pytest.mark.parametrize(
    ("count", "table_size", "sizes"),
    [
        (12, 4, [4, 4, 4]),
        (37, 4, [4] * 7 + [3] * 3),
        (7, 6, [4, 3]),
        (7, 2, [2, 2, 2, 1]),
        (13, 5, [5, 4, 4]),
        (2, 6, [2]),
    ],
)
def test_tables_hold_the_table_size_and_some_one_fewer_when_the_count_does_not_divide(
    count: int, table_size: int, sizes: list[int]
) -> None:
    assert table_sizes(count, table_size) == sizes


# -- designs: no pair meets twice ---------------------------------------------------------


def test_nine_people_in_tables_of_three_meet_nobody_twice_over_four_rounds() -> None:
    group = people(9)
    result = plan(group, table_size=3, rounds=4)
    assert_well_formed(result, group, 3)
    assert repeats(result) == 0
    assert len(meetings(result)) == 36  # everyone met everyone


def test_fifteen_people_in_tables_of_three_meet_nobody_twice_over_seven_rounds() -> None:
    group = people(15, ("BE", "FR"))
    result = plan(group, table_size=3, rounds=7)
    assert_well_formed(result, group, 3)
    assert repeats(result) == 0


def test_sixteen_people_in_tables_of_four_meet_nobody_twice_over_five_rounds() -> None:
    group = people(16)
    result = plan(group, table_size=4, rounds=5)
    assert_well_formed(result, group, 4)
    assert repeats(result) == 0


def test_twenty_five_people_in_tables_of_five_meet_nobody_twice_over_six_rounds() -> None:
    group = people(25, ("BE", "FR", "DE"))
    result = plan(group, table_size=5, rounds=6)
    assert_well_formed(result, group, 5)
    assert repeats(result) == 0


@pytest.mark.parametrize("count", [10, 20])
def test_pairs_meet_everyone_exactly_once_over_a_full_round_robin(count: int) -> None:
    group = people(count, ("BE", "FR"))
    result = plan(group, table_size=2, rounds=count - 1)
    assert_well_formed(result, group, 2)
    assert set(meetings(result).values()) == {1}
    assert len(meetings(result)) == count * (count - 1) // 2


def test_with_an_odd_count_in_pairs_everyone_sits_alone_once_and_meets_nobody_twice() -> None:
    group = people(7)
    result = plan(group, table_size=2, rounds=7)
    assert_well_formed(result, group, 2)
    assert repeats(result) == 0
    alone = sorted(table[0] for tables in result for table in tables if len(table) == 1)
    assert alone == sorted(p.id for p in group)


def test_two_hundred_people_in_tables_of_four_meet_nobody_twice_over_six_rounds() -> None:
    group = people(200, ("BE", "FR"))
    result = plan(group, table_size=4, rounds=6)
    assert_well_formed(result, group, 4)
    assert repeats(result) == 0


def test_twenty_one_people_in_tables_of_three_meet_nobody_twice_over_eight_rounds() -> None:
    group = people(21, ("BE", "FR"))
    result = plan(group, table_size=3, rounds=8)
    assert_well_formed(result, group, 3)
    assert repeats(result) == 0


def test_when_repeats_are_unavoidable_the_plan_reaches_the_fewest_possible() -> None:
    # 16 people in tables of 4 meet 18 others over 6 rounds but only 15 exist: at least
    # 3 repeats each, 24 pairs in all, which one extra round on top of AG(2,4) achieves.
    result = plan(people(16), table_size=4, rounds=6)
    assert repeats(result) == 24


@pytest.mark.parametrize(("q", "dim"), [(3, 2), (4, 2), (5, 2), (3, 3), (2, 4)])
def test_affine_geometry_rounds_seat_every_pair_exactly_once(q: int, dim: int) -> None:
    n = q**dim
    rounds = affine_rounds(q, dim, (n - 1) // (q - 1))
    for tables in rounds:
        assert sorted(p for table in tables for p in table) == list(range(n))
        assert {len(table) for table in tables} == {q}
    assert set(meetings(rounds).values()) == {1}
    assert len(meetings(rounds)) == n * (n - 1) // 2


def test_kirkman_rounds_solve_the_schoolgirl_problem() -> None:
    rounds = kirkman_rounds(7)
    for tables in rounds:
        assert sorted(p for table in tables for p in table) == list(range(15))
    assert set(meetings(rounds).values()) == {1}
    assert len(meetings(rounds)) == 105


@pytest.mark.parametrize("count", [6, 9])
def test_circle_method_pairs_everyone_once_with_a_rotating_bye(count: int) -> None:
    rounds = circle_rounds(count, count - 1 + count % 2)
    assert set(meetings(rounds).values()) == {1}
    assert len(meetings(rounds)) == count * (count - 1) // 2


@pytest.mark.parametrize(("count", "largest"), [(37, 4), (200, 4), (30, 5), (23, 6)])
def test_cyclic_rounds_repeat_no_pair_up_to_their_limit(count: int, largest: int) -> None:
    tables = len(table_sizes(count, largest))
    rounds = cyclic_rounds(count, tables, largest, cyclic_max_rounds(tables, largest))
    for seating in rounds:
        assert sorted(len(t) for t in seating) == sorted(table_sizes(count, largest))
    assert repeats(rounds) == 0


def test_exact_search_seats_a_round_avoiding_everyone_already_met() -> None:
    # Six people; 0-1-2 and 3-4-5 already sat together, so each new table mixes both.
    met = [0b000111, 0b000111, 0b000111, 0b111000, 0b111000, 0b111000]
    allowed = [~m & 0b111111 for m in met]
    tables, _ = conflict_free_round(allowed, [2, 2, 2], 1_000)
    assert tables is not None
    assert all((t[0] < 3) != (t[1] < 3) for t in tables)
    assert conflict_free_round(allowed, [3, 3], 1_000)[0] is None


# -- determinism --------------------------------------------------------------------------


def test_the_same_seed_gives_the_same_plan() -> None:
    group = people(30, ("BE", "FR"))
    assert plan(group, table_size=4, rounds=5, seed=7) == plan(
        group, table_size=4, rounds=5, seed=7
    )


def test_the_order_of_the_participants_does_not_change_the_plan() -> None:
    group = people(22, ("BE", "FR"))
    shuffled = list(group)
    random.Random(3).shuffle(shuffled)
    assert plan(group, table_size=3, rounds=4) == plan(shuffled, table_size=3, rounds=4)


def test_different_seeds_may_give_different_plans() -> None:
    group = people(30, ("BE", "FR"))
    plans = {json.dumps(plan(group, table_size=4, rounds=3, seed=s)) for s in range(4)}
    assert len(plans) > 1


def test_the_plan_does_not_depend_on_the_hash_seed_of_the_process() -> None:
    script = (
        "import json, sys\n"
        "from coffee.networking.planner import Participant, plan\n"
        "group = [Participant(id=f'p{i}', name='', country=('BE', 'FR', 'LU')[i % 3],\n"
        "         offers=frozenset({f'k{i % 5}', f'k{i % 7}'}), seeks=frozenset({f'k{i % 4}'}))\n"
        "         for i in range(26)]\n"
        "print(json.dumps(plan(group, table_size=4, rounds=4, seed=3)))\n"
    )
    outputs = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run(
            [sys.executable, "-c", script],
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1


# -- secondary objectives -----------------------------------------------------------------


def test_eight_belgians_and_eight_french_in_pairs_meet_across_the_border_in_the_first_round() -> (
    None
):
    group = people(16, ("BE", "FR"))
    country = {p.id: p.country for p in group}
    result = plan(group, table_size=2, rounds=3)
    assert all(country[a] != country[b] for a, b in result[0])
    assert quality(group, result)["cross_border_share"] == 1.0


def test_no_repeat_outranks_crossing_the_border() -> None:
    # 2 BE + 2 FR in pairs over 3 rounds: avoiding repeats forces a same-country round.
    group = people(4, ("BE", "FR"))
    result = plan(group, table_size=2, rounds=3)
    assert repeats(result) == 0
    assert quality(group, result)["cross_border_share"] == round(4 / 6, 4)


def test_people_meet_someone_who_offers_what_they_seek() -> None:
    group = [Participant(id=f"p{i}", name="", country="BE") for i in range(8)]
    group[0] = Participant(id="p0", name="", country="BE", seeks=frozenset({"python"}))
    group[5] = Participant(id="p5", name="", country="BE", offers=frozenset({"python"}))
    group[2] = Participant(id="p2", name="", country="BE", seeks=frozenset({"law", "tax"}))
    group[7] = Participant(id="p7", name="", country="BE", offers=frozenset({"law"}))
    group[3] = Participant(id="p3", name="", country="BE", offers=frozenset({"tax"}))
    for seed in range(3):
        result = plan(group, table_size=2, rounds=1, seed=seed)
        assert ["p0", "p5"] in result[0]
        assert quality(group, result)["sought_met_share"] == round(2 / 3, 4)


def test_crossing_the_border_outranks_meeting_sought_skills() -> None:
    group = [
        Participant(id="a", name="", country="BE", seeks=frozenset({"x"})),
        Participant(id="b", name="", country="BE", offers=frozenset({"x"})),
        Participant(id="c", name="", country="FR"),
        Participant(id="d", name="", country="FR"),
    ]
    result = plan(group, table_size=2, rounds=1)
    assert quality(group, result)["cross_border_share"] == 1.0


# -- re-planning --------------------------------------------------------------------------


def _departures_and_arrivals() -> tuple[list[Participant], list[Participant], Plan, Plan]:
    before = people(24, ("BE", "FR"))
    past = plan(before, table_size=4, rounds=2, seed=1)
    gone = {"p000", "p005", "p011"}
    newcomers = [
        Participant(id="n1", name="New one", country="BE"),
        Participant(id="n2", name="New two", country="FR"),
    ]
    now = [p for p in before if p.id not in gone] + newcomers
    return before + newcomers, now, past, replan(now, past_rounds=past, table_size=4, rounds=6)


def test_replanning_keeps_the_past_rounds_unchanged() -> None:
    _, _, past, result = _departures_and_arrivals()
    assert len(result) == 6
    assert result[:2] == past


def test_replanning_leaves_out_who_left_and_seats_who_arrived() -> None:
    _, now, _, result = _departures_and_arrivals()
    assert_well_formed(result[2:], now, 4)


def test_replanning_avoids_pairs_that_already_met() -> None:
    everyone, _, _, result = _departures_and_arrivals()
    assert repeats(result) == 0
    assert quality(everyone, result)["repeated_pairs"] == 0


def test_replanning_counts_past_meetings_even_when_everyone_stays() -> None:
    group = people(9)
    past = [[["p000", "p001", "p002"], ["p003", "p004", "p005"], ["p006", "p007", "p008"]]]
    result = replan(group, past_rounds=past, table_size=3, rounds=4)
    assert result[0] == past[0]
    assert repeats(result) == 0


def test_replanning_an_odd_count_in_pairs_lets_others_sit_alone_first() -> None:
    group = people(5)
    past = [
        [["p000"], ["p001", "p002"], ["p003", "p004"]],
        [["p001"], ["p000", "p003"], ["p002", "p004"]],
    ]
    result = replan(group, past_rounds=past, table_size=2, rounds=5)
    alone = [table[0] for tables in result[2:] for table in tables if len(table) == 1]
    assert sorted(alone) == ["p002", "p003", "p004"]
    assert repeats(result) == 0


def test_replanning_with_every_round_already_played_returns_the_past() -> None:
    group = people(4)
    past = [[["p000", "p001"], ["p002", "p003"]]]
    assert replan(group, past_rounds=past, table_size=2, rounds=1) == past


def test_replanning_rejects_more_past_rounds_than_asked() -> None:
    group = people(4)
    past = [[["p000", "p001"], ["p002", "p003"]]] * 2
    with pytest.raises(PlannerError) as caught:
        replan(group, past_rounds=past, table_size=2, rounds=1)
    assert caught.value.code == "past_rounds"


def test_replanning_rejects_a_past_round_seating_someone_twice() -> None:
    group = people(4)
    past = [[["p000", "p001"], ["p000", "p003"]]]
    with pytest.raises(PlannerError) as caught:
        replan(group, past_rounds=past, table_size=2, rounds=3)
    assert caught.value.code == "past_seating"


# -- quality ------------------------------------------------------------------------------


def test_quality_figures_match_a_plan_computed_by_hand() -> None:
    group = [
        Participant("A", "Ann", "BE", offers=frozenset({"py"}), seeks=frozenset({"design"})),
        Participant("B", "Bob", "FR", offers=frozenset({"design"})),
        Participant("C", "Cem", "BE", seeks=frozenset({"py", "law"})),
        Participant("D", "Dee", "FR"),
    ]
    rounds = [[["A", "B"], ["C", "D"]], [["A", "C"], ["B", "D"]], [["A", "B"], ["C"], ["D"]]]
    # Encounters AB CD AC BD AB: 3 of 5 cross; AB twice; A finds design, C finds py not law.
    assert quality(group, rounds) == {
        "repeated_pairs": 1,
        "cross_border_share": 0.6,
        "sought_met_share": 0.6667,
    }


def test_quality_reports_no_sought_share_when_nobody_seeks_anything() -> None:
    group = people(4)
    assert quality(group, [[["p000", "p001"], ["p002", "p003"]]])["sought_met_share"] is None


def test_quality_rejects_a_plan_seating_an_unknown_person() -> None:
    with pytest.raises(PlannerError) as caught:
        quality(people(2), [[["p000", "ghost"]]])
    assert caught.value.code == "unknown_id"


# -- CSV ----------------------------------------------------------------------------------


def test_the_csv_reader_reads_participants_with_their_skills() -> None:
    text = (
        "\ufeffID, Name ,country,offers,seeks\n"
        "a1,Ann,be, python ; django ;,design\n"
        "\n"
        'b2,"Bob, Jr.",FR,,python;law\n'
    )
    assert read_participants_csv(io.StringIO(text)) == [
        Participant("a1", "Ann", "BE", frozenset({"python", "django"}), frozenset({"design"})),
        Participant("b2", "Bob, Jr.", "FR", frozenset(), frozenset({"python", "law"})),
    ]


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("id,name,country,offers\n", "missing_column", 1),
        ("", "missing_column", 1),
        ("id,name,country,offers,seeks\na,A,BE,,\n ,B,FR,,\n", "empty_id", 3),
        ("id,name,country,offers,seeks\na,A,BE,,\nb,B,FR,,\na,C,LU,,\n", "duplicate_id", 4),
    ],
)
def test_the_csv_reader_names_the_error_and_its_line(text: str, code: str, line: int) -> None:
    with pytest.raises(PlannerInputError) as caught:
        read_participants_csv(io.StringIO(text))
    assert (caught.value.code, caught.value.line) == (code, line)
    assert caught.value.message.endswith(".")


# -- validation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"table_size": 1, "rounds": 3}, "table_size"),
        ({"table_size": 7, "rounds": 3}, "table_size"),
        ({"table_size": 4, "rounds": 0}, "rounds"),
        ({"table_size": 4, "rounds": 2, "time_limit": 0}, "time_limit"),
    ],
)
def test_invalid_settings_are_refused_with_a_code(kwargs: dict[str, int], code: str) -> None:
    with pytest.raises(PlannerError) as caught:
        plan(people(8), **kwargs)
    assert caught.value.code == code


def test_a_single_participant_is_too_few() -> None:
    with pytest.raises(PlannerError) as caught:
        plan(people(1), table_size=2, rounds=1)
    assert caught.value.code == "too_few"


def test_duplicate_participant_ids_are_refused() -> None:
    with pytest.raises(PlannerError) as caught:
        plan(people(3) + people(1), table_size=2, rounds=1)
    assert caught.value.code == "duplicate_id"
