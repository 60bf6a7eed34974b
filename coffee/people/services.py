"""Writes about people: roles, account settings, profiles and companies."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from coffee.core.audit import log_action
from coffee.network.models import Organisation
from coffee.people import validators
from coffee.people.errors import CompanyError, ProfileError, RoleError
from coffee.people.models import (
    Company,
    Consent,
    Profile,
    ProfileLanguage,
    Role,
    Sector,
    User,
    Visibility,
)
from coffee.people.photos import photo_process
from coffee.people.signals import notify_profile_changed

STAFF_ROLES = {Role.Kind.SPACE_MANAGER, Role.Kind.COORDINATOR}
USER_FIELDS = {"first_name", "last_name"}
PROFILE_FIELDS = {
    *(f"{name}_{language}" for name in ("headline", "bio") for language in ("fr", "nl", "en")),
    "home_space",
    "city",
    "country",
    "status",
    "company",
    "links",
    "open_to_cross_border",
    "willing_to_travel",
}
T = TypeVar("T")


def _checked(
    check: Callable[..., T],
    error: type[ProfileError] | type[CompanyError],
    field: str | None = None,
    **kwargs: Any,
) -> T:
    """Run a validator; its ValidationError becomes a domain error with the same code."""
    try:
        return check(**kwargs)
    except ValidationError as invalid:
        first = invalid.error_list[0]
        raise error(invalid.messages[0], code=first.code, field=field) from None


@transaction.atomic
def role_grant(
    *,
    user: User,
    role: str,
    organisation: Organisation | None = None,
    company: Company | None = None,
    actor: Any = None,
) -> Role:
    """Give a person a role; managers and coordinators get access to the admin."""
    if role not in Role.Kind.values:
        raise RoleError(_("This role does not exist."), code="unknown_role")
    if role == Role.Kind.SPACE_MANAGER and organisation is None:
        raise RoleError(_("A space manager must be given a space."), code="space_required")
    if role != Role.Kind.SPACE_MANAGER:
        organisation = None
    if role != Role.Kind.COMPANY_CONTACT:
        company = None
    granted, created = Role.objects.get_or_create(
        user=user, role=role, organisation=organisation, company=company
    )
    if role in STAFF_ROLES and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    if created:
        data = {
            "role": role,
            "organisation": organisation.pk if organisation else None,
            "company": company.pk if company else None,
        }
        log_action(actor=actor, action="people.role.granted", target=user, data=data)
    user.__dict__.pop("_role_cache", None)
    return granted


@transaction.atomic
def role_revoke(*, role: Role, actor: Any = None) -> None:
    """Take a role back; admin access goes with the last staff role."""
    user = role.user
    data = {"role": role.role, "organisation": role.organisation_id, "company": role.company_id}
    role.delete()
    if not user.is_superuser and not user.roles.filter(role__in=STAFF_ROLES).exists():
        user.is_staff = False
        user.save(update_fields=["is_staff"])
    log_action(actor=actor, action="people.role.revoked", target=user, data=data)


@transaction.atomic
def user_update_settings(*, user: User, first_name: str, last_name: str, language: str) -> User:
    """Change a person's name and preferred language."""
    user.first_name = first_name.strip()
    user.last_name = last_name.strip()
    user.language = language
    user.full_clean(exclude=["password"])
    user.save(update_fields=["first_name", "last_name", "language"])
    return user


# Profiles ---------------------------------------------------------------------------------------


@transaction.atomic
def profile_get_or_create(*, user: User) -> Profile:
    """The member's profile, created empty (members-only) the first time."""
    profile, created = Profile.objects.get_or_create(user=user)
    if created:
        notify_profile_changed(profile.pk)
    return profile


def _home_space_check(space: Organisation | None) -> None:
    if space is None:
        return
    active = Organisation.objects.active().filter(kind=Organisation.Kind.COWORKING)
    if not active.filter(pk=space.pk).exists():
        raise ProfileError(
            _("Choose a coworking space that is part of the network today."),
            code="inactive_space",
            field="home_space",
        )


def _profile_clean(profile: Profile) -> None:
    try:
        profile.full_clean(exclude=["user", "photo"], validate_unique=False)
    except ValidationError as invalid:
        field, errors = next(iter(invalid.message_dict.items()))
        raise ProfileError(errors[0], code="invalid", field=field) from None


def _visibility_apply(profile: Profile, visibility: str) -> None:
    """Set the visibility; record the consent when it changes and the first time it is saved."""
    if visibility not in Visibility.values:
        raise ProfileError(
            _("Choose who can see your profile."), code="unknown_visibility", field="visibility"
        )
    purpose = Consent.Purpose.VISIBILITY
    changed = profile.visibility != visibility
    if changed:
        profile.visibility = visibility
        profile.save(update_fields=["visibility", "updated_at"])
    if changed or not Consent.objects.filter(user_id=profile.user_id, purpose=purpose).exists():
        Consent.objects.create(user_id=profile.user_id, purpose=purpose, value=visibility)


def _languages_replace(profile: Profile, languages: list[tuple[str, str]]) -> None:
    cleaned = _checked(
        validators.spoken_languages_clean, ProfileError, "languages", languages=languages
    )
    profile.languages.all().delete()
    ProfileLanguage.objects.bulk_create(
        ProfileLanguage(profile=profile, language=code, level=level)
        for code, level in cleaned.items()
    )


