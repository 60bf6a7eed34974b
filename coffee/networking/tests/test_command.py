"""`manage.py plan_networking`: a CSV in, one JSON object (or a readable plan) out."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

HEADER = "id,name,country,offers,seeks\n"
NINE = [
    "a1,Anna,BE,design;web,accounting",
    "a2,Bram,BE,accounting,design",
    "a3,Camille,FR,law,web",
    "a4,Dirk,BE,web,law",
    "a5,Elise,FR,marketing,accounting;web",
    "a6,Fleur,BE,,marketing",
    "a7,Gaëlle,FR,design,",
    "a8,Hugo,FR,accounting;law,design",
    "a9,Ilse,BE,web,marketing",
]


def csv_file(tmp_path: Path, lines: list[str], header: str = HEADER) -> Path:
    path = tmp_path / "people.csv"
    path.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(path: Path, *, seed: int = 1, as_json: bool = True, **options: int) -> str:
    out = StringIO()
    settings = {"table_size": 3, "rounds": 4} | options
    call_command(
        "plan_networking", input=str(path), seed=seed, json=as_json, stdout=out, **settings
    )
    return out.getvalue()


def test_the_json_output_has_every_round_and_the_quality_figures(tmp_path: Path) -> None:
    result = json.loads(run(csv_file(tmp_path, NINE)))
    assert set(result) == {"rounds", "quality"}
    assert len(result["rounds"]) == 4
    ids = sorted(line.split(",")[0] for line in NINE)
    for tables in result["rounds"]:
        assert len(tables) == 3 and all(len(table) == 3 for table in tables)
        assert sorted(pid for table in tables for pid in table) == ids
    assert set(result["quality"]) == {"repeated_pairs", "cross_border_share", "sought_met_share"}


def test_nine_people_in_tables_of_three_over_four_rounds_never_meet_twice(tmp_path: Path) -> None:
    result = json.loads(run(csv_file(tmp_path, NINE)))
    assert result["quality"]["repeated_pairs"] == 0
    pairs = [
        frozenset((a, b))
        for tables in result["rounds"]
        for table in tables
        for i, a in enumerate(table)
        for b in table[i + 1 :]
    ]
    assert len(pairs) == 36 == len(set(pairs))  # everyone meets everyone exactly once


def test_the_same_seed_gives_the_same_output(tmp_path: Path) -> None:
    path = csv_file(tmp_path, NINE)
    assert run(path, seed=5) == run(path, seed=5)


def test_the_json_is_one_object_on_standard_output(tmp_path: Path) -> None:
    output = run(csv_file(tmp_path, NINE))
    assert output.strip().count("\n") == 0
    json.loads(output)


def test_without_json_the_plan_is_readable(tmp_path: Path) -> None:
    output = run(csv_file(tmp_path, NINE), as_json=False)
    assert "Round 1" in output and "Table 3:" in output and "Anna (BE)" in output
    assert "Repeated pairs: 0" in output and "Cross-border encounters:" in output


def test_a_duplicate_id_is_refused_naming_the_line(tmp_path: Path) -> None:
    path = csv_file(tmp_path, [*NINE[:3], "a2,Bram again,BE,,"])
    with pytest.raises(CommandError, match="line 5"):
        run(path)


def test_a_missing_column_is_refused_naming_the_header_line(tmp_path: Path) -> None:
    path = csv_file(tmp_path, ["a1,Anna,BE"], header="id,name,country\n")
    with pytest.raises(CommandError, match=r"line 1: .*'offers'"):
        run(path)


def test_an_impossible_table_size_is_refused_with_the_planners_message(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="table size"):
        run(csv_file(tmp_path, NINE), table_size=7)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="cannot be read"):
        run(tmp_path / "nowhere.csv")
