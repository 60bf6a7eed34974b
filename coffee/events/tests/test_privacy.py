"""The agenda's part of a member's data: registrations in the export, and what erasure does."""

# mypy: disable-error-code="arg-type"
# (factories return model instances at run time; their static type is the factory class)

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from coffee.events.models import CalendarToken, Event, Registration, RegistrationStatus
from coffee.events.selectors import event_people_reached
from coffee.events.services import (
    attendance_set,
    calendar_token_regenerate,
    registration_create,
)
from coffee.events.tests.factories import EventFactory, happening_now, in_days
from coffee.network.models import Organisation
from coffee.people.models import User
from coffee.people.privacy import user_erase, user_export
from coffee.people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _past_attended(event: Event, user: User, manager: User) -> Registration:
    """A registration taken before the event, then marked present at the door."""
    registration = registration_create(event=event, user=user)
    happening_now(event)
    return attendance_set(registration=registration, attended=True, actor=manager)


def _people_reached() -> int:
    today = timezone.localdate()
    return event_people_reached(since=today - dt.timedelta(days=1), until=today)


def test_the_export_lists_the_registrations_with_the_start_in_the_events_zone(
    member: User, space: Organisation
) -> None:
    lille = EventFactory(
        title_fr="Visite de Mutualab",
        starts_at=dt.datetime(2031, 3, 14, 18, 30, tzinfo=dt.UTC),
        ends_at=dt.datetime(2031, 3, 14, 20, 0, tzinfo=dt.UTC),
        time_zone="Europe/Paris",
        hosts=[space],
    )
    full = EventFactory(title_fr="Atelier complet", capacity=1, hosts=[space])
    registration_create(event=full, user=UserFactory())
    registration_create(event=lille, user=member)
    registration_create(event=full, user=member)

    rows = user_export(user=member)["events"]["registrations"]

    assert [row["event"] for row in rows] == ["Atelier complet", "Visite de Mutualab"]
    waiting, confirmed = rows
    assert (waiting["status"], waiting["waiting_position"]) == ("waiting", 1)
    assert confirmed["starts_at"] == "2031-03-14T19:30:00+01:00"
    assert confirmed["time_zone"] == "Europe/Paris"
    assert (confirmed["status"], confirmed["attended"]) == ("confirmed", False)
    assert confirmed["event_status"] == "published"


def test_the_export_includes_past_attendance_and_nothing_of_other_people(
    member: User, manager: User, space: Organisation
) -> None:
    event = EventFactory(hosts=[space])
    _past_attended(event, member, manager)
    registration_create(event=EventFactory(hosts=[space]), user=UserFactory())
    rows = user_export(user=member)["events"]["registrations"]
    assert [(row["event_id"], row["attended"]) for row in rows] == [(event.pk, True)]


def test_the_export_says_the_calendar_feed_is_on_but_never_gives_its_token(member: User) -> None:
    assert user_export(user=member)["events"]["calendar_feed"] == {"active": False, "since": None}
    token = calendar_token_regenerate(user=member)
    data = user_export(user=member)
    assert data["events"]["calendar_feed"]["active"] is True
    assert data["events"]["calendar_feed"]["since"] is not None
    assert token.token not in str(data)


def test_erasure_deletes_the_calendar_token(member: User) -> None:
    calendar_token_regenerate(user=member)
    user_erase(user=member, actor=member)
    assert not CalendarToken.objects.filter(user=member).exists()


def test_erasure_keeps_past_attended_registrations_so_the_people_reached_stay_counted(
    member: User, manager: User, space: Organisation
) -> None:
    registration = _past_attended(EventFactory(hosts=[space]), member, manager)
    assert _people_reached() == 1

    user_erase(user=member, actor=member)

    registration.refresh_from_db()
    assert (registration.status, registration.attended) == (RegistrationStatus.CONFIRMED, True)
    assert registration.user_id == member.pk
    member.refresh_from_db()
    assert member.email.endswith("@invalid.example") and not member.first_name
    assert _people_reached() == 1


def test_erasure_frees_a_future_seat_and_promotes_the_next_person_waiting(
    member: User,
    space: Organisation,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    event = EventFactory(capacity=1, starts_at=in_days(5), hosts=[space])
    seat = registration_create(event=event, user=member)
    next_person = UserFactory(email="next@example.org")
    waiting = registration_create(event=event, user=next_person)
    assert waiting.status == RegistrationStatus.WAITING

    with django_capture_on_commit_callbacks(execute=True):
        user_erase(user=member, actor=member)

    seat.refresh_from_db()
    waiting.refresh_from_db()
    event.refresh_from_db()
    assert seat.status == RegistrationStatus.CANCELLED and seat.cancelled_at is not None
    assert (waiting.status, waiting.waiting_position) == (RegistrationStatus.CONFIRMED, None)
    assert event.confirmed_count == 1
    assert [message.to for message in mail.outbox] == [["next@example.org"]]


def test_erasure_gives_back_a_place_on_a_future_waiting_list(
    member: User, space: Organisation
) -> None:
    event = EventFactory(capacity=1, hosts=[space])
    registration_create(event=event, user=UserFactory())
    place = registration_create(event=event, user=member)

    user_erase(user=member, actor=member)

    place.refresh_from_db()
    assert (place.status, place.waiting_position) == (RegistrationStatus.CANCELLED, None)
    event.refresh_from_db()
    assert event.confirmed_count == 1


def test_erasure_leaves_a_started_events_registration_as_it_was(
    member: User, space: Organisation
) -> None:
    event = EventFactory(hosts=[space])
    registration = registration_create(event=event, user=member)
    happening_now(event)

    user_erase(user=member, actor=member)

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
