"""The ESCO CSV reader, on the real sample and on small files written for each error case."""

from __future__ import annotations

from pathlib import Path

import pytest

from coffee.skills.esco import (
    EscoConcept,
    EscoFile,
    EscoFormatError,
    detect_file,
    merge,
    read_file,
)

# The shared folder sits beside the repository root, not inside it.
SAMPLE = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "esco-sample"
SAMPLE_FILES = (
    "skills_fr.csv",
    "skills_en.csv",
    "ictSkillsCollection_nl.csv",
    "transversalSkillsCollection_nl.csv",
    "occupations_fr.csv",
    "occupations_en.csv",
    "occupations_nl.csv",
)
needs_sample = pytest.mark.skipif(
    not SAMPLE.is_dir(), reason=f"the ESCO sample is not available at {SAMPLE}"
)

SKILLS_HEADER = "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,description"
COLLECTION_HEADER = f"{SKILLS_HEADER},broaderConceptUri,broaderConceptPT"
URI = "http://data.europa.eu/esco/skill/"
KSC = "KnowledgeSkillCompetence"
# ESCO's French labels use the typographic apostrophe, not the ASCII one.
APOSTROPHE = "\N{RIGHT SINGLE QUOTATION MARK}"


def write_csv(folder: Path, name: str, lines: list[str], newline: str = "\r\n") -> str:
    """Write lines joined by the given line ending and return the file's path."""
    path = folder / name
    path.write_bytes(newline.join([*lines, ""]).encode("utf-8"))
    return str(path)


def skill_row(uuid: str, label: str, alt_labels: str = "") -> str:
    """Return one data line of a 7-column skills file."""
    return f"{KSC},{URI}{uuid},skill/competence,transversal,{label},{alt_labels},"


def sample(name: str) -> EscoFile:
    """Read one file of the ESCO sample."""
    return read_file(str(SAMPLE / name))


def uris(esco_file: EscoFile) -> set[str]:
    """Return the set of concept URIs of a file."""
    return {concept.uri for concept in esco_file.concepts}


@pytest.fixture(scope="module")
def sample_files() -> dict[str, EscoFile]:
    """Every CSV of the sample, read once."""
    return {name: sample(name) for name in SAMPLE_FILES}


@needs_sample
def test_every_file_of_the_sample_reads_without_a_single_error(
    sample_files: dict[str, EscoFile],
) -> None:
    assert {name: f.errors for name, f in sample_files.items()} == {n: [] for n in SAMPLE_FILES}


@needs_sample
def test_the_sample_holds_300_skills_in_french_and_300_in_english(
    sample_files: dict[str, EscoFile],
) -> None:
    assert len(uris(sample_files["skills_fr.csv"])) == 300
    assert len(uris(sample_files["skills_en.csv"])) == 300


@needs_sample
def test_french_and_english_skills_have_the_same_uris(sample_files: dict[str, EscoFile]) -> None:
    assert uris(sample_files["skills_fr.csv"]) == uris(sample_files["skills_en.csv"])


@needs_sample
def test_dutch_skills_come_from_107_concepts_across_the_two_collection_files(
    sample_files: dict[str, EscoFile],
) -> None:
    ict = uris(sample_files["ictSkillsCollection_nl.csv"])
    transversal = uris(sample_files["transversalSkillsCollection_nl.csv"])
    assert (len(ict), len(ict & transversal), len(ict | transversal)) == (21, 21, 107)


@needs_sample
def test_every_dutch_collection_skill_also_has_a_french_and_an_english_label(
    sample_files: dict[str, EscoFile],
) -> None:
    merged = merge(sample_files.values())
    dutch = [langs for langs in merged.values() if "nl" in langs and langs["nl"].kind == "skill"]
    assert len(dutch) == 107
    assert all({"fr", "en"} <= set(languages) for languages in dutch)


