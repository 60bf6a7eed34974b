"""People and spaces that many apps' tests share: two spaces, their managers, and others.

Loaded for the whole suite by the root conftest (`pytest_plugins`).
"""

from __future__ import annotations

import pytest

from coffee.network.models import Organisation
from coffee.network.tests.factories import OrganisationFactory
from coffee.people.models import Role, User
from coffee.people.services import role_grant
from coffee.people.tests.factories import UserFactory


@pytest.fixture
def space(db) -> Organisation:  # type: ignore[no-untyped-def]
    return OrganisationFactory.create(name="ESCO Tournai", slug="esco-tournai")


@pytest.fixture
def other_space(db) -> Organisation:  # type: ignore[no-untyped-def]
    return OrganisationFactory.create(name="Mutualab", slug="mutualab")


@pytest.fixture
def manager(space: Organisation) -> User:
    user = UserFactory.create(first_name="Manon", last_name="Leroy", email="manon@example.org")
    role_grant(user=user, role=Role.Kind.SPACE_MANAGER, organisation=space)
    return user


@pytest.fixture
def other_manager(other_space: Organisation) -> User:
    user = UserFactory.create(first_name="Olivier", email="olivier@example.org")
    role_grant(user=user, role=Role.Kind.SPACE_MANAGER, organisation=other_space)
    return user


@pytest.fixture
def coordinator(db) -> User:  # type: ignore[no-untyped-def]
    user = UserFactory.create(first_name="Chloé", email="chloe@example.org")
    role_grant(user=user, role=Role.Kind.COORDINATOR)
    return user


@pytest.fixture
def member(db) -> User:  # type: ignore[no-untyped-def]
    user = UserFactory.create(first_name="Mehdi", email="mehdi@example.org")
    role_grant(user=user, role=Role.Kind.MEMBER)
    return user


@pytest.fixture
def as_(request, client):  # type: ignore[no-untyped-def]
    """Log the client in as one of the people above ("anonymous" stays logged out)."""

    def login(who: str):  # type: ignore[no-untyped-def]
        if who != "anonymous":
            client.force_login(request.getfixturevalue(who))
        return client

    return login
