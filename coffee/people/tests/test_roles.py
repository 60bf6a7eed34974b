"""Roles: who may manage what, and the trail they leave."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from coffee.core.models import AuditEntry
from coffee.network.tests.factories import OrganisationFactory
from coffee.people.errors import RoleError
from coffee.people.models import Role
from coffee.people.services import role_grant, role_revoke
from coffee.people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_space_manager_manages_only_the_spaces_they_were_given() -> None:
    tournai, lille = OrganisationFactory(), OrganisationFactory()
    manager = UserFactory()
    role_grant(user=manager, role=Role.Kind.SPACE_MANAGER, organisation=tournai)
    assert manager.managed_organisation_ids() == {tournai.pk}
    assert lille.pk not in manager.managed_organisation_ids()
    assert manager.is_staff
    assert not manager.is_coordinator


def test_a_space_manager_role_without_a_space_is_refused() -> None:
    with pytest.raises(RoleError) as error:
        role_grant(user=UserFactory(), role=Role.Kind.SPACE_MANAGER)
    assert error.value.code == "space_required"


def test_the_database_refuses_a_space_manager_role_without_a_space() -> None:
    user = UserFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Role.objects.create(user=user, role=Role.Kind.SPACE_MANAGER, organisation=None)


def test_granting_the_same_role_twice_keeps_one() -> None:
    user = UserFactory()
    role_grant(user=user, role=Role.Kind.COORDINATOR)
    role_grant(user=user, role=Role.Kind.COORDINATOR)
    assert user.roles.count() == 1
    assert user.is_coordinator


def test_the_database_refuses_a_duplicate_network_wide_role() -> None:
    user = UserFactory()
    Role.objects.create(user=user, role=Role.Kind.CONSULTANT)
    with pytest.raises(IntegrityError), transaction.atomic():
        Role.objects.create(user=user, role=Role.Kind.CONSULTANT)


def test_an_unknown_role_is_refused_with_a_code() -> None:
    with pytest.raises(RoleError) as error:
        role_grant(user=UserFactory(), role="emperor")
    assert error.value.code == "unknown_role"


def test_revoking_the_last_staff_role_closes_the_admin() -> None:
    user = UserFactory()
    role = role_grant(user=user, role=Role.Kind.COORDINATOR)
    role_revoke(role=role)
    user.refresh_from_db()
    assert not user.is_staff


def test_granting_and_revoking_roles_leaves_an_audit_trail() -> None:
    coordinator = UserFactory()
    user = UserFactory()
    role = role_grant(user=user, role=Role.Kind.CONSULTANT, actor=coordinator)
    role_revoke(role=role, actor=coordinator)
    actions = list(AuditEntry.objects.order_by("id").values_list("action", "actor_id"))
    assert actions == [
        ("people.role.granted", coordinator.pk),
        ("people.role.revoked", coordinator.pk),
    ]