@needs_sample
def test_the_sample_holds_60_occupations_in_each_language_with_the_same_uris(
    sample_files: dict[str, EscoFile],
) -> None:
    by_language = {
        name: uris(sample_files[name])
        for name in ("occupations_fr.csv", "occupations_en.csv", "occupations_nl.csv")
    }
    assert [len(found) for found in by_language.values()] == [60, 60, 60]
    assert by_language["occupations_fr.csv"] == by_language["occupations_en.csv"]
    assert by_language["occupations_nl.csv"] == by_language["occupations_en.csv"]


@needs_sample
def test_files_are_told_apart_by_kind_language_and_collection(
    sample_files: dict[str, EscoFile],
) -> None:
    found = {name: (f.kind, f.language, f.collection) for name, f in sample_files.items()}
    assert found["skills_fr.csv"] == ("skill", "fr", "")
    assert found["transversalSkillsCollection_nl.csv"] == (
        "skill",
        "nl",
        "transversalSkillsCollection",
    )
    assert found["occupations_nl.csv"] == ("occupation", "nl", "")


@needs_sample
def test_a_multi_line_french_alt_label_cell_is_split_into_separate_labels(
    sample_files: dict[str, EscoFile],
) -> None:
    concept = concept_of(sample_files["skills_fr.csv"], "022dc430-872a-473a-9cf4-fed4895e58ad")
    assert concept.preferred_label == "définir la structure physique de la base de données"
    assert concept.alt_labels[:3] == (
        f"bâtir l{APOSTROPHE}architecture d{APOSTROPHE}une base de données",
        "définir la structure de stockage physique de la base de données",
        "constituer la structure physique de la base de données",
    )
    assert len(concept.alt_labels) == 6
    assert not any("\n" in label or "\r" in label for label in concept.alt_labels)


@needs_sample
def test_dutch_collection_alt_labels_joined_by_pipes_are_split(
    sample_files: dict[str, EscoFile],
) -> None:
    concept = concept_of(
        sample_files["ictSkillsCollection_nl.csv"], "16a00c69-9c74-4c37-96d7-6301d285e5ce"
    )
    assert concept.alt_labels[0] == "als burger actief zijn via digitale technologieën"
    assert len(concept.alt_labels) == 4
    assert not any("|" in label for label in concept.alt_labels)


@needs_sample
def test_occupations_keep_their_isco_group_and_skills_their_type_and_reuse_level(
    sample_files: dict[str, EscoFile],
) -> None:
    occupation = sample_files["occupations_en.csv"].concepts[0]
    skill = concept_of(sample_files["skills_en.csv"], "0005c151-5b5a-4a66-8aac-60e734beb1ab")
    assert (occupation.kind, occupation.preferred_label, occupation.isco_group) == (
        "occupation",
        "technical director",
        "2166",
    )
    assert "head of technical" in occupation.alt_labels
    assert (skill.preferred_label, skill.skill_type, skill.reuse_level) == (
        "manage musical staff",
        "skill/competence",
        "sector-specific",
    )


@needs_sample
def test_a_dutch_skill_in_both_collections_remembers_both_collection_names(
    sample_files: dict[str, EscoFile],
) -> None:
    merged = merge(sample_files.values())
    concept = merged[f"{URI}14832d87-2f2f-4895-b290-e4760ebae42a"]["nl"]
    assert concept.preferred_label == "technische problemen oplossen"
    assert concept.collection == "ictSkillsCollection | transversalSkillsCollection"


@needs_sample
def test_a_bad_uri_in_a_copy_of_the_french_file_is_reported_at_the_line_where_its_record_starts(
    tmp_path: Path,
) -> None:
    text = (SAMPLE / "skills_fr.csv").read_bytes().decode("utf-8")
    # The 5th record, after a multi-line one: only counting physical lines finds its line.
    target = f"{URI}04fe962b-4017-4eb7-9139-7d69b6922bc9"
    assert text.count(target) == 1
    broken = text.replace(target, "urn:not-a-web-address")
    path = tmp_path / "skills_fr.csv"
    path.write_bytes(broken.encode("utf-8"))
    expected_line = broken[: broken.index("urn:not-a-web-address")].count("\n") + 1
    result = read_file(str(path))
    assert [(e.line, e.path) for e in result.errors] == [(expected_line, str(path))]
    assert expected_line == 12  # not 6: the 2nd record alone spans 7 lines
    assert len(result.concepts) == 299


