"""Loading the starter taxonomy: the data migration, the service, the command."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import translation

from coffee.core.models import AuditEntry
from coffee.skills.models import Skill, SkillCategory
from coffee.skills.taxonomy import (
    starter_categories,
    starter_skills,
    starter_taxonomy_write,
    taxonomy_load_starter,
)

pytestmark = pytest.mark.django_db

CATEGORIES = len(starter_categories())
SKILLS = len(starter_skills())
PROGRAMMING_URI = "http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97"


@pytest.fixture
def empty_catalogue() -> None:
    """The catalogue without the rows migration 0002 put there."""
    Skill.objects.all().delete()
    SkillCategory.objects.all().delete()


def stored() -> list[dict[str, object]]:
    """Every stored column of every skill, base columns included, in key order."""
    return list(Skill.objects.order_by("key").raw_values())


def test_the_files_hold_twelve_categories_and_349_skills() -> None:
    assert (CATEGORIES, SKILLS) == (12, 349)


def test_a_freshly_migrated_database_already_holds_the_starter_taxonomy() -> None:
    assert SkillCategory.objects.count() == CATEGORIES
    assert Skill.objects.filter(source=Skill.Source.STARTER).count() == SKILLS


@pytest.mark.usefixtures("empty_catalogue")
def test_loading_an_empty_catalogue_creates_every_category_and_skill() -> None:
    result = taxonomy_load_starter()
    assert (result.categories.created, result.skills.created) == (CATEGORIES, SKILLS)
    assert (
        Skill.objects.filter(source=Skill.Source.STARTER, kind=Skill.Kind.SKILL).count() == SKILLS
    )
    assert not Skill.objects.filter(category__isnull=True).exists()
    assert Skill.objects.exclude(esco_uri=None).count() == 45


@pytest.mark.usefixtures("empty_catalogue")
def test_loading_twice_changes_nothing() -> None:
    taxonomy_load_starter()
    before = stored()
    result = taxonomy_load_starter()
    assert (result.skills.created, result.skills.updated, result.skills.unchanged) == (0, 0, SKILLS)
    assert (result.categories.created, result.categories.updated) == (0, 0)
    assert stored() == before


@pytest.mark.usefixtures("empty_catalogue")
def test_every_skill_and_category_is_labelled_in_french_dutch_and_english() -> None:
    taxonomy_load_starter()
    skill = Skill.objects.get(key="web-development")
    assert (skill.label_fr, skill.label_nl, skill.label_en) == (
        "développement web",
        "webontwikkeling",
        "web development",
    )
    assert "webontwikkelaar" in skill.synonym_list("nl")
    for row in Skill.objects.raw_values("label", "label_fr", "label_nl", "label_en"):
        assert row["label_fr"] and row["label_nl"] and row["label_en"], row
        assert row["label"] == row["label_fr"], row
    for category in SkillCategory.objects.all():
        assert category.label_fr and category.label_nl and category.label_en


@pytest.mark.usefixtures("empty_catalogue")
def test_the_base_label_stays_french_whatever_the_active_language() -> None:
    with translation.override("nl"):
        taxonomy_load_starter()
    row = Skill.objects.filter(key="web-development").raw_values("label", "label_nl").get()
    assert row == {"label": "développement web", "label_nl": "webontwikkeling"}
    with translation.override("nl"):
        assert str(Skill.objects.get(key="web-development")) == "webontwikkeling"


def test_a_changed_label_is_restored_and_nothing_is_ever_deleted() -> None:
    Skill.objects.filter(key="web-development").update(label_nl="iets anders")
    Skill.objects.create(key="beekeeping", label_fr="apiculture", source=Skill.Source.NETWORK)
    result = taxonomy_load_starter()
    assert (result.skills.updated, result.skills.unchanged) == (1, SKILLS - 1)
    assert Skill.objects.get(key="web-development").label_nl == "webontwikkeling"
    assert Skill.objects.filter(key="beekeeping").exists()


def test_the_kind_an_editor_chose_and_a_later_esco_mapping_are_kept() -> None:
    Skill.objects.filter(key="java").update(kind=Skill.Kind.KNOWLEDGE)
    uri = "http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000000"
    Skill.objects.filter(key="web-development").update(esco_uri=uri)
    taxonomy_load_starter()
    assert Skill.objects.get(key="java").kind == Skill.Kind.KNOWLEDGE
    assert Skill.objects.get(key="web-development").esco_uri == uri


def test_a_uri_already_held_by_another_skill_is_reported_and_left_alone() -> None:
    Skill.objects.filter(key="programming").update(esco_uri=None)
    Skill.objects.create(key="esco-21d2f96d", label_fr="programmation", esco_uri=PROGRAMMING_URI)
    result = taxonomy_load_starter()
    assert result.uri_conflicts == [f"programming: {PROGRAMMING_URI} (held by esco-21d2f96d)"]
    assert Skill.objects.get(key="programming").esco_uri is None


def test_only_a_load_that_changes_something_leaves_an_audit_entry() -> None:
    taxonomy_load_starter()
    assert not AuditEntry.objects.filter(action="skills.taxonomy.loaded").exists()
    Skill.objects.filter(key="java").delete()
    taxonomy_load_starter()
    entry = AuditEntry.objects.get(action="skills.taxonomy.loaded")
    assert entry.data["skills"] == {"created": 1, "updated": 0}


@pytest.mark.usefixtures("empty_catalogue")
def test_the_loader_writes_every_column_itself_with_the_historical_models() -> None:
    executor = MigrationExecutor(connection)
    apps = executor.loader.project_state(("skills", "0002_starter_taxonomy")).apps
    starter_taxonomy_write(
        category_model=apps.get_model("skills", "SkillCategory"),
        skill_model=apps.get_model("skills", "Skill"),
    )
    row = Skill.objects.filter(key="web-development").raw_values().get()
    assert (row["label"], row["label_fr"], row["label_nl"]) == (
        "développement web",
        "développement web",
        "webontwikkeling",
    )
    assert (row["source"], row["kind"], row["synonyms"]) == ("starter", "skill", row["synonyms_fr"])
    assert Skill.objects.count() == SKILLS


@pytest.mark.usefixtures("empty_catalogue")
def test_the_command_loads_and_says_what_it_did() -> None:
    out = io.StringIO()
    call_command("load_taxonomy", stdout=out)
    assert f"{SKILLS} created" in out.getvalue()
    out = io.StringIO()
    call_command("load_taxonomy", stdout=out)
    assert f"{SKILLS} unchanged" in out.getvalue()