@transaction.atomic
def profile_update(
    *, profile: Profile, languages: list[tuple[str, str]] | None = None, **fields: Any
) -> Profile:
    """Change what the profile says; `visibility` and `languages` may come along."""
    visibility = fields.pop("visibility", None)
    unknown = set(fields) - PROFILE_FIELDS - USER_FIELDS
    if unknown:
        raise TypeError(f"Not a profile field: {', '.join(sorted(unknown))}")
    if "links" in fields:
        fields["links"] = _checked(
            validators.links_clean, ProfileError, "links", values=fields["links"]
        )
    _home_space_check(fields.get("home_space"))
    user = profile.user
    for name, value in fields.items():
        setattr(user if name in USER_FIELDS else profile, name, value)
    _profile_clean(profile)
    profile.save()
    if USER_FIELDS & set(fields):
        user.first_name, user.last_name = user.first_name.strip(), user.last_name.strip()
        user.save(update_fields=["first_name", "last_name"])
    if languages is not None:
        _languages_replace(profile, languages)
    _visibility_apply(profile, visibility or profile.visibility)
    notify_profile_changed(profile.pk)
    return profile


@transaction.atomic
def profile_set_languages(*, profile: Profile, languages: list[tuple[str, str]]) -> Profile:
    """Replace the languages a member speaks, each with a level."""
    _languages_replace(profile, languages)
    notify_profile_changed(profile.pk)
    return profile


@transaction.atomic
def profile_set_visibility(*, profile: Profile, visibility: str) -> Profile:
    """Choose who sees the profile; the choice is recorded as a dated consent."""
    _visibility_apply(profile, visibility)
    notify_profile_changed(profile.pk)
    return profile


def _file_delete_on_commit(profile: Profile, name: str) -> None:
    storage = profile.photo.storage
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def profile_set_photo(*, profile: Profile, upload: Any) -> Profile:
    """Check, re-encode and store a new photo under a random name; the old file goes."""
    processed = photo_process(upload)
    previous = str(profile.photo.name or "")
    profile.photo.save(processed.name, processed.content, save=False)
    profile.save(update_fields=["photo", "updated_at"])
    if previous:
        _file_delete_on_commit(profile, previous)
    notify_profile_changed(profile.pk)
    return profile


@transaction.atomic
def profile_remove_photo(*, profile: Profile) -> Profile:
    """Take the photo off the profile and delete its file."""
    if profile.photo:
        _file_delete_on_commit(profile, str(profile.photo.name))
        profile.photo = ""  # type: ignore[assignment]
        profile.save(update_fields=["photo", "updated_at"])
        notify_profile_changed(profile.pk)
    return profile


# Companies --------------------------------------------------------------------------------------


def _company_numbers(country: str, registration_number: str, vat_number: str) -> tuple[str, str]:
    """Both numbers in compact form, valid for the country and consistent with each other."""
    registration = _checked(
        validators.registration_number_clean,
        CompanyError,
        "registration_number",
        country=country,
        value=registration_number,
    )
    vat = _checked(
        validators.vat_number_clean, CompanyError, "vat_number", country=country, value=vat_number
    )
    _checked(
        validators.numbers_check_consistent,
        CompanyError,
        "vat_number",
        country=country,
        registration_number=registration,
        vat_number=vat,
    )
    return registration, vat


def _company_fill(company: Company, **fields: Any) -> Company:
    """Validate and set a company's fields (not saved)."""
    name = (fields.get("name") or "").strip()
    if not name:
        raise CompanyError(_("Give the company's name."), code="name_required", field="name")
    if fields.get("sector") not in Sector.values:
        raise CompanyError(_("Choose the company's sector."), code="unknown_sector", field="sector")
    country = str(fields.get("country") or "").upper()
    registration, vat = _company_numbers(
        country, fields.get("registration_number", ""), fields.get("vat_number", "")
    )
    duplicates = Company.objects.filter(country=country, registration_number=registration)
    if registration and duplicates.exclude(pk=company.pk).exists():
        raise CompanyError(
            _("A company with this enterprise number is already registered: pick it in the list."),
            code="duplicate",
            field="registration_number",
        )
    company.name, company.country, company.sector = name, country, fields["sector"]
    company.registration_number, company.vat_number = registration, vat
    company.created_on = fields.get("created_on")
    company.website = (fields.get("website") or "").strip()
    try:
        company.full_clean(validate_unique=False)
    except ValidationError as invalid:
        field, errors = next(iter(invalid.message_dict.items()))
        raise CompanyError(errors[0], code="invalid", field=field) from None
    return company


@transaction.atomic
def company_create(
    *,
    name: str,
    country: str,
    registration_number: str,
    vat_number: str,
    sector: str,
    created_on: dt.date | None,
    creator: User,
    website: str = "",
) -> Company:
    """Register a company; its creator becomes its contact and works there."""
    company = _company_fill(
        Company(),
        name=name,
        country=country,
        registration_number=registration_number,
        vat_number=vat_number,
        sector=sector,
        created_on=created_on,
        website=website,
    )
    company.save()
    role_grant(user=creator, role=Role.Kind.COMPANY_CONTACT, company=company, actor=creator)
    profile = Profile.objects.filter(user=creator).first()
    if profile is not None:
        profile.company = company
        profile.save(update_fields=["company", "updated_at"])
        notify_profile_changed(profile.pk)
    log_action(actor=creator, action="people.company.created", target=company)
    return company


@transaction.atomic
def company_update(*, company: Company, actor: User, **fields: Any) -> Company:
    """Change a company's details; the profiles that show it are told."""
    _company_fill(company, **fields)
    company.save()
    log_action(actor=actor, action="people.company.updated", target=company)
    for profile_id in company.profiles.values_list("pk", flat=True):
        notify_profile_changed(profile_id)
    return company