def concept_of(esco_file: EscoFile, uuid: str) -> EscoConcept:
    """Return the concept of a file with the given URI suffix."""
    return next(c for c in esco_file.concepts if c.uri == f"{URI}{uuid}")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("skills_fr.csv", ("skill", "fr", "")),
        ("skills_en-us.csv", ("skill", "en", "")),
        ("skills_en-GB.csv", ("skill", "en", "")),
        ("occupations_nl.csv", ("occupation", "nl", "")),
        ("ictSkillsCollection_nl.csv", ("skill", "nl", "ictSkillsCollection")),
        ("digitalSkillsCollection_fr.csv", ("skill", "fr", "digitalSkillsCollection")),
        ("transversalSkillsCollection_nl.csv", ("skill", "nl", "transversalSkillsCollection")),
        (
            "researchOccupationsCollection_en.csv",
            ("occupation", "en", "researchOccupationsCollection"),
        ),
    ],
)
def test_the_file_name_tells_the_kind_the_language_and_the_collection(
    name: str, expected: tuple[str, str, str]
) -> None:
    header = ["conceptType", "conceptUri", "preferredLabel"]
    assert detect_file(f"/downloads/esco/{name}", header) == expected


def test_the_columns_tell_the_kind_when_the_file_name_does_not() -> None:
    header = ["conceptType", "conceptUri", "iscoGroup", "preferredLabel"]
    assert detect_file("export_fr.csv", header) == ("occupation", "fr", "")


def test_a_file_name_that_contradicts_its_columns_is_refused() -> None:
    header = ["conceptType", "conceptUri", "iscoGroup", "preferredLabel"]
    with pytest.raises(EscoFormatError, match="columns are those of occupations"):
        detect_file("skills_fr.csv", header)


def test_a_file_whose_kind_cannot_be_told_is_refused() -> None:
    with pytest.raises(EscoFormatError, match="skills or occupations"):
        detect_file("export_fr.csv", ["conceptType", "conceptUri", "preferredLabel"])


@pytest.mark.parametrize("name", ["skills_de.csv", "occupations_pt-br.csv", "skills_it.csv"])
def test_a_language_other_than_french_dutch_or_english_is_refused(
    tmp_path: Path, name: str
) -> None:
    path = write_csv(tmp_path, name, [SKILLS_HEADER, skill_row("a1", "Webentwicklung")])
    with pytest.raises(EscoFormatError, match="unsupported language") as raised:
        read_file(path)
    assert raised.value.path == path


def test_a_file_name_without_a_language_is_refused() -> None:
    with pytest.raises(EscoFormatError, match="cannot tell the language"):
        detect_file("skills.csv", ["conceptType", "conceptUri", "preferredLabel"])


def test_a_file_without_required_columns_is_refused_naming_every_missing_column(
    tmp_path: Path,
) -> None:
    path = write_csv(tmp_path, "skills_fr.csv", ["conceptType,uri,label", f"{KSC},{URI}a1,x"])
    with pytest.raises(EscoFormatError) as raised:
        read_file(path)
    assert "conceptUri" in raised.value.message
    assert "preferredLabel" in raised.value.message
    assert "conceptType" not in raised.value.message


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "skills_fr.csv", [])
    with pytest.raises(EscoFormatError, match="empty"):
        read_file(path)


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "skills_fr.csv"
    path.write_bytes(f"{SKILLS_HEADER}\r\n{skill_row('a1', 'gérer')}\r\n".encode("latin-1"))
    with pytest.raises(EscoFormatError, match="not UTF-8"):
        read_file(str(path))


