"""Forms of the speed-networking pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from coffee.networking.models import MAX_ROUNDS, MAX_TABLE_SIZE, MIN_TABLE_SIZE

TABLE_SIZE_CHOICES = [(n, str(n)) for n in range(MIN_TABLE_SIZE, MAX_TABLE_SIZE + 1)]
MAX_SEED = 2**31 - 1


class PlanForm(forms.Form):
    """Table size, number of rounds and the seed of a new seating."""

    table_size = forms.TypedChoiceField(
        label=_("People per table"),
        choices=TABLE_SIZE_CHOICES,
        coerce=int,
        initial=4,
        help_text=_("When the count does not divide, some tables have one person fewer."),
    )
    rounds = forms.IntegerField(
        label=_("Number of rounds"), min_value=1, max_value=MAX_ROUNDS, initial=5
    )
    seed = forms.IntegerField(
        label=_("Draw number"),
        min_value=0,
        max_value=MAX_SEED,
        initial=1,
        help_text=_("The same draw number gives the same seating; change it for another one."),
    )


class RoundCloseForm(forms.Form):
    """The round the organiser saw as the next one (guards against a double click)."""

    round = forms.IntegerField(min_value=1, max_value=MAX_ROUNDS)


class DepartureForm(forms.Form):
    departed = forms.BooleanField(required=False)
