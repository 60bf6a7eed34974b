"""Forms about people: sign-up extras, account settings, profile, photo, company, erasure."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from coffee.core.locale import language_name
from coffee.network.models import Organisation
from coffee.people import validators
from coffee.people.errors import CompanyError, ProfileError
from coffee.people.models import (
    Company,
    LanguageLevel,
    Profile,
    Sector,
    Status,
    User,
    Visibility,
)

LANGUAGE_CODES = ("fr", "nl", "en")


def _country_choices() -> list[tuple[str, str]]:
    return [("", "—"), *((code, str(name)) for code, name in countries)]


def _spoken_language_choices() -> list[tuple[str, str]]:
    """The network's three languages first, then the others by name in the reader's language."""
    named = [(code, language_name(code)) for code in validators.SPOKEN_LANGUAGES]
    first, others = named[:3], sorted(named[3:], key=lambda item: item[1].lower())
    return [("", "—"), *first, *others]


class StyledForm(forms.Form):
    """Text inputs get the site's `input` class."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if not isinstance(field.widget, forms.CheckboxInput | forms.RadioSelect):
                field.widget.attrs.setdefault("class", "input")

    def add_domain_error(self, error: ProfileError | CompanyError) -> None:
        """Show a service's refusal next to the field it is about."""
        field = error.field if error.field in self.fields else None
        self.add_error(field, str(error.message))


class SignupForm(forms.Form):
    """Extra fields asked at sign-up (django-allauth calls `signup`)."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)

    def signup(self, request: HttpRequest, user: User) -> None:
        user.first_name = self.cleaned_data["first_name"].strip()
        user.last_name = self.cleaned_data["last_name"].strip()
        language = (get_language() or settings.LANGUAGE_CODE)[:2]
        user.language = language if language in dict(settings.LANGUAGES) else "fr"
        user.save()


class AccountSettingsForm(StyledForm):
    """A person's name and language."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)


class ProfileForm(StyledForm):
    """What a member tells the network about themselves, in one or more languages."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    headline_fr = forms.CharField(label=_("Headline"), max_length=160, required=False)
    headline_nl = forms.CharField(label=_("Headline"), max_length=160, required=False)
    headline_en = forms.CharField(label=_("Headline"), max_length=160, required=False)
    bio_fr = forms.CharField(label=_("About me"), max_length=4000, required=False)
    bio_nl = forms.CharField(label=_("About me"), max_length=4000, required=False)
    bio_en = forms.CharField(label=_("About me"), max_length=4000, required=False)
    home_space: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=_("Home space"), queryset=Organisation.objects.none(), required=False
    )
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    country = forms.ChoiceField(label=_("Country"), choices=_country_choices, required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", "—"), *Status.choices], required=False
    )
    company = forms.ModelChoiceField(
        label=_("Company"), queryset=Company.objects.order_by("name"), required=False
    )
    links = forms.CharField(
        label=_("Links"),
        required=False,
        help_text=_("Up to 5 web addresses (website, portfolio, LinkedIn...), one per line."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    open_to_cross_border = forms.BooleanField(
        label=_("I am open to work across the border"), required=False
    )
    willing_to_travel = forms.BooleanField(label=_("I am willing to travel"), required=False)
    visibility = forms.ChoiceField(
        label=_("Who can see my profile?"), choices=Visibility.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        spaces = Organisation.objects.active().filter(kind=Organisation.Kind.COWORKING)
        self.fields["home_space"].queryset = spaces.select_related("region").order_by("name")  # type: ignore[attr-defined]
        for code in LANGUAGE_CODES:
            self.fields[f"bio_{code}"].widget = forms.Textarea(attrs={"rows": 5, "class": "input"})
            for name in ("headline", "bio"):
                self.fields[f"{name}_{code}"].widget.attrs["lang"] = code

    @staticmethod
    def initial_for(profile: Profile) -> dict[str, Any]:
        names = [f"{n}_{c}" for n in ("headline", "bio") for c in LANGUAGE_CODES]
        initial: dict[str, Any] = {name: getattr(profile, name) or "" for name in names}
        initial |= {
            "first_name": profile.user.first_name,
            "last_name": profile.user.last_name,
            "home_space": profile.home_space_id,
            "city": profile.city,
            "country": str(profile.country or ""),
            "status": profile.status,
            "company": profile.company_id,
            "links": "\n".join(profile.links or []),
            "open_to_cross_border": profile.open_to_cross_border,
            "willing_to_travel": profile.willing_to_travel,
            "visibility": profile.visibility,
        }
        return initial

    def clean_links(self) -> list[str]:
        return validators.links_clean(self.cleaned_data["links"].splitlines())


class LanguageForm(forms.Form):
    """One language a member speaks, with their level; a blank row is ignored."""

    language = forms.ChoiceField(
        label=_("Language"), choices=_spoken_language_choices, required=False
    )
    level = forms.ChoiceField(
        label=_("Level"), choices=[("", "—"), *LanguageLevel.choices], required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("language") and not data.get("level"):
            self.add_error("level", _("Choose a level for this language."))
        return data


class BaseLanguageFormSet(forms.BaseFormSet):
    def chosen(self) -> list[tuple[str, str]]:
        """(language, level) of the rows filled in."""
        rows = [form.cleaned_data for form in self.forms if form.cleaned_data]
        return [(row["language"], row["level"]) for row in rows if row.get("language")]


LanguageFormSet = cast(
    type[BaseLanguageFormSet],
    forms.formset_factory(
        LanguageForm, formset=BaseLanguageFormSet, extra=2, max_num=len(validators.SPOKEN_LANGUAGES)
    ),
)


class PhotoForm(forms.Form):
    photo = forms.FileField(
        label=_("New photo"),
        help_text=_("JPEG, PNG or WebP, 5 MB and 4000 by 4000 pixels at most."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )


class CompanyForm(StyledForm):
    """A company and its numbers, checked for its country."""

    name = forms.CharField(label=_("Name"), max_length=200)
    country = forms.ChoiceField(label=_("Country"), choices=_country_choices, initial="BE")
    registration_number = forms.CharField(
        label=_("Enterprise number"),
        max_length=30,
        required=False,
        help_text=_("Belgium: enterprise number (0403.170.701). France: SIREN or SIRET."),
    )
    vat_number = forms.CharField(
        label=_("VAT number"),
        max_length=30,
        required=False,
        help_text=_("With its country prefix, for example BE0403170701."),
    )
    sector = forms.ChoiceField(label=_("Sector"), choices=[("", "—"), *Sector.choices])
    created_on = forms.DateField(
        label=_("Creation date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    @staticmethod
    def initial_for(company: Company) -> dict[str, Any]:
        country = str(company.country)
        return {
            "name": company.name,
            "country": country,
            "registration_number": validators.registration_number_format(
                country=country, value=company.registration_number
            ),
            "vat_number": company.vat_number,
            "sector": company.sector,
            "created_on": company.created_on,
            "website": company.website,
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        country = data.get("country", "")
        checks = (
            ("registration_number", validators.registration_number_clean),
            ("vat_number", validators.vat_number_clean),
        )
        for name, check in checks:
            try:
                check(country=country, value=data.get(name, ""))
            except ValidationError as invalid:
                self.add_error(name, invalid)
        return data


class EraseForm(StyledForm):
    """Erasing one's account asks for the password again."""

    password = forms.CharField(
        label=_("Your password"), strip=False, widget=forms.PasswordInput(render_value=False)
    )

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("This password is not correct."), code="wrong_password")
        return password