def test_a_uri_that_is_not_a_web_address_is_skipped_and_reported_at_its_line(
    tmp_path: Path,
) -> None:
    lines = [
        SKILLS_HEADER,
        skill_row("a1", "coder"),
        f"{KSC},esco:a2,,,tester,,",
        skill_row("a3", "x"),
    ]
    result = read_file(write_csv(tmp_path, "skills_fr.csv", lines))
    assert [c.preferred_label for c in result.concepts] == ["coder", "x"]
    assert [(e.line, "invalid conceptUri" in e.message) for e in result.errors] == [(3, True)]


def test_an_error_after_a_multi_line_alt_labels_record_is_reported_where_its_record_starts(
    tmp_path: Path,
) -> None:
    lines = [
        SKILLS_HEADER,
        skill_row("a1", "développement web", '"développeur web\ndéveloppeuse web\n\nintégrateur"'),
        skill_row("a2", "graphisme"),
        f"{KSC},,skill/competence,transversal,sans adresse,,",
    ]
    result = read_file(write_csv(tmp_path, "skills_fr.csv", lines))
    # Header 1; record a1 spans lines 2-5; a2 is line 6; the bad record is line 7.
    assert [(e.line, e.message) for e in result.errors] == [(7, "empty conceptUri")]
    assert result.concepts[0].alt_labels == ("développeur web", "développeuse web", "intégrateur")


def test_a_missing_preferred_label_is_reported(tmp_path: Path) -> None:
    lines = [SKILLS_HEADER, skill_row("a1", "")]
    result = read_file(write_csv(tmp_path, "skills_en.csv", lines))
    assert result.concepts == []
    assert [(e.line, e.message) for e in result.errors] == [
        (2, f"missing preferredLabel for {URI}a1")
    ]


def test_records_with_too_many_or_too_few_fields_are_reported(tmp_path: Path) -> None:
    lines = [
        SKILLS_HEADER,
        skill_row("a1", "x") + ",extra,more",
        f"{KSC},{URI}a2,knowledge",
        skill_row("a3", "y"),
    ]
    result = read_file(write_csv(tmp_path, "skills_en.csv", lines))
    assert [(e.line, e.message) for e in result.errors] == [
        (2, "expected 7 fields, found 9"),
        (3, "expected 7 fields, found 3"),
    ]
    assert [c.preferred_label for c in result.concepts] == ["y"]


def test_a_stray_quote_is_reported_and_the_next_records_are_still_read(tmp_path: Path) -> None:
    stray_quote = f'{KSC},{URI}a1,"skill"/competence,transversal,x,,'
    lines = [SKILLS_HEADER, stray_quote, skill_row("a2", "y")]
    result = read_file(write_csv(tmp_path, "skills_en.csv", lines))
    assert [(e.line, e.message.startswith("malformed CSV")) for e in result.errors] == [(2, True)]
    assert [c.preferred_label for c in result.concepts] == ["y"]


def test_a_quote_left_open_at_the_end_of_the_file_is_reported_where_its_record_starts(
    tmp_path: Path,
) -> None:
    lines = [SKILLS_HEADER, skill_row("a1", "x"), skill_row("a2", "y", '"open\nnever closed')]
    result = read_file(write_csv(tmp_path, "skills_en.csv", lines))
    assert [(e.line, e.message) for e in result.errors] == [
        (3, "malformed CSV: unexpected end of data")
    ]
    assert [c.preferred_label for c in result.concepts] == ["x"]


def test_a_concept_type_that_does_not_belong_in_the_file_is_reported(tmp_path: Path) -> None:
    lines = [SKILLS_HEADER, f"Occupation,{URI}a1,,,x,,", skill_row("a2", "y")]
    result = read_file(write_csv(tmp_path, "skills_en.csv", lines))
    assert [e.line for e in result.errors] == [2]
    assert "Occupation" in result.errors[0].message


