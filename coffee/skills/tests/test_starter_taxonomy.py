"""The starter taxonomy in coffee/skills/data: shape, three languages, synonyms, ESCO links."""

from __future__ import annotations

import csv
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
# The shared folder sits beside the repository root, not inside it.
ESCO_SAMPLE = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "esco-sample"
LANGUAGES = ("fr", "nl", "en")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ESCO_SKILL_URI = re.compile(
    r"^http://data\.europa\.eu/esco/skill/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
)
CATEGORY_COLUMNS = ["key", "label_fr", "label_nl", "label_en"]
SKILL_COLUMNS = [
    "key",
    "category",
    "label_fr",
    "label_nl",
    "label_en",
    "synonyms_fr",
    "synonyms_nl",
    "synonyms_en",
    "esco_uri",
]


@cache
def read_rows(name: str) -> tuple[list[str], list[dict[str | None, str | None]]]:
    """Return the header and rows of a data file, read with a real CSV parser."""
    with open(DATA / name, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows: list[dict[str | None, str | None]] = [dict(row) for row in reader]
        return list(reader.fieldnames or []), rows


def categories() -> list[dict[str, str]]:
    """Return the category rows with every cell a string."""
    return [
        {str(k): v or "" for k, v in row.items()} for row in read_rows("starter_categories.csv")[1]
    ]


def skills() -> list[dict[str, str]]:
    """Return the skill rows with every cell a string."""
    return [
        {str(k): v or "" for k, v in row.items()} for row in read_rows("starter_taxonomy.csv")[1]
    ]


def synonyms(skill: dict[str, str], language: str) -> list[str]:
    """Return a skill's synonyms in one language."""
    cell = skill[f"synonyms_{language}"]
    return cell.split("|") if cell else []


def skill_found_by(term: str) -> set[str]:
    """Return the keys of skills whose label or synonym in any language is the term."""
    wanted = term.casefold()
    return {
        skill["key"]
        for skill in skills()
        for language in LANGUAGES
        if wanted
        in {t.casefold() for t in [skill[f"label_{language}"], *synonyms(skill, language)]}
    }


def test_the_categories_file_has_exactly_the_expected_columns() -> None:
    assert read_rows("starter_categories.csv")[0] == CATEGORY_COLUMNS


def test_the_taxonomy_file_has_exactly_the_expected_columns() -> None:
    assert read_rows("starter_taxonomy.csv")[0] == SKILL_COLUMNS


@pytest.mark.parametrize("name", ["starter_categories.csv", "starter_taxonomy.csv"])
def test_every_row_has_as_many_fields_as_the_header(name: str) -> None:
    header, rows = read_rows(name)
    assert all(None not in row and len(row) == len(header) for row in rows)
    assert all(value is not None for row in rows for value in row.values())


def test_there_are_ten_to_twelve_categories_with_unique_slug_keys() -> None:
    keys = [category["key"] for category in categories()]
    assert 10 <= len(keys) <= 12
    assert len(set(keys)) == len(keys)
    assert all(SLUG.match(key) for key in keys), keys


def test_every_category_has_a_label_in_french_dutch_and_english() -> None:
    for category in categories():
        assert all(category[f"label_{lang}"].strip() for lang in LANGUAGES), category


def test_the_starter_taxonomy_holds_at_least_280_skills() -> None:
    assert len(skills()) >= 280


def test_every_skill_key_is_a_unique_lowercase_ascii_slug() -> None:
    keys = [skill["key"] for skill in skills()]
    assert [key for key, n in Counter(keys).items() if n > 1] == []
    assert [key for key in keys if not SLUG.match(key)] == []


def test_every_skill_belongs_to_a_known_category_and_every_category_has_ten_skills() -> None:
    known = {category["key"] for category in categories()}
    per_category = Counter(skill["category"] for skill in skills())
    assert set(per_category) == known
    assert min(per_category.values()) >= 10


def test_every_skill_has_a_label_in_french_dutch_and_english() -> None:
    missing = [s["key"] for s in skills() for lang in LANGUAGES if not s[f"label_{lang}"].strip()]
    assert missing == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_two_skills_share_a_label_in_the_same_language(language: str) -> None:
    labels = Counter(skill[f"label_{language}"].casefold() for skill in skills())
    assert [label for label, n in labels.items() if n > 1] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_labels_and_synonyms_have_no_stray_spaces_or_empty_entries(language: str) -> None:
    for skill in skills():
        terms = [skill[f"label_{language}"], *synonyms(skill, language)]
        assert all(term and term == term.strip() and "  " not in term for term in terms), skill


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_synonym_repeats_its_own_label_or_is_the_label_of_another_skill(language: str) -> None:
    labels = {skill[f"label_{language}"].casefold() for skill in skills()}
    for skill in skills():
        terms = [term.casefold() for term in synonyms(skill, language)]
        assert len(set(terms)) == len(terms), skill["key"]
        assert not set(terms) & labels, skill["key"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_synonym_leads_to_two_different_skills_in_the_same_language(language: str) -> None:
    owners = Counter(
        term.casefold() for skill in skills() for term in set(synonyms(skill, language))
    )
    assert [term for term, n in owners.items() if n > 1] == []


def test_french_accents_and_dutch_diaereses_survive_as_utf8() -> None:
    text = (DATA / "starter_taxonomy.csv").read_text(encoding="utf-8")
    assert "développement web" in text
    assert "beëdigde vertaling" in text
    # Text decoded with the wrong code page shows these pairs.
    assert "Ã" not in text
    assert "â€" not in text


@pytest.mark.parametrize(
    "term",
    ["webontwikkelaar", "web developer", "développeur web", "développeuse web", "webdeveloper"],
)
def test_role_nouns_in_every_language_find_the_web_development_skill(term: str) -> None:
    assert skill_found_by(term) == {"web-development"}


@pytest.mark.parametrize(
    ("term", "key"),
    [
        ("graphiste", "graphic-design"),
        ("grafisch ontwerper", "graphic-design"),
        ("vertaler", "translation"),
        ("comptable", "accounting"),
        ("boekhouder", "accounting"),
        ("community manager", "social-media-management"),
        ("overheidsopdrachten", "public-procurement"),
        ("RGPD", "gdpr"),
        ("AVG", "gdpr"),
    ],
)
def test_common_professional_words_find_their_skill(term: str, key: str) -> None:
    assert skill_found_by(term) == {key}


def test_every_esco_uri_is_a_well_formed_esco_skill_uri_used_once() -> None:
    uris = [skill["esco_uri"] for skill in skills() if skill["esco_uri"]]
    assert [uri for uri in uris if not ESCO_SKILL_URI.match(uri)] == []
    assert [uri for uri, n in Counter(uris).items() if n > 1] == []


def test_at_least_twenty_skills_are_tied_to_an_esco_concept() -> None:
    assert sum(1 for skill in skills() if skill["esco_uri"]) >= 20


@pytest.mark.skipif(not ESCO_SAMPLE.is_dir(), reason=f"the ESCO sample is not at {ESCO_SAMPLE}")
def test_every_esco_uri_is_a_skill_of_the_esco_sample() -> None:
    with open(ESCO_SAMPLE / "skills_en.csv", newline="", encoding="utf-8-sig") as handle:
        sample_uris = {row["conceptUri"] for row in csv.DictReader(handle)}
    unknown = [s["key"] for s in skills() if s["esco_uri"] and s["esco_uri"] not in sample_uris]
    assert unknown == []
