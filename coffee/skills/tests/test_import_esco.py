"""`import_esco` on the real ESCO sample, on broken copies of it, and the ESCO attribution."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db.models import QuerySet
from django.test import Client
from django.urls import reverse
from django.utils import translation

from coffee.core.models import AuditEntry
from coffee.skills.context_processors import ESCO_IN_USE_CACHE_KEY, esco_in_use, esco_in_use_forget
from coffee.skills.models import Skill

pytestmark = pytest.mark.django_db

# The shared folder sits beside the repository root, not inside it.
SAMPLE = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "esco-sample"
needs_sample = pytest.mark.skipif(
    not SAMPLE.is_dir(), reason=f"the ESCO sample is not available at {SAMPLE}"
)
SKILL_URI = "http://data.europa.eu/esco/skill/"
OCCUPATION_URI = "http://data.europa.eu/esco/occupation/"
PROGRAMMING_URI = f"{SKILL_URI}21d2f96d-35f7-4e3f-9745-c533d2dd6e97"
TECHNICAL_DIRECTOR = "00030d09-2b3a-4efd-87cc-c4ea39d27c34"
ATTRIBUTION = "This service uses the ESCO classification of the European Commission."


@pytest.fixture(autouse=True)
def _fresh_esco_flag() -> Iterator[None]:
    """The flag lives in the cache, which outlives each test's transaction."""
    cache.delete(ESCO_IN_USE_CACHE_KEY)
    yield
    cache.delete(ESCO_IN_USE_CACHE_KEY)


@pytest.fixture
def empty_catalogue() -> None:
    """No skill at all, not even the starter taxonomy of migration 0002."""
    Skill.objects.all().delete()


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """A writable copy of the sample's CSV files."""
    if not SAMPLE.is_dir():
        pytest.skip(f"the ESCO sample is not available at {SAMPLE}")
    folder = tmp_path / "esco"
    folder.mkdir()
    for path in SAMPLE.glob("*.csv"):
        shutil.copy(path, folder / path.name)
    return folder


def esco_skills() -> QuerySet[Skill]:
    """The skills imported from ESCO (a fresh query each time)."""
    return Skill.objects.filter(source=Skill.Source.ESCO)


