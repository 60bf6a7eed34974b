"""The directory's filters."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from coffee.network.models import Organisation
from coffee.network.selectors import DirectoryFilters, amenity_list, country_codes, region_list


class DirectoryFilterForm(forms.Form):
    """Filters of the public directory; unknown values are refused with a message."""

    country = forms.ChoiceField(label=_("Country"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    amenity = forms.ChoiceField(label=_("Amenity"), required=False)
    kind = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("All types")), *Organisation.Kind.choices],
    )
    open_now = forms.BooleanField(label=_("Open now"), required=False)
    include_former = forms.BooleanField(label=_("Include former members"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self._choice("country").choices = [("", _("All countries"))] + [
            (code, countries.name(code)) for code in country_codes()
        ]
        country = self.data.get("country", "") if self.is_bound else ""
        regions = [(r.slug, str(r.name)) for r in region_list() if country in ("", r.country)]
        self._choice("region").choices = [("", _("All regions")), *regions]
        if self.is_bound and self.data.get("region") not in {"", None, *dict(regions)}:
            # A region left over from another country is dropped, not refused: the list narrows.
            data = self.data.copy()  # type: ignore[attr-defined]
            data["region"] = ""
            self.data = data
        self._choice("amenity").choices = [("", _("All amenities"))] + [
            (a.slug, f"{a.icon} {a.name}".strip()) for a in amenity_list()
        ]

    def _choice(self, name: str) -> forms.ChoiceField:
        return cast(forms.ChoiceField, self.fields[name])

    def filters(self) -> DirectoryFilters:
        """The filters to apply: none when the form is invalid."""
        if not self.is_valid():
            return DirectoryFilters()
        return DirectoryFilters(**self.cleaned_data)
