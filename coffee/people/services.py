"""Writes about people: roles and account settings."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from coffee.core.audit import log_action
from coffee.network.models import Organisation
from coffee.people.errors import RoleError
from coffee.people.models import Role, User

STAFF_ROLES = {Role.Kind.SPACE_MANAGER, Role.Kind.COORDINATOR}


@transaction.atomic
def role_grant(
    *, user: User, role: str, organisation: Organisation | None = None, actor: Any = None
) -> Role:
    """Give a person a role; managers and coordinators get access to the admin."""
    if role not in Role.Kind.values:
        raise RoleError(_("This role does not exist."), code="unknown_role")
    if role == Role.Kind.SPACE_MANAGER and organisation is None:
        raise RoleError(_("A space manager must be given a space."), code="space_required")
    if role != Role.Kind.SPACE_MANAGER:
        organisation = None
    granted, created = Role.objects.get_or_create(user=user, role=role, organisation=organisation)
    if role in STAFF_ROLES and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    if created:
        log_action(
            actor=actor,
            action="people.role.granted",
            target=user,
            data={"role": role, "organisation": organisation.pk if organisation else None},
        )
    user.__dict__.pop("_role_cache", None)
    return granted


@transaction.atomic
def role_revoke(*, role: Role, actor: Any = None) -> None:
    """Take a role back; admin access goes with the last staff role."""
    user = role.user
    data = {"role": role.role, "organisation": role.organisation_id}
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
