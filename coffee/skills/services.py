"""Writes about the skills a member offers (with a level) and seeks."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from coffee.people.errors import ProfileError
from coffee.people.models import Profile
from coffee.people.signals import notify_profile_changed
from coffee.skills.models import OfferedSkill, Skill, SoughtSkill

MAX_OFFERED = 30
MAX_SOUGHT = 15


def _check_new_skills_active(skills: list[Skill], current_ids: set[int]) -> None:
    """A skill withdrawn from the taxonomy may stay where it is, not be added anew."""
    if any(not skill.is_active and skill.pk not in current_ids for skill in skills):
        raise ProfileError(_("This skill is no longer in the catalogue."), code="inactive_skill")


@transaction.atomic
def offered_skills_set(*, profile: Profile, skills: list[tuple[Skill, int]]) -> list[OfferedSkill]:
    """Replace the skills a member offers, each with a level from 1 (beginner) to 4 (expert)."""
    wanted: dict[int, tuple[Skill, int]] = {}
    for skill, level in skills:
        if level not in OfferedSkill.Level.values:
            raise ProfileError(
                _("Choose a level from 1 (beginner) to 4 (expert)."), code="bad_level"
            )
        wanted[skill.pk] = (skill, level)
    if len(wanted) > MAX_OFFERED:
        message = _("You can offer at most %(count)s skills: remove one before adding another.")
        raise ProfileError(message % {"count": MAX_OFFERED}, code="too_many_offered")
    current = {row.skill_id: row for row in OfferedSkill.objects.filter(profile=profile)}
    _check_new_skills_active([skill for skill, _level in wanted.values()], set(current))
    OfferedSkill.objects.filter(profile=profile).exclude(skill_id__in=wanted).delete()
    changed = [row for pk, row in current.items() if pk in wanted and row.level != wanted[pk][1]]
    for row in changed:
        row.level = wanted[row.skill_id][1]
    OfferedSkill.objects.bulk_update(changed, ["level"])
    OfferedSkill.objects.bulk_create(
        OfferedSkill(profile=profile, skill=skill, level=level)
        for pk, (skill, level) in wanted.items()
        if pk not in current
    )
    notify_profile_changed(profile.pk)
    return list(OfferedSkill.objects.filter(profile=profile).select_related("skill"))


@transaction.atomic
def sought_skills_set(*, profile: Profile, skills: list[Skill]) -> list[SoughtSkill]:
    """Replace the skills a member looks for in others."""
    wanted = {skill.pk: skill for skill in skills}
    if len(wanted) > MAX_SOUGHT:
        message = _("You can look for at most %(count)s skills: remove one before adding another.")
        raise ProfileError(message % {"count": MAX_SOUGHT}, code="too_many_sought")
    current = set(SoughtSkill.objects.filter(profile=profile).values_list("skill_id", flat=True))
    _check_new_skills_active(list(wanted.values()), current)
    SoughtSkill.objects.filter(profile=profile).exclude(skill_id__in=wanted).delete()
    SoughtSkill.objects.bulk_create(
        SoughtSkill(profile=profile, skill=skill)
        for pk, skill in wanted.items()
        if pk not in current
    )
    notify_profile_changed(profile.pk)
    return list(SoughtSkill.objects.filter(profile=profile).select_related("skill"))
