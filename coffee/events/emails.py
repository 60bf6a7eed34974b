"""E-mails of the agenda, each in its recipient's language; sent after the transaction commits."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.utils import translation

from coffee.events.models import CancellationReason, Event, Registration, RegistrationStatus

ACTIVE = [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING]


def send_promoted(*, registration_id: int) -> int:
    """Tell a person they have a seat now that someone cancelled."""
    registration = (
        Registration.objects.select_related("user", "event")
        .filter(pk=registration_id, status=RegistrationStatus.CONFIRMED)
        .first()
    )
    if registration is None:
        return 0
    return _send("promoted", [registration.user], registration.event)


def send_training_confirmed(*, event_id: int) -> int:
    """Tell the confirmed participants that the minimum is reached: the event will take place."""
    event = Event.objects.get(pk=event_id)
    return _send("minimum_reached", _registrants(event, [RegistrationStatus.CONFIRMED]), event)


def send_event_cancelled(*, event_id: int) -> int:
    """Tell everyone registered or waiting that the event is cancelled, and why."""
    event = Event.objects.get(pk=event_id)
    template = (
        "minimum_not_reached"
        if event.cancellation_reason == CancellationReason.MINIMUM_NOT_REACHED
        else "event_cancelled"
    )
    return _send(template, _registrants(event, ACTIVE), event)


def _registrants(event: Event, statuses: Sequence[str]) -> list[Any]:
    registrations = event.registrations.filter(status__in=statuses).select_related("user")
    return [registration.user for registration in registrations.order_by("pk")]


def _send(template: str, users: Iterable[Any], event: Event) -> int:
    messages = [_message(template, user, event) for user in users]
    if not messages:
        return 0
    return get_connection().send_messages(messages) or 0


def _message(template: str, user: Any, event: Event) -> EmailMultiAlternatives:
    with translation.override(user.language or settings.LANGUAGE_CODE):
        context = {
            "user": user,
            "event": event,
            "event_url": settings.SITE_URL + event.get_absolute_url(),
        }
        subject = render_to_string(f"events/email/{template}_subject.txt", context)
        text = render_to_string(f"events/email/{template}.txt", context)
        html = render_to_string(f"events/email/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split()),
        body=text,
        to=[user.email],
    )
    message.attach_alternative(html, "text/html")
    return message
