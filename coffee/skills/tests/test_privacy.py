"""The skills' part of a member's data, and an erasure that leaves nothing personal anywhere."""

# mypy: disable-error-code="list-item,return-value"
# (factories return model instances at run time; their static type is the factory class)

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.db import connection
from django.test import Client
from django.urls import reverse

from coffee.network.tests.factories import OrganisationFactory
from coffee.people.models import Consent, User, Visibility
from coffee.people.privacy import user_erase, user_export
from coffee.people.services import (
    profile_get_or_create,
    profile_set_photo,
    profile_update,
    role_grant,
)
from coffee.people.tests.factories import UserFactory
from coffee.people.tests.images import upload
from coffee.skills.models import OfferedSkill, SearchEntry, SoughtSkill
from coffee.skills.services import offered_skills_set, sought_skills_set
from coffee.skills.tests.factories import SkillFactory

pytestmark = pytest.mark.django_db

DISTINCTIVE = {
    "email": "zephyrine.quorvash@example.org",
    "first_name": "Zephyrine",
    "last_name": "Quorvash",
    "headline_fr": "Ébéniste xylofrondique",
    "headline_nl": "Meubelmaker blorptastisch",
    "headline_en": "Cabinetmaker snorfwiddle",
    "bio_fr": "Je fabrique des meubles glimbrook.",
    "bio_nl": "Ik maak meubels vrendelwaag.",
    "bio_en": "I make plonkaster furniture.",
    "city": "Vlaxenburg",
    "link": "https://zorgluble.example/portfolio",
}
# Made-up words no table holds unless the member put them there (matched in lower case).
NEEDLES = [
    "zephyrine.quorvash@example.org",
    "zephyrine",
    "quorvash",
    "xylofrondique",
    "blorptastisch",
    "snorfwiddle",
    "glimbrook",
    "vrendelwaag",
    "plonkaster",
    "vlaxenburg",
    "zorgluble",
]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"


def _skills() -> tuple[Any, Any]:
    cabinet = SkillFactory(
        key="t-cabinet",
        label_fr="Ébénisterie",
        label_nl="Meubelmakerij",
        label_en="Cabinetmaking",
        esco_uri="http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000001",
    )
    return cabinet, SkillFactory(
        key="t-tax", label_fr="Fiscalité", label_nl="Belastingen", label_en="Taxation"
    )


def test_the_export_lists_skills_offered_and_sought_with_labels_and_esco_uri() -> None:
    user = UserFactory()
    profile = profile_get_or_create(user=user)
    offered, sought = _skills()
    offered_skills_set(profile=profile, skills=[(offered, 4)])
    sought_skills_set(profile=profile, skills=[sought])
    rows = user_export(user=user)["skills"]
    assert rows == [
        {
            "list": "offered",
            "key": "t-cabinet",
            "level": 4,
            "label_fr": "Ébénisterie",
            "label_nl": "Meubelmakerij",
            "label_en": "Cabinetmaking",
            "esco_uri": "http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000001",
        },
        {
            "list": "sought",
            "key": "t-tax",
            "level": None,
            "label_fr": "Fiscalité",
            "label_nl": "Belastingen",
            "label_en": "Taxation",
            "esco_uri": None,
        },
    ]


def test_the_zip_holds_a_csv_of_the_skills_readable_by_a_spreadsheet(client: Client) -> None:
    user = UserFactory()
    profile = profile_get_or_create(user=user)
    offered, _sought = _skills()
    offered_skills_set(profile=profile, skills=[(offered, 3)])
    client.force_login(user)
    archive = zipfile.ZipFile(io.BytesIO(client.get(reverse("people:export")).content))
    text = archive.read("skills.csv").decode("utf-8")
    assert text.startswith("\ufeff")  # so that spreadsheet programs read the accents right
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0]["label_fr"] == "Ébénisterie" and rows[0]["level"] == "3"


def test_a_members_export_holds_nothing_of_another_member() -> None:
    me, other = UserFactory(), UserFactory(first_name="Ottokar", email="ottokar@example.org")
    profile = profile_get_or_create(user=other)
    profile_update(profile=profile, headline_fr="Voisin public", visibility=Visibility.PUBLIC)
    offered, _sought = _skills()
    offered_skills_set(profile=profile, skills=[(offered, 2)])
    text = str(user_export(user=me))
    assert "Ottokar" not in text and "Voisin public" not in text and "t-cabinet" not in text


def test_erasing_removes_the_skills_offered_and_sought() -> None:
    user = UserFactory()
    profile = profile_get_or_create(user=user)
    offered, sought = _skills()
    offered_skills_set(profile=profile, skills=[(offered, 2)])
    sought_skills_set(profile=profile, skills=[sought])
    user_erase(user=user, actor=user)
    assert not OfferedSkill.objects.exists() and not SoughtSkill.objects.exists()
    assert offered.__class__.objects.filter(pk=offered.pk).exists()  # the taxonomy stays


def _distinctive_member() -> User:
    values = DISTINCTIVE
    user = UserFactory(
        email=values["email"], first_name=values["first_name"], last_name=values["last_name"]
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    profile = profile_get_or_create(user=user)
    profile_update(
        profile=profile,
        **{key: values[key] for key in values if key.startswith(("headline", "bio"))},
        city=values["city"],
        links=[values["link"]],
        home_space=OrganisationFactory(),
        languages=[("fr", "native")],
        visibility=Visibility.PUBLIC,
    )
    profile_set_photo(profile=profile, upload=upload())
    offered, sought = _skills()
    offered_skills_set(profile=profile, skills=[(offered, 4)])
    sought_skills_set(profile=profile, skills=[sought])
    role_grant(user=user, role="consultant", actor=user)
    return user


def _table_names() -> list[str]:
    """Every table of the database: the models' and the raw ones (full-text indexes...)."""
    names = {model._meta.db_table for model in apps.get_models(include_auto_created=True)}
    names |= set(connection.introspection.table_names())
    return sorted(names)


def _as_text(value: object) -> str:
    if isinstance(value, bytes | memoryview):
        return bytes(value).decode("latin-1").lower()
    return str(value).lower()


def _occurrences(needles: list[str]) -> list[str]:
    found = []
    with connection.cursor() as cursor:
        for table in _table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                text = " ".join(_as_text(cell) for cell in row if cell is not None)
                found += [f"{table}: {needle}" for needle in needles if needle in text]
    return found


def test_erasure_leaves_no_personal_data_anywhere(
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        user = _distinctive_member()
    client = Client()
    client.force_login(user)
    photo = user.profile.photo
    storage, photo_name = photo.storage, photo.name
    assert SearchEntry.objects.filter(profile=user.profile).exists()  # indexed, so erased too
    assert _occurrences(NEEDLES), "the scan must find the member before erasure"

    with django_capture_on_commit_callbacks(execute=True):
        user_erase(user=user, actor=user)

    assert _occurrences(NEEDLES) == []
    assert not storage.exists(photo_name)
    user.refresh_from_db()
    assert not user.is_active
    assert Consent.objects.filter(user=user).exists()  # kept: the dated proof of the choice
