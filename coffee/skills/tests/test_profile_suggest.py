"""Live skill suggestions: by label or synonym, in every language, shown in the reader's."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from coffee.skills.models import Skill
from coffee.skills.tests.factories import SkillFactory
from coffee.skills.views.profile import plain, skill_suggestions

pytestmark = pytest.mark.django_db


def _keys(query: str, language: str = "fr", exclude: list[int] | None = None) -> list[str]:
    with translation.override(language):
        found = skill_suggestions(query, language=language, exclude=exclude or [])
    return [suggestion.skill.key for suggestion in found]


def test_plain_text_has_no_accents_nor_capitals() -> None:
    assert plain("Développement Œnologie") == "developpement oenologie"


def test_a_prefix_finds_the_skill_by_its_label_in_the_readers_language() -> None:
    assert _keys("compta")[0] == "accounting"


def test_accents_and_capitals_do_not_matter() -> None:
    assert "web-development" in _keys("DEVELOPPEMENT WEB")
    assert "web-development" in _keys("développement w")


def test_a_word_inside_the_label_matches_from_its_start() -> None:
    assert "web-development" in _keys("web", "fr")
    assert "web-development" not in _keys("eloppement")


def test_a_dutch_synonym_finds_the_skill_and_shows_it_in_french() -> None:
    with translation.override("fr"):
        found = skill_suggestions("webontwikkelaar", language="fr", exclude=[])
    assert found[0].skill.key == "web-development"
    assert found[0].label == "développement web"
    assert found[0].matched == "webontwikkelaar"


def test_a_french_label_finds_the_skill_and_shows_it_in_dutch() -> None:
    with translation.override("nl"):
        found = skill_suggestions("comptabilité", language="nl", exclude=[])
    assert found[0].label == "boekhouding"


def test_the_readers_own_language_ranks_first() -> None:
    SkillFactory(key="t-fotonics", label_fr="Fotonique", label_nl="Zzz", label_en="Zzz")
    dutch = _keys("foto", "nl")
    assert dutch.index("photography") < dutch.index("t-fotonics")  # "fotografie" is Dutch
    french = _keys("foto", "fr")
    assert french.index("t-fotonics") < french.index("photography")


def test_skills_already_chosen_and_withdrawn_ones_are_left_out() -> None:
    web = Skill.objects.get(key="web-development")
    assert "web-development" not in _keys("webontw", exclude=[web.pk])
    SkillFactory(key="t-old", label_fr="Télégraphie optique", is_active=False)
    assert "t-old" not in _keys("télégraphie")


def test_one_letter_suggests_nothing() -> None:
    assert _keys("w") == []


def test_at_most_eight_suggestions_come_back() -> None:
    for n in range(12):
        SkillFactory(label_fr=f"Zorbing niveau {n}")
    assert len(_keys("zorbing")) == 8


def test_regular_expression_characters_are_taken_literally() -> None:
    assert _keys("c++ (*") == []
    assert _keys("[a-z]") == []


def test_the_suggestion_fragment_is_public_and_adds_skills_by_button(client: Client) -> None:
    response = client.get(reverse("skills:suggest"), {"q": "webontw"})
    assert response.status_code == 200
    html = response.content.decode()
    web = Skill.objects.get(key="web-development")
    assert f'name="add_skill" value="{web.pk}"' in html
    assert "développement web" in html


def test_the_fragment_says_so_when_nothing_matches(client: Client) -> None:
    response = client.get(reverse("skills:suggest"), {"q": "qqqqzzzz"})
    assert "qqqqzzzz" in response.content.decode()
    assert 'name="add_skill"' not in response.content.decode()
