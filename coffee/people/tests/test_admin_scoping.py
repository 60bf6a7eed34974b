"""The admin shows a space manager only their own spaces' records."""

from __future__ import annotations

import pytest
from django.urls import reverse

from coffee.network.tests.factories import OrganisationFactory, ResourceFactory
from coffee.people.models import Role
from coffee.people.services import role_grant
from coffee.people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def spaces():  # type: ignore[no-untyped-def]
    mine = OrganisationFactory(name="Mon espace")
    theirs = OrganisationFactory(name="Autre espace")
    return mine, theirs


@pytest.fixture
def manager(spaces):  # type: ignore[no-untyped-def]
    user = UserFactory()
    role_grant(user=user, role=Role.Kind.SPACE_MANAGER, organisation=spaces[0])
    return user


def test_a_manager_sees_only_their_own_space_in_the_admin(client, manager, spaces) -> None:  # type: ignore[no-untyped-def]
    client.force_login(manager)
    response = client.get(reverse("admin:network_organisation_changelist"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Mon espace" in body
    assert "Autre espace" not in body


def test_a_manager_cannot_open_another_space_in_the_admin(client, manager, spaces) -> None:  # type: ignore[no-untyped-def]
    client.force_login(manager)
    url = reverse("admin:network_organisation_change", args=[spaces[1].pk])
    response = client.get(url)
    assert response.status_code in {302, 403, 404}
    assert "Autre espace" not in response.content.decode()


def test_a_manager_sees_only_their_own_resources(client, manager, spaces) -> None:  # type: ignore[no-untyped-def]
    ResourceFactory(organisation=spaces[0], name_fr="Salle A")
    ResourceFactory(organisation=spaces[1], name_fr="Salle B")
    client.force_login(manager)
    body = client.get(reverse("admin:network_resource_changelist")).content.decode()
    assert "Salle A" in body
    assert "Salle B" not in body


def test_a_manager_cannot_add_a_space_nor_a_region(client, manager) -> None:  # type: ignore[no-untyped-def]
    client.force_login(manager)
    assert client.get(reverse("admin:network_organisation_add")).status_code == 403
    assert client.get(reverse("admin:network_region_add")).status_code == 403


def test_a_manager_may_add_a_resource_only_to_their_own_space(client, manager, spaces) -> None:  # type: ignore[no-untyped-def]
    client.force_login(manager)
    response = client.get(reverse("admin:network_resource_add"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Mon espace" in body
    assert "Autre espace" not in body


def test_a_coordinator_sees_every_space_and_may_add_a_region(client, spaces) -> None:  # type: ignore[no-untyped-def]
    coordinator = UserFactory()
    role_grant(user=coordinator, role=Role.Kind.COORDINATOR)
    client.force_login(coordinator)
    body = client.get(reverse("admin:network_organisation_changelist")).content.decode()
    assert "Mon espace" in body and "Autre espace" in body
    assert client.get(reverse("admin:network_region_add")).status_code == 200


def test_a_plain_member_cannot_enter_the_admin(client) -> None:  # type: ignore[no-untyped-def]
    client.force_login(UserFactory())
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert "/login/" in response["Location"]
