"""Who may do what in the agenda: coordinators everything, managers their own spaces' events."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from coffee.core.admin import managed_ids, sees_everything
from coffee.events.models import Event


def may_create_events(user: Any) -> bool:
    """Coordinators and space managers create events."""
    return bool(user.is_authenticated and (sees_everything(user) or managed_ids(user)))


def may_host(user: Any, organisation_ids: Iterable[int]) -> bool:
    """Whether the user may put an event on these spaces: a coordinator, or a manager of one."""
    if not user.is_authenticated:
        return False
    return sees_everything(user) or bool(managed_ids(user) & set(organisation_ids))


def may_edit(user: Any, event: Event) -> bool:
    """Coordinators and managers of a host space edit an event (and see it as a draft)."""
    return may_host(user, host_ids(event))


def host_ids(event: Event) -> set[int]:
    """Ids of the event's host spaces (read from the prefetched hosts when there are some)."""
    return {host.organisation_id for host in event.event_hosts.all()}
