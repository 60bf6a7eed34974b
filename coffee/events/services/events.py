"""Writes about events: create, update, publish, cancel."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coffee.core.audit import log_action
from coffee.events.errors import EventError
from coffee.events.models import (
    Audience,
    CancellationReason,
    Event,
    EventHost,
    EventKind,
    EventLanguage,
    EventStatus,
)
from coffee.events.permissions import may_edit, may_host
from coffee.events.services.common import event_lock, event_mark_cancelled
from coffee.events.services.registrations import waiting_list_promote
from coffee.events.services.trainings import training_minimum_check
from coffee.events.tasks import training_decide_at_deadline
from coffee.network.models import Organisation

CONTENT_LANGUAGES = [code for code, _name in settings.LANGUAGES]


@dataclass(frozen=True, kw_only=True)
class EventData:
    """What an organiser says about an event; datetimes are aware, hosts lead host first."""

    kind: str
    hosts: Sequence[Organisation]
    titles: Mapping[str, str]
    starts_at: dt.datetime
    ends_at: dt.datetime
    capacity: int
    descriptions: Mapping[str, str] = field(default_factory=dict)
    time_zone: str = ""
    place: str = ""
    online_url: str = ""
    price: Decimal = Decimal(0)
    audience: str = Audience.EVERYONE
    languages: Sequence[str] = ()
    minimum_participants: int | None = None
    decision_deadline: dt.datetime | None = None


@transaction.atomic
def event_create(*, data: EventData, actor: Any) -> Event:
    """Create a draft event hosted by active spaces, at least one of them the actor's."""
    if not may_host(actor, [host.pk for host in data.hosts]):
        raise EventError(_("You may only create events for the spaces you manage."), "not_allowed")
    _validate(data)
    _refuse_former_hosts(data.hosts)
    event = Event(created_by=actor if actor.is_authenticated else None)
    _apply(event, data)
    event.save()
    _set_hosts(event, data.hosts)
    _set_languages(event, data.languages)
    log_action(actor=actor, action="events.event.created", target=event)
    return event


@transaction.atomic
def event_update(*, event: Event, data: EventData, actor: Any) -> Event:
    """Change an event; a larger capacity takes people off the waiting list."""
    event = event_lock(event.pk)
    if not may_edit(actor, event):
        raise EventError(_("Only the organisers may change this event."), "not_allowed")
    if event.is_cancelled:
        raise EventError(_("A cancelled event cannot be changed."), "event_cancelled")
    _validate(data)
    if data.capacity < event.confirmed_count:
        raise EventError(
            _("The capacity cannot be lower than the number of confirmed participants."),
            "capacity_below_confirmed",
        )
    current = {host.organisation_id for host in event.event_hosts.all()}
    _refuse_former_hosts([host for host in data.hosts if host.pk not in current])
    old_deadline = event.decision_deadline
    _apply(event, data)
    if event.is_published:
        event.sequence += 1
    event.save()
    _set_hosts(event, data.hosts)
    _set_languages(event, data.languages)
    waiting_list_promote(event=event)
    reached = event.is_published and training_minimum_check(event_id=event.pk)
    if event.is_published and not reached and event.decision_deadline != old_deadline:
        _schedule_decision(event)
    log_action(actor=actor, action="events.event.updated", target=event)
    event.refresh_from_db()
    return event


@transaction.atomic
def event_publish(*, event: Event, actor: Any) -> Event:
    """Show a draft to the network; a threshold event gets its decision scheduled."""
    event = event_lock(event.pk)
    if not may_edit(actor, event):
        raise EventError(_("Only the organisers may publish this event."), "not_allowed")
    if not event.is_draft:
        raise EventError(_("Only a draft can be published."), "not_a_draft")
    now = timezone.now()
    if event.starts_at <= now:
        raise EventError(_("An event that has already started cannot be published."), "past")
    if event.decision_deadline is not None and event.decision_deadline <= now:
        raise EventError(
            _("The decision deadline has passed: move it before publishing."), "deadline_passed"
        )
    _refuse_former_hosts(list(event.hosts.select_related("region")))
    event.status = EventStatus.PUBLISHED
    event.published_at = now
    event.save(update_fields=["status", "published_at", "updated_at"])
    _schedule_decision(event)
    log_action(actor=actor, action="events.event.published", target=event)
    return event


