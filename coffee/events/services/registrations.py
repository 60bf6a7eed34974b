"""Writes about registrations: sign up, cancel, the waiting list, attendance at the door."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coffee.core.audit import log_action
from coffee.events import emails
from coffee.events.errors import RegistrationError
from coffee.events.models import Event, Registration, RegistrationStatus
from coffee.events.permissions import may_edit
from coffee.events.services.common import event_lock, seat_free, seat_take
from coffee.events.services.trainings import training_minimum_check


@transaction.atomic
def registration_create(*, event: Event, user: Any) -> Registration:
    """Give the person a seat if one is free, else the next place on the waiting list."""
    event = event_lock(event.pk)
    _refuse_closed(event)
    if Registration.objects.filter(event=event, user=user).exclude(status="cancelled").exists():
        raise RegistrationError(_("You are already registered for this event."), "already")
    if seat_take(event_id=event.pk):
        registration = Registration.objects.create(
            event=event, user=user, status=RegistrationStatus.CONFIRMED
        )
        training_minimum_check(event_id=event.pk)
    else:
        registration = Registration.objects.create(
            event=event,
            user=user,
            status=RegistrationStatus.WAITING,
            waiting_position=_next_waiting_position(event),
        )
    log_action(
        actor=user,
        action="events.registration.created",
        target=registration,
        data={"event": event.pk, "status": registration.status},
    )
    return registration


@transaction.atomic
def registration_cancel(*, registration: Registration, actor: Any) -> Registration:
    """Give a seat (or a place in the queue) back; the next person waiting takes the seat."""
    event = event_lock(registration.event_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if actor.pk != registration.user_id and not may_edit(actor, event):
        raise RegistrationError(_("You may only cancel your own registration."), "not_allowed")
    if registration.status == RegistrationStatus.CANCELLED:
        raise RegistrationError(_("This registration is already cancelled."), "already_cancelled")
    if event.starts_at <= timezone.now():
        raise RegistrationError(_("The event has started: it is too late to cancel."), "started")
    was_confirmed = registration.is_confirmed
    registration.status = RegistrationStatus.CANCELLED
    registration.waiting_position = None
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "waiting_position", "cancelled_at", "updated_at"])
    if was_confirmed:
        seat_free(event_id=event.pk)
        event.refresh_from_db()
        waiting_list_promote(event=event)
    log_action(actor=actor, action="events.registration.cancelled", target=registration)
    return registration


def waiting_list_promote(*, event: Event) -> list[Registration]:
    """Give free seats to the people waiting, in their order; each is told after commit.

    Call inside a transaction that holds the event's lock.
    """
    event.refresh_from_db(fields=["confirmed_count", "capacity", "status", "starts_at"])
    if not event.is_published or event.starts_at <= timezone.now() or event.is_full:
        return []
    waiting = Registration.objects.filter(event=event, status=RegistrationStatus.WAITING)
    promoted = []
    for registration in waiting.order_by("waiting_position")[: event.seats_left]:
        if not seat_take(event_id=event.pk):
            break
        _promote(registration)
        promoted.append(registration)
    if promoted:
        training_minimum_check(event_id=event.pk)
    return promoted


@transaction.atomic
def attendance_set(*, registration: Registration, attended: bool, actor: Any) -> Registration:
    """Mark a confirmed participant present (or not) at the door."""
    registration = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("event")
        .get(pk=registration.pk)
    )
    event = registration.event
    if not may_edit(actor, event):
        raise RegistrationError(_("Only the organisers take attendance."), "not_allowed")
    if not event.is_published:
        raise RegistrationError(_("Attendance is taken for published events only."), "closed")
    if timezone.localdate(timezone.now(), event.tzinfo) < timezone.localdate(
        event.starts_at, event.tzinfo
    ):
        raise RegistrationError(_("Attendance is taken from the day of the event."), "too_early")
    if not registration.is_confirmed:
        raise RegistrationError(_("Only confirmed participants can be marked present."), "waiting")
    registration.attended = attended
    registration.save(update_fields=["attended", "updated_at"])
    log_action(
        actor=actor,
        action="events.registration.attendance_set",
        target=registration,
        data={"attended": attended},
    )
    return registration


def _refuse_closed(event: Event) -> None:
    if event.is_cancelled:
        raise RegistrationError(_("This event has been cancelled."), "event_cancelled")
    if not event.is_published:
        raise RegistrationError(_("Registration is not open for this event."), "not_open")
    if event.starts_at <= timezone.now():
        raise RegistrationError(_("The event has started: registration is closed."), "started")


def _next_waiting_position(event: Event) -> int:
    # The caller holds the event's lock, so no one else picks the same number meanwhile.
    waiting = Registration.objects.filter(event=event, waiting_position__isnull=False)
    last = waiting.aggregate(last=Max("waiting_position"))["last"]
    return (last or 0) + 1


def _promote(registration: Registration) -> None:
    registration.status = RegistrationStatus.CONFIRMED
    registration.waiting_position = None
    registration.promoted_at = timezone.now()
    registration.save(update_fields=["status", "waiting_position", "promoted_at", "updated_at"])
    log_action(actor=None, action="events.registration.promoted", target=registration)
    transaction.on_commit(partial(emails.send_promoted, registration_id=registration.pk))