def test_empty_lines_between_records_do_not_shift_line_numbers(tmp_path: Path) -> None:
    lines = [SKILLS_HEADER, skill_row("a1", "x"), "", "", f"{KSC},,,,y,,"]
    result = read_file(write_csv(tmp_path, "skills_en.csv", lines))
    assert [e.line for e in result.errors] == [5]


@pytest.mark.parametrize("newline", ["\r\n", "\n"], ids=["crlf", "lf"])
def test_crlf_and_lf_files_give_the_same_concepts_and_line_numbers(
    tmp_path: Path, newline: str
) -> None:
    lines = [
        SKILLS_HEADER,
        skill_row("a1", "graphisme", '"graphiste\ninfographiste"'),
        f"{KSC},ftp://x,,,y,,",
    ]
    result = read_file(write_csv(tmp_path, "skills_fr.csv", lines, newline=newline))
    assert result.concepts[0].alt_labels == ("graphiste", "infographiste")
    assert result.concepts[0].description == ""
    assert [e.line for e in result.errors] == [4]


def test_crlf_inside_a_quoted_cell_still_splits_into_clean_labels(tmp_path: Path) -> None:
    lines = [SKILLS_HEADER, skill_row("a1", "graphisme", '"graphiste\r\ninfographiste"')]
    result = read_file(write_csv(tmp_path, "skills_fr.csv", lines))
    assert result.concepts[0].alt_labels == ("graphiste", "infographiste")


def test_a_byte_order_mark_does_not_hide_the_first_column(tmp_path: Path) -> None:
    path = tmp_path / "skills_nl.csv"
    path.write_bytes(f"{SKILLS_HEADER}\n{skill_row('a1', 'webontwikkeling')}\n".encode("utf-8-sig"))
    result = read_file(str(path))
    assert [c.preferred_label for c in result.concepts] == ["webontwikkeling"]


def test_optional_columns_may_be_absent(tmp_path: Path) -> None:
    header = "preferredLabel,conceptUri,conceptType,skillType"
    lines = [header, f"webdesign,{URI}a1,{KSC},knowledge"]
    concept = read_file(write_csv(tmp_path, "skills_nl.csv", lines)).concepts[0]
    assert (concept.preferred_label, concept.skill_type) == ("webdesign", "knowledge")
    assert concept.alt_labels == ()
    assert (concept.description, concept.reuse_level, concept.isco_group) == ("", "", "")


def test_alt_labels_drop_blanks_and_repeats_and_keep_their_order(tmp_path: Path) -> None:
    lines = [SKILLS_HEADER, skill_row("a1", "x", '" b \n\na\nb\n  "')]
    concept = read_file(write_csv(tmp_path, "skills_en.csv", lines)).concepts[0]
    assert concept.alt_labels == ("b", "a")


def test_merge_keeps_the_skills_file_labels_and_remembers_the_collection(tmp_path: Path) -> None:
    collection = write_csv(
        tmp_path,
        "ictSkillsCollection_nl.csv",
        [COLLECTION_HEADER, skill_row("a1", "oud label", "oud alt | ander alt") + ",,"],
        newline="\n",
    )
    skills = write_csv(tmp_path, "skills_nl.csv", [SKILLS_HEADER, skill_row("a1", "webdesign")])
    for order in ([collection, skills], [skills, collection]):
        concept = merge(read_file(path) for path in order)[f"{URI}a1"]["nl"]
        assert (concept.preferred_label, concept.collection) == ("webdesign", "ictSkillsCollection")


def test_merge_indexes_each_concept_by_uri_then_language(tmp_path: Path) -> None:
    french = write_csv(tmp_path, "skills_fr.csv", [SKILLS_HEADER, skill_row("a1", "graphisme")])
    english = write_csv(tmp_path, "skills_en-us.csv", [SKILLS_HEADER, skill_row("a1", "design")])
    merged = merge([read_file(french), read_file(english)])
    assert {lang: c.preferred_label for lang, c in merged[f"{URI}a1"].items()} == {
        "fr": "graphisme",
        "en": "design",
    }
