"""Skills offered and sought: replaced as a whole, levels 1 to 4, limits, notices to the index."""

# mypy: disable-error-code="list-item,return-value"
# (factories return model instances at run time; their static type is the factory class)

from __future__ import annotations

import pytest

from coffee.people.errors import ProfileError
from coffee.people.signals import profile_changed
from coffee.people.tests.factories import ProfileFactory
from coffee.skills.models import OfferedSkill, SoughtSkill
from coffee.skills.services import (
    MAX_OFFERED,
    MAX_SOUGHT,
    offered_skills_set,
    sought_skills_set,
)
from coffee.skills.tests.factories import SkillFactory

pytestmark = pytest.mark.django_db


def _offered(profile) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    rows = OfferedSkill.objects.filter(profile=profile).order_by("skill__key")
    return [(row.skill.key, row.level) for row in rows]


def test_a_member_offers_skills_with_levels_and_changes_them() -> None:
    profile = ProfileFactory()
    web, seo, ux = SkillFactory(key="t-web"), SkillFactory(key="t-seo"), SkillFactory(key="t-ux")
    offered_skills_set(profile=profile, skills=[(web, 4), (seo, 2)])
    offered_skills_set(profile=profile, skills=[(web, 3), (ux, 1)])
    assert _offered(profile) == [("t-ux", 1), ("t-web", 3)]


def test_the_same_skill_twice_is_kept_once_with_the_last_level() -> None:
    profile = ProfileFactory()
    web = SkillFactory(key="t-web")
    offered_skills_set(profile=profile, skills=[(web, 1), (web, 4)])
    assert _offered(profile) == [("t-web", 4)]


@pytest.mark.parametrize("level", [0, 5, -1])
def test_a_level_outside_1_to_4_is_refused(level: int) -> None:
    with pytest.raises(ProfileError) as error:
        offered_skills_set(profile=ProfileFactory(), skills=[(SkillFactory(), level)])
    assert error.value.code == "bad_level"


def test_more_than_30_skills_offered_are_refused_and_nothing_changes() -> None:
    profile = ProfileFactory()
    first = SkillFactory()
    offered_skills_set(profile=profile, skills=[(first, 2)])
    skills = [(SkillFactory(), 2) for _ in range(MAX_OFFERED + 1)]
    with pytest.raises(ProfileError) as error:
        offered_skills_set(profile=profile, skills=skills)
    assert error.value.code == "too_many_offered"
    assert str(MAX_OFFERED) in str(error.value.message)
    assert _offered(profile) == [(first.key, 2)]


def test_30_skills_offered_are_fine() -> None:
    profile = ProfileFactory()
    offered_skills_set(profile=profile, skills=[(SkillFactory(), 2) for _ in range(MAX_OFFERED)])
    assert profile.offered_skills.count() == MAX_OFFERED


def test_a_member_looks_for_skills_and_removes_one() -> None:
    profile = ProfileFactory()
    law, tax = SkillFactory(key="t-law"), SkillFactory(key="t-tax")
    sought_skills_set(profile=profile, skills=[law, tax])
    sought_skills_set(profile=profile, skills=[tax])
    assert list(
        SoughtSkill.objects.filter(profile=profile).values_list("skill__key", flat=True)
    ) == ["t-tax"]


def test_more_than_15_skills_sought_are_refused() -> None:
    with pytest.raises(ProfileError) as error:
        sought_skills_set(
            profile=ProfileFactory(), skills=[SkillFactory() for _ in range(MAX_SOUGHT + 1)]
        )
    assert error.value.code == "too_many_sought"


def test_a_withdrawn_skill_cannot_be_added_but_may_stay() -> None:
    profile = ProfileFactory()
    old = SkillFactory(is_active=True)
    offered_skills_set(profile=profile, skills=[(old, 2)])
    old.is_active = False
    old.save()
    offered_skills_set(profile=profile, skills=[(old, 3)])
    with pytest.raises(ProfileError) as error:
        sought_skills_set(profile=profile, skills=[old])
    assert error.value.code == "inactive_skill"


def test_changing_skills_tells_the_search_index_after_commit(
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    profile = ProfileFactory()
    received: list[int] = []

    def listener(sender: object, profile_id: int, **kwargs: object) -> None:
        received.append(profile_id)

    profile_changed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            offered_skills_set(profile=profile, skills=[(SkillFactory(), 2)])
            sought_skills_set(profile=profile, skills=[SkillFactory()])
    finally:
        profile_changed.disconnect(listener)
    assert received == [profile.pk, profile.pk]
