"""Row-level building blocks shared by the services: locks, seats, cancellation."""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from coffee.events import emails
from coffee.events.models import CancellationReason, Event, EventStatus


def event_lock(event_id: int) -> Event:
    """Read the event and lock its row until the transaction ends.

    On PostgreSQL this orders concurrent registrations (waiting-list positions follow lock
    order); on SQLite the transaction already holds the write lock (IMMEDIATE mode).
    """
    return Event.objects.select_for_update().get(pk=event_id)


def seat_take(*, event_id: int) -> bool:
    """Take one seat if one is free; the database refuses to go past the capacity."""
    taken = Event.objects.filter(pk=event_id, confirmed_count__lt=F("capacity")).update(
        confirmed_count=F("confirmed_count") + 1
    )
    return bool(taken)


def seat_free(*, event_id: int) -> None:
    Event.objects.filter(pk=event_id, confirmed_count__gt=0).update(
        confirmed_count=F("confirmed_count") - 1
    )


def event_mark_cancelled(*, event: Event, reason: str) -> Event:
    """Cancel a locked event row and tell its registrants after commit."""
    was_published = event.is_published
    event.status = EventStatus.CANCELLED
    event.cancellation_reason = reason or CancellationReason.ORGANISER
    event.cancelled_at = timezone.now()
    event.sequence += 1
    event.save(
        update_fields=["status", "cancellation_reason", "cancelled_at", "sequence", "updated_at"]
    )
    if was_published:
        transaction.on_commit(partial(emails.send_event_cancelled, event_id=event.pk))
    return event
