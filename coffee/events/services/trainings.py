"""Events that happen only once enough people sign up: confirmed at the minimum, or cancelled."""

from __future__ import annotations

import datetime as dt
from functools import partial

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from coffee.core.audit import log_action
from coffee.events import emails
from coffee.events.models import CancellationReason, Event, EventStatus
from coffee.events.services.common import event_lock, event_mark_cancelled


def training_minimum_check(*, event_id: int) -> bool:
    """Confirm a threshold event when its minimum is reached; everyone is told after commit."""
    now = timezone.now()
    reached = Event.objects.filter(
        pk=event_id,
        status=EventStatus.PUBLISHED,
        minimum_participants__isnull=False,
        minimum_reached_at__isnull=True,
        confirmed_count__gte=F("minimum_participants"),
    ).update(minimum_reached_at=now, sequence=F("sequence") + 1, updated_at=now)
    if reached:
        log_action(actor=None, action="events.event.minimum_reached", target=_ref(event_id))
        transaction.on_commit(partial(emails.send_training_confirmed, event_id=event_id))
    return bool(reached)


@transaction.atomic
def training_decide(*, event_id: int, now: dt.datetime | None = None) -> str:
    """At the decision deadline: go ahead if the minimum is reached, else cancel with notice.

    Idempotent: it re-reads the event and does nothing when there is nothing (left) to decide,
    or when the deadline was moved later (a new task was queued for the new deadline).
    """
    now = now or timezone.now()
    try:
        event = event_lock(event_id)
    except Event.DoesNotExist:
        return "gone"
    if not (event.is_published and event.has_minimum and event.minimum_reached_at is None):
        return "nothing-to-do"
    if event.decision_deadline is None or now < event.decision_deadline:
        return "not-yet"
    if training_minimum_check(event_id=event.pk):
        return "confirmed"
    event_mark_cancelled(event=event, reason=CancellationReason.MINIMUM_NOT_REACHED)
    log_action(
        actor=None,
        action="events.event.cancelled",
        target=event,
        data={"reason": CancellationReason.MINIMUM_NOT_REACHED},
    )
    return "cancelled"


def _ref(event_id: int) -> Event:
    # log_action needs a model instance only for its label and pk.
    return Event(pk=event_id)
