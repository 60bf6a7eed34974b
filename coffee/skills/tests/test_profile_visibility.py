"""Visibility, honoured everywhere: the profile page, the photo and the API, for every viewer."""

# mypy: disable-error-code="list-item,return-value"
# (factories return model instances at run time; their static type is the factory class)

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from coffee.people.models import Profile, Role, Visibility
from coffee.people.services import profile_set_photo, role_grant
from coffee.people.tests.factories import ProfileFactory, UserFactory
from coffee.people.tests.images import upload

pytestmark = pytest.mark.django_db

VIEWERS = ("anonymous", "member", "owner", "coordinator")
# What each viewer gets: the page (a members-only profile asks the anonymous to log in)...
PAGE: dict[str, dict[str, int]] = {
    Visibility.PUBLIC: {"anonymous": 200, "member": 200, "owner": 200, "coordinator": 200},
    Visibility.MEMBERS: {"anonymous": 403, "member": 200, "owner": 200, "coordinator": 200},
    Visibility.HIDDEN: {"anonymous": 404, "member": 404, "owner": 200, "coordinator": 200},
}
# ... and the photo and the API, which never explain themselves.
DATA = {
    visibility: {viewer: 404 if status == 403 else status for viewer, status in row.items()}
    for visibility, row in PAGE.items()
}
CASES = [(v, viewer) for v in Visibility.values for viewer in VIEWERS]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"


def _profile(visibility: str) -> Profile:
    profile = ProfileFactory(
        visibility=visibility, headline_fr="Ébéniste discrète", user__first_name="Zoé"
    )
    profile_set_photo(profile=profile, upload=upload())
    return profile


def _client_for(viewer: str, profile: Profile) -> Client:
    client = Client()
    if viewer == "owner":
        client.force_login(profile.user)
    elif viewer == "member":
        client.force_login(UserFactory())
    elif viewer == "coordinator":
        coordinator = UserFactory()
        role_grant(user=coordinator, role=Role.Kind.COORDINATOR)
        client.force_login(coordinator)
    return client


@pytest.mark.parametrize(("visibility", "viewer"), CASES)
def test_the_profile_page_follows_the_visibility(visibility: str, viewer: str) -> None:
    profile = _profile(visibility)
    response = _client_for(viewer, profile).get(reverse("skills:profile-detail", args=[profile.pk]))
    assert response.status_code == PAGE[visibility][viewer]
    html = response.content.decode()
    shown = "Ébéniste discrète" in html
    assert shown == (response.status_code == 200)
    if response.status_code == 403:
        assert reverse("account_login") in html and "Zoé" not in html


@pytest.mark.parametrize(("visibility", "viewer"), CASES)
def test_the_photo_follows_the_visibility(visibility: str, viewer: str) -> None:
    profile = _profile(visibility)
    response = _client_for(viewer, profile).get(reverse("people:photo", args=[profile.pk]))
    assert response.status_code == DATA[visibility][viewer]


@pytest.mark.parametrize(("visibility", "viewer"), CASES)
def test_the_api_follows_the_visibility(visibility: str, viewer: str) -> None:
    profile = _profile(visibility)
    response = _client_for(viewer, profile).get(f"/api/v1/catalogue/profiles/{profile.pk}")
    assert response.status_code == DATA[visibility][viewer]
    if response.status_code == 200:
        assert response.json()["headline"]["fr"] == "Ébéniste discrète"


@pytest.mark.parametrize("viewer", ["anonymous", "member"])
def test_a_deactivated_account_shows_no_profile_even_if_public(viewer: str) -> None:
    profile = _profile(Visibility.PUBLIC)
    profile.user.is_active = False
    profile.user.save()
    client = _client_for(viewer, profile)
    assert client.get(reverse("skills:profile-detail", args=[profile.pk])).status_code == 404
    assert client.get(reverse("people:photo", args=[profile.pk])).status_code == 404
    assert client.get(f"/api/v1/catalogue/profiles/{profile.pk}").status_code == 404


def test_a_profile_that_does_not_exist_is_not_found() -> None:
    client = Client()
    assert client.get(reverse("skills:profile-detail", args=[999999])).status_code == 404
    assert client.get(reverse("people:photo", args=[999999])).status_code == 404
    assert client.get("/api/v1/catalogue/profiles/999999").status_code == 404


def test_the_profile_page_never_links_the_photo_file_directly() -> None:
    profile = _profile(Visibility.PUBLIC)
    html = Client().get(reverse("skills:profile-detail", args=[profile.pk])).content.decode()
    assert reverse("people:photo", args=[profile.pk]) in html
    assert "/media/" not in html