@transaction.atomic
def event_cancel(*, event: Event, actor: Any) -> Event:
    """Cancel an event; its registrants are told by e-mail after commit."""
    event = event_lock(event.pk)
    if not may_edit(actor, event):
        raise EventError(_("Only the organisers may cancel this event."), "not_allowed")
    if event.is_cancelled:
        raise EventError(_("This event is already cancelled."), "already_cancelled")
    event_mark_cancelled(event=event, reason=CancellationReason.ORGANISER)
    log_action(actor=actor, action="events.event.cancelled", target=event)
    return event


def _schedule_decision(event: Event) -> None:
    # Queued in the same transaction: the database backend writes the task row next to the event,
    # so a rolled-back publication leaves no task behind. The task re-checks everything anyway.
    if event.decision_deadline is not None and event.minimum_reached_at is None:
        training_decide_at_deadline.using(run_after=event.decision_deadline).enqueue(
            event_id=event.pk
        )


def _validate(data: EventData) -> None:
    if data.kind not in EventKind.values:
        raise EventError(_("This type of event does not exist."), "unknown_kind")
    if not data.hosts:
        raise EventError(_("An event needs at least one host space."), "no_host")
    if not any(title.strip() for title in data.titles.values()):
        raise EventError(_("Give the event a title in at least one language."), "no_title")
    if data.ends_at <= data.starts_at:
        raise EventError(_("The event must end after it starts."), "ends_before_start")
    _validate_place(data)
    _validate_minimum(data)


def _validate_place(data: EventData) -> None:
    if data.kind == EventKind.ONLINE and not data.online_url:
        raise EventError(_("An online session needs its link."), "online_link_required")
    if not data.place.strip() and not data.online_url:
        raise EventError(_("Say where the event takes place, or give its link."), "no_place")


def _validate_minimum(data: EventData) -> None:
    if (data.minimum_participants is None) != (data.decision_deadline is None):
        raise EventError(
            _("A minimum number of participants goes with a decision deadline, and vice versa."),
            "minimum_needs_deadline",
        )
    if data.minimum_participants is not None and data.minimum_participants > data.capacity:
        raise EventError(
            _("The minimum number of participants cannot exceed the capacity."),
            "minimum_above_capacity",
        )
    if data.decision_deadline is not None and data.decision_deadline > data.starts_at:
        raise EventError(
            _("The decision deadline must come before the event starts."), "deadline_after_start"
        )


def _refuse_former_hosts(hosts: Sequence[Organisation]) -> None:
    active = set(
        Organisation.objects.active()
        .filter(pk__in=[h.pk for h in hosts])
        .values_list("pk", flat=True)
    )
    for host in hosts:
        if host.pk not in active:
            raise EventError(
                _("%(space)s has left the network: it cannot host events any more.")
                % {"space": host.name},
                "host_has_left",
            )


def _apply(event: Event, data: EventData) -> None:
    event.kind = data.kind
    for language in CONTENT_LANGUAGES:
        setattr(event, f"title_{language}", data.titles.get(language, "").strip())
        setattr(event, f"description_{language}", data.descriptions.get(language, "").strip())
    event.starts_at = data.starts_at
    event.ends_at = data.ends_at
    event.time_zone = data.time_zone or data.hosts[0].region.time_zone
    event.place = data.place.strip()
    event.online_url = data.online_url
    event.capacity = data.capacity
    event.price = data.price
    event.audience = data.audience
    event.minimum_participants = data.minimum_participants
    event.decision_deadline = data.decision_deadline


def _set_hosts(event: Event, hosts: Sequence[Organisation]) -> None:
    EventHost.objects.filter(event=event).delete()
    EventHost.objects.bulk_create(
        EventHost(event=event, organisation=host, position=position)
        for position, host in enumerate(dict.fromkeys(hosts))
    )


def _set_languages(event: Event, codes: Sequence[str]) -> None:
    EventLanguage.objects.filter(event=event).delete()
    EventLanguage.objects.bulk_create(
        EventLanguage(event=event, code=code) for code in dict.fromkeys(codes)
    )
