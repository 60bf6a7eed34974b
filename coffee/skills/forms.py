"""Forms of the profile page's skill editors: the list as it stands, plus one skill to add or
remove (the buttons of the htmx editor send `add_skill` or `remove_skill`)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coffee.skills.models import OfferedSkill, Skill

DEFAULT_LEVEL = OfferedSkill.Level.INTERMEDIATE


class _SkillListForm(forms.Form):
    skill: forms.ModelMultipleChoiceField[Skill] = forms.ModelMultipleChoiceField(
        queryset=Skill.objects.all(), required=False
    )
    # Not "add" and "remove": a form control named "remove" hides the form's remove() method
    # from scripts (htmx calls it when it swaps the editor).
    add_skill: forms.ModelChoiceField[Skill] = forms.ModelChoiceField(
        queryset=Skill.objects.all(), required=False
    )
    remove_skill = forms.IntegerField(required=False)

    error_messages = {"unknown": _("This skill is not in the catalogue.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("skill", "add_skill"):
            self.fields[name].error_messages["invalid_choice"] = self.error_messages["unknown"]
            self.fields[name].error_messages["invalid_pk_value"] = self.error_messages["unknown"]

    def skills(self) -> list[Skill]:
        """The list after the change, in the order given, without the removed one."""
        chosen: list[Skill] = list(self.cleaned_data["skill"])
        added = self.cleaned_data.get("add_skill")
        if added is not None and added not in chosen:
            chosen.append(added)
        removed = self.cleaned_data.get("remove_skill")
        return [skill for skill in chosen if skill.pk != removed]

    def first_error(self) -> str:
        return next(str(message) for errors in self.errors.values() for message in errors)


class OfferedSkillsForm(_SkillListForm):
    """Skills offered: each comes with a `level-<skill id>` (a new one starts intermediate)."""

    def chosen(self) -> list[tuple[Skill, int]]:
        return [(skill, self._level(skill)) for skill in self.skills()]

    def _level(self, skill: Skill) -> int:
        raw = self.data.get(f"level-{skill.pk}", "")
        return int(raw) if str(raw).isdigit() else int(DEFAULT_LEVEL)


class SoughtSkillsForm(_SkillListForm):
    """Skills sought: no level."""

    def chosen(self) -> list[Skill]:
        return self.skills()