def run(*paths: Path | str, **options: object) -> tuple[str, str]:
    """Run the command; return what it wrote on stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    call_command("import_esco", *map(str, paths), stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def refused(*paths: Path | str) -> str:
    """Run the command expecting a refusal; return its stderr."""
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_esco", *map(str, paths), stdout=io.StringIO(), stderr=err)
    return err.getvalue()


def snapshot() -> list[dict[str, object]]:
    """Every column of every skill, base columns and timestamps included."""
    return list(Skill.objects.order_by("key").raw_values())


def first_record_line(path: Path, prefix: str, skip: int = 0) -> int:
    """The physical line number (header = 1) of a record line starting with `prefix`."""
    lines = path.read_bytes().decode("utf-8").splitlines()
    starts = [n for n, line in enumerate(lines, start=1) if line.startswith(prefix)]
    return starts[skip]


def replace_on_line(path: Path, number: int, change: Callable[[str], str]) -> None:
    """Rewrite one physical line of a file, keeping its line endings."""
    lines = path.read_bytes().decode("utf-8").splitlines(keepends=True)
    lines[number - 1] = change(lines[number - 1])
    path.write_bytes("".join(lines).encode("utf-8"))


@needs_sample
@pytest.mark.usefixtures("empty_catalogue")
def test_the_sample_gives_300_skills_in_french_and_english_and_107_in_dutch() -> None:
    run(SAMPLE, quiet=True)
    skills = esco_skills().exclude(kind=Skill.Kind.OCCUPATION)
    assert skills.count() == 300
    assert skills.exclude(label_fr="").exclude(label_en="").count() == 300
    assert skills.exclude(label_nl="").count() == 107
    assert skills.filter(kind=Skill.Kind.KNOWLEDGE).count() == 42
    assert not skills.filter(category__isnull=False).exists()


@needs_sample
@pytest.mark.usefixtures("empty_catalogue")
def test_the_sample_gives_60_occupations_labelled_in_three_languages() -> None:
    run(SAMPLE, quiet=True)
    occupations = esco_skills().filter(kind=Skill.Kind.OCCUPATION)
    assert occupations.count() == 60
    assert occupations.exclude(label_fr="").exclude(label_nl="").exclude(label_en="").count() == 60
    assert all(
        uri.startswith(OCCUPATION_URI) for uri in occupations.values_list("esco_uri", flat=True)
    )


@needs_sample
@pytest.mark.usefixtures("empty_catalogue")
def test_alternative_labels_become_synonyms_without_the_label_itself() -> None:
    run(SAMPLE, quiet=True)
    director = Skill.objects.get(key=f"esco-{TECHNICAL_DIRECTOR}")
    assert director.esco_uri == f"{OCCUPATION_URI}{TECHNICAL_DIRECTOR}"
    assert (director.label_fr, director.label_nl, director.label_en) == (
        "directeur technique/directrice technique",
        "inspiciënt",
        "technical director",
    )
    assert director.synonym_list("nl") == [
        "toneelmeester",
        "inspiciënte",
        "technisch directeur",
        "chef-inspiciënt",
    ]
    assert "régisseuse" in director.synonym_list("fr")
    for skill in esco_skills():
        for language in ("fr", "nl", "en"):
            words = [w.casefold() for w in skill.synonym_list(language)]
            assert len(words) == len(set(words)), skill.key
            assert (getattr(skill, f"label_{language}") or "").casefold() not in words, skill.key


@needs_sample
@pytest.mark.usefixtures("empty_catalogue")
def test_a_language_missing_for_a_skill_is_left_empty_and_falls_back_when_shown() -> None:
    run(SAMPLE, quiet=True)
    skill = esco_skills().filter(label_nl="", kind=Skill.Kind.SKILL).first()
    assert skill is not None
    row = Skill.objects.filter(pk=skill.pk).raw_values("label", "label_fr").get()
    assert row["label"] == row["label_fr"]
    with translation.override("nl"):
        assert str(Skill.objects.get(pk=skill.pk)) == skill.label_fr


@needs_sample
def test_a_second_run_changes_nothing() -> None:
    run(SAMPLE, quiet=True)
    before = snapshot()
    out, _ = run(SAMPLE)
    assert snapshot() == before
    assert "0 created, 0 updated, 360 unchanged" in out


@needs_sample
def test_a_mapped_starter_skill_keeps_its_labels_and_gains_the_esco_words_as_synonyms() -> None:
    starter = Skill.objects.get(esco_uri=PROGRAMMING_URI)
    run(SAMPLE, quiet=True)
    skill = Skill.objects.get(esco_uri=PROGRAMMING_URI)
    assert (skill.key, skill.source, skill.kind, skill.category_id) == (
        starter.key,
        Skill.Source.STARTER,
        starter.kind,
        starter.category_id,
    )
    assert [getattr(skill, f"label_{lang}") for lang in ("fr", "nl", "en")] == [
        starter.label_fr,
        starter.label_nl,
        starter.label_en,
    ]
    nl = skill.synonym_list("nl")
    assert nl[: len(starter.synonym_list("nl"))] == starter.synonym_list("nl")
    assert {"computers programmeren", "programmeertalen"} <= set(nl)
    assert (
        esco_skills().count() == 360 - 45
    )  # the 45 mapped starter skills are updated, not duplicated


@needs_sample
def test_esco_fills_only_the_languages_a_mapped_starter_skill_lacks() -> None:
    Skill.objects.filter(esco_uri=PROGRAMMING_URI).update(label_nl="", synonyms_nl="")
    run(SAMPLE, quiet=True)
    skill = Skill.objects.get(esco_uri=PROGRAMMING_URI)
    assert skill.label_nl == "computerprogrammering"
    assert skill.label_fr == "programmation informatique"
    assert "computers programmeren" in skill.synonym_list("nl")


@needs_sample
@pytest.mark.usefixtures("empty_catalogue")
def test_a_run_in_one_language_keeps_the_labels_of_the_others() -> None:
    run(SAMPLE / "skills_fr.csv", SAMPLE / "skills_en.csv", quiet=True)
    before = {s.key: (s.label_fr, s.label_en) for s in esco_skills()}
    run(SAMPLE / "transversalSkillsCollection_nl.csv", quiet=True)
    assert {s.key: (s.label_fr, s.label_en) for s in esco_skills()} == before
    assert esco_skills().exclude(label_nl="").count() == 107


def test_a_bad_uri_makes_the_whole_run_import_nothing_and_names_file_and_line(
    sample_copy: Path,
) -> None:
    before = snapshot()
    broken = sample_copy / "skills_en.csv"
    line = first_record_line(broken, "KnowledgeSkillCompetence,", skip=57)
    replace_on_line(broken, line, lambda text: text.replace("http://", "htp:/", 1))
    errors = refused(sample_copy)
    assert f"{broken}:{line}: invalid conceptUri" in errors
    assert snapshot() == before
    assert not AuditEntry.objects.filter(action="skills.esco.imported").exists()


def test_every_malformed_row_of_every_file_is_reported(sample_copy: Path) -> None:
    skills, occupations = sample_copy / "skills_fr.csv", sample_copy / "occupations_nl.csv"
    skill_line = first_record_line(skills, "KnowledgeSkillCompetence,", skip=3)
    occupation_line = first_record_line(occupations, "Occupation,", skip=10)
    replace_on_line(skills, skill_line, lambda text: text.replace(SKILL_URI, "", 1))
    replace_on_line(occupations, occupation_line, lambda text: "Occupation,http://x\n")
    errors = refused(sample_copy).splitlines()
    assert f"{skills}:{skill_line}: invalid conceptUri" in "\n".join(errors)
    assert any(e.startswith(f"{occupations}:{occupation_line}: expected 14 fields") for e in errors)
    assert not esco_skills().exists()


@needs_sample
def test_a_file_in_an_unsupported_language_is_refused(tmp_path: Path) -> None:
    german = tmp_path / "skills_de.csv"
    shutil.copy(SAMPLE / "skills_en.csv", german)
    errors = refused(SAMPLE / "skills_fr.csv", german)
    assert "unsupported language 'de' (expected one of fr, nl, en)" in errors
    assert not esco_skills().exists()


def test_a_file_with_missing_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "skills_fr.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(
            [["conceptType", "conceptUri", "skillType"], ["KnowledgeSkillCompetence", "x", "y"]]
        )
    errors = refused(path)
    assert f"{path}: missing required column(s): preferredLabel" in errors


def test_paths_that_do_not_exist_are_refused_together(tmp_path: Path) -> None:
    errors = refused(tmp_path / "nowhere.csv", tmp_path / "skills_fr.csv")
    assert f"{tmp_path / 'nowhere.csv'}: no such file or folder" in errors
    assert f"{tmp_path / 'skills_fr.csv'}: no such file or folder" in errors


def test_a_folder_without_esco_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "readme.txt").write_text("nothing here")
    assert "no skills, occupations or collection CSV file here" in refused(tmp_path)


@needs_sample
def test_progress_shows_the_rows_of_each_file_and_the_concepts_done() -> None:
    out, err = run(SAMPLE)
    assert f"{SAMPLE / 'skills_fr.csv'}: 300 rows read (fr, skills)" in out
    assert f"{SAMPLE / 'ictSkillsCollection_nl.csv'}: 21 rows read (nl, skills)" in out
    assert "360/360 concepts: 315 to create, 38 to update, 7 unchanged" in out
    assert "360 concepts: 315 created, 38 updated, 7 unchanged" in out
    assert err == ""


@needs_sample
def test_quiet_prints_nothing_and_dry_run_writes_nothing() -> None:
    before = snapshot()
    out, _ = run(SAMPLE, dry_run=True)
    assert "315 to create, 38 to update" in out and "Dry run" in out
    assert snapshot() == before
    out, _ = run(SAMPLE, quiet=True)
    assert out == ""
    assert esco_skills().count() == 315


@needs_sample
def test_an_import_leaves_an_audit_entry() -> None:
    run(SAMPLE, quiet=True)
    entry = AuditEntry.objects.get(action="skills.esco.imported")
    assert (entry.data["created"], entry.data["updated"]) == (315, 38)
    assert "skills_fr.csv" in entry.data["files"]


def test_the_attribution_is_one_translatable_sentence() -> None:
    from django.template.loader import render_to_string

    html = render_to_string("skills/partials/_esco_attribution.html")
    with translation.override("en"):
        assert ATTRIBUTION in render_to_string("skills/partials/_esco_attribution.html")
    assert "ESCO" in html


@needs_sample
def test_the_footer_credits_esco_only_once_the_catalogue_holds_esco_skills(
    client: Client, django_capture_on_commit_callbacks: Callable[..., object]
) -> None:
    with translation.override("en"):
        home = reverse("home")
    assert ATTRIBUTION not in client.get(home).content.decode()
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        run(SAMPLE, quiet=True)
    assert ATTRIBUTION in client.get(home).content.decode()


def test_the_esco_flag_is_cached_until_an_import_forgets_it() -> None:
    assert esco_in_use() is False
    Skill.objects.create(key="esco-x", label_fr="x", source=Skill.Source.ESCO)
    assert esco_in_use() is False
    esco_in_use_forget()
    assert esco_in_use() is True
