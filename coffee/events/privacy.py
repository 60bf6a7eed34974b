"""The agenda's part of privacy: a member's registrations in their export, and what erasure does.

Erasure keeps the registrations of events that have started: attendance is the "people reached"
the funder counts, and the rows stay attached to the pseudonymised account. A seat or a waiting
place in an event to come is given back, as a cancellation would, so the next person gets it.
The calendar token is deleted; the export says whether there is one, never its value (it is a
credential, like the password the people export leaves out, and an export file travels).
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from coffee.events.errors import RegistrationError
from coffee.events.models import CalendarToken, Registration, RegistrationStatus
from coffee.events.services import registration_cancel
from coffee.people.models import User
from coffee.people.privacy import register_eraser, register_exporter

ACTIVE = [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING]
# Refusals that only mean someone else got there first: the event started meanwhile (the row is
# then a record to keep), or the registration was cancelled meanwhile (nothing left to give back).
RACES = {"started", "already_cancelled"}


def _row(registration: Registration) -> dict[str, Any]:
    event = registration.event
    return {
        "event_id": event.pk,
        "event": str(event.title),
        "starts_at": event.local_starts_at.isoformat(),
        "time_zone": event.time_zone,
        "event_status": event.status,
        "status": registration.status,
        "waiting_position": registration.waiting_position,
        "attended": registration.attended,
        "registered_at": registration.created_at,
        "promoted_at": registration.promoted_at,
        "cancelled_at": registration.cancelled_at,
    }


def events_export(user: User) -> dict[str, Any]:
    """Every registration (cancelled ones too), and whether the calendar feed is on."""
    registrations = Registration.objects.filter(user=user).select_related("event")
    token = CalendarToken.objects.filter(user=user).first()
    return {
        "registrations": [
            _row(row) for row in registrations.order_by("event__starts_at", "event_id", "pk")
        ],
        "calendar_feed": {
            "active": token is not None,
            "since": token.updated_at if token else None,  # regenerating replaces the token
        },
    }


def events_erase(user: User) -> None:
    """Delete the calendar token; give back seats and waiting places in events to come."""
    CalendarToken.objects.filter(user=user).delete()
    upcoming = Registration.objects.filter(
        user=user, status__in=ACTIVE, event__starts_at__gt=timezone.now()
    )
    for registration in upcoming.order_by("pk"):
        try:
            # As the member: the service checks they may, frees the seat and promotes the next
            # person waiting (who is told by e-mail after commit, as for any cancellation).
            registration_cancel(registration=registration, actor=user)
        except RegistrationError as error:
            if error.code not in RACES:
                raise


def register() -> None:
    """Called from EventsConfig.ready()."""
    register_exporter("events", events_export)
    register_eraser("events", events_erase)
