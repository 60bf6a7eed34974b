"""The "find people by skills" form: the skills chosen so far, one to add or remove (the buttons
of the suggestion box send `add_skill`, the chosen list `remove_skill`), and who is looking."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from coffee.network.models import LANGUAGE_CHOICES
from coffee.skills.models import Skill

MAX_SKILLS = 10


class FindPeopleForm(forms.Form):
    skill: forms.ModelMultipleChoiceField[Skill] = forms.ModelMultipleChoiceField(
        label=_("Skills"), queryset=Skill.objects.filter(is_active=True), required=False
    )
    add_skill: forms.ModelChoiceField[Skill] = forms.ModelChoiceField(
        queryset=Skill.objects.filter(is_active=True), required=False
    )
    remove_skill = forms.IntegerField(required=False)
    country = forms.ChoiceField(
        label=_("Your country"),
        required=False,
        help_text=_("People in another country who are open to cross-border work rank higher."),
    )
    language = forms.MultipleChoiceField(
        label=_("Languages you work in"),
        required=False,
        choices=LANGUAGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )
    require_shared_language = forms.BooleanField(
        label=_("Only people who speak one of these languages"), required=False
    )

    error_messages = {
        "unknown": _("This skill is not in the catalogue."),
        "too_many": _("Choose at most %(count)s skills: remove one before adding another."),
        "no_language": _("Choose at least one language to require it."),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        country = cast(forms.ChoiceField, self.fields["country"])
        country.choices = [("", _("Not given")), *((code, name) for code, name in countries)]
        for name in ("skill", "add_skill"):
            self.fields[name].error_messages["invalid_choice"] = self.error_messages["unknown"]
            self.fields[name].error_messages["invalid_pk_value"] = self.error_messages["unknown"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if "skill" in cleaned and len(self.skills()) > MAX_SKILLS:
            self.add_error("skill", self._error("too_many", count=MAX_SKILLS))
        if cleaned.get("require_shared_language") and not cleaned.get("language"):
            self.add_error("language", self._error("no_language"))
        return cleaned

    def _error(self, code: str, **params: Any) -> forms.ValidationError:
        return forms.ValidationError(self.error_messages[code], code=code, params=params or None)

    def skills(self) -> list[Skill]:
        """The skills chosen, in the order chosen, after the one added or removed."""
        data = getattr(self, "cleaned_data", {})
        chosen: list[Skill] = list(data.get("skill") or [])
        added = data.get("add_skill")
        if added is not None and added not in chosen:
            chosen.append(added)
        return [skill for skill in chosen if skill.pk != data.get("remove_skill")]
