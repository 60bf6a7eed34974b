"""Profiles, companies and consents in the admin: coordinators only, photos never as /media/."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from coffee.network.tests.factories import OrganisationFactory
from coffee.people.models import Consent, Role
from coffee.people.services import profile_set_photo, profile_set_visibility, role_grant
from coffee.people.tests.factories import CompanyFactory, ProfileFactory, UserFactory
from coffee.people.tests.images import upload

pytestmark = pytest.mark.django_db


def _coordinator(client: Client) -> None:
    user = UserFactory()
    role_grant(user=user, role=Role.Kind.COORDINATOR)
    client.force_login(user)


def test_a_coordinator_sees_a_profile_with_its_photo_through_the_checked_view(
    client: Client,
) -> None:
    profile = ProfileFactory()
    profile_set_photo(profile=profile, upload=upload())
    _coordinator(client)
    response = client.get(reverse("admin:people_profile_change", args=[profile.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("people:photo", args=[profile.pk]) in html
    assert "/media/" not in html


def test_a_coordinator_lists_companies_and_consents(client: Client) -> None:
    CompanyFactory(name="Studio Leie")
    profile_set_visibility(profile=ProfileFactory(), visibility="public")
    _coordinator(client)
    assert "Studio Leie" in client.get(reverse("admin:people_company_changelist")).content.decode()
    consent = Consent.objects.get()
    response = client.get(reverse("admin:people_consent_change", args=[consent.pk]))
    assert response.status_code == 200
    assert 'name="value"' not in response.content.decode()  # evidence: read-only


def test_a_space_manager_does_not_see_profiles_in_the_admin(client: Client) -> None:
    manager = UserFactory()
    role_grant(user=manager, role=Role.Kind.SPACE_MANAGER, organisation=OrganisationFactory())
    client.force_login(manager)
    assert client.get(reverse("admin:people_profile_changelist")).status_code == 403
