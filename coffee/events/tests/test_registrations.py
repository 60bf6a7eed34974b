"""Registration, the waiting list, its promotions and their e-mails, attendance at the door."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext

from coffee.events.errors import RegistrationError
from coffee.events.models import Registration, RegistrationStatus
from coffee.events.services import (
    attendance_set,
    event_cancel,
    registration_cancel,
    registration_create,
)
from coffee.events.tests.factories import (
    DraftEventFactory,
    EventFactory,
    happening_now,
    in_days,
)
from coffee.people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_member_takes_a_free_seat(member) -> None:
    event = EventFactory.create(capacity=2)
    registration = registration_create(event=event, user=member)
    event.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert event.confirmed_count == 1


def test_a_full_event_puts_the_next_people_on_the_waiting_list_in_order() -> None:
    event = EventFactory.create(capacity=1)
    registration_create(event=event, user=UserFactory.create())
    second = registration_create(event=event, user=UserFactory.create())
    third = registration_create(event=event, user=UserFactory.create())
    assert (second.status, second.waiting_position) == (RegistrationStatus.WAITING, 1)
    assert (third.status, third.waiting_position) == (RegistrationStatus.WAITING, 2)


def test_registering_twice_is_refused(member) -> None:
    event = EventFactory.create()
    registration_create(event=event, user=member)
    with pytest.raises(RegistrationError) as refusal:
        registration_create(event=event, user=member)
    assert refusal.value.code == "already"


def test_the_database_refuses_a_second_active_registration(member) -> None:
    event = EventFactory.create()
    registration_create(event=event, user=member)
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(event=event, user=member, status="confirmed")


@pytest.mark.parametrize(
    ("factory_kwargs", "code"),
    [
        ({"status": "draft"}, "not_open"),
        ({"status": "cancelled"}, "event_cancelled"),
        ({"starts_at": in_days(-1)}, "started"),
    ],
)
def test_registration_is_refused_when_the_event_is_not_open(member, factory_kwargs, code) -> None:
    event = EventFactory.create(**factory_kwargs)
    with pytest.raises(RegistrationError) as refusal:
        registration_create(event=event, user=member)
    assert refusal.value.code == code


def test_a_freed_seat_goes_to_the_first_person_waiting_told_in_their_language(
    django_capture_on_commit_callbacks,
) -> None:
    event = EventFactory.create(capacity=1, title_fr="Atelier vélo", title_nl="Fietsworkshop")
    leaving = registration_create(event=event, user=UserFactory.create())
    dutch = UserFactory.create(language="nl", email="an@example.org", first_name="An")
    registration_create(event=event, user=dutch)
    registration_create(event=event, user=UserFactory.create())
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        registration_cancel(registration=leaving, actor=leaving.user)
    assert mail.outbox == [], "nobody is told before the transaction commits"
    for callback in callbacks:
        callback()
    promoted = Registration.objects.get(user=dutch, status=RegistrationStatus.CONFIRMED)
    assert promoted.waiting_position is None and promoted.promoted_at is not None
    [message] = mail.outbox
    assert message.to == ["an@example.org"]
    with translation.override("nl"):
        subject = gettext("A seat is yours: %(title)s") % {"title": "Fietsworkshop"}
    assert message.subject == "[COFFEE] " + subject
    assert "Fietsworkshop" in message.body
    assert f"/nl/agenda/{event.pk}/" in message.body
    html = message.alternatives[0][0]
    assert 'lang="nl"' in html
    assert event.starts_at.astimezone(event.tzinfo).strftime("%H:%M") in message.body


def test_the_waiting_list_keeps_its_order_after_a_promotion() -> None:
    event = EventFactory.create(capacity=1)
    seated = registration_create(event=event, user=UserFactory.create())
    waiting = [registration_create(event=event, user=UserFactory.create()) for _ in range(3)]
    registration_cancel(registration=seated, actor=seated.user)
    late = registration_create(event=event, user=UserFactory.create())
    queue = event.registrations.filter(status="waiting").order_by("waiting_position")
    assert [r.pk for r in queue] == [waiting[1].pk, waiting[2].pk, late.pk]


def test_leaving_the_waiting_list_frees_no_seat(django_capture_on_commit_callbacks) -> None:
    event = EventFactory.create(capacity=1)
    registration_create(event=event, user=UserFactory.create())
    waiting = registration_create(event=event, user=UserFactory.create())
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=waiting, actor=waiting.user)
    event.refresh_from_db()
    assert event.confirmed_count == 1
    assert mail.outbox == []


def test_someone_else_cannot_cancel_my_registration(member) -> None:
    registration = registration_create(event=EventFactory.create(), user=member)
    with pytest.raises(RegistrationError) as refusal:
        registration_cancel(registration=registration, actor=UserFactory.create())
    assert refusal.value.code == "not_allowed"


def test_a_cancelled_person_may_register_again(member) -> None:
    event = EventFactory.create()
    first = registration_create(event=event, user=member)
    registration_cancel(registration=first, actor=member)
    again = registration_create(event=event, user=member)
    assert again.status == RegistrationStatus.CONFIRMED
    with pytest.raises(RegistrationError) as refusal:
        registration_cancel(registration=first, actor=member)
    assert refusal.value.code == "already_cancelled"


def test_a_cancelled_event_promotes_nobody(manager, space) -> None:
    event = EventFactory.create(hosts=[space], capacity=1)
    seated = registration_create(event=event, user=UserFactory.create())
    waiting = registration_create(event=event, user=UserFactory.create())
    event_cancel(event=event, actor=manager)
    registration_cancel(registration=seated, actor=seated.user)
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.WAITING


def test_cancelling_after_the_start_is_refused(member) -> None:
    event = EventFactory.create()
    registration = registration_create(event=event, user=member)
    event.starts_at = in_days(-1)
    event.ends_at = event.starts_at + dt.timedelta(hours=2)
    event.save()
    with pytest.raises(RegistrationError) as refusal:
        registration_cancel(registration=registration, actor=member)
    assert refusal.value.code == "started"


def test_the_organiser_marks_a_confirmed_participant_present_on_the_day(manager, space) -> None:
    event = EventFactory.create(hosts=[space])
    registration = registration_create(event=event, user=UserFactory.create())
    happening_now(event)
    registration = attendance_set(registration=registration, attended=True, actor=manager)
    assert registration.attended


@pytest.mark.parametrize(
    ("now", "who", "code"),
    [(True, "other_manager", "not_allowed"), (False, "manager", "too_early")],
)
def test_attendance_is_refused_to_others_and_before_the_day(request, space, now, who, code) -> None:
    event = EventFactory.create(hosts=[space], starts_at=in_days(3))
    registration = registration_create(event=event, user=UserFactory.create())
    if now:
        happening_now(event)
    with pytest.raises(RegistrationError) as refusal:
        attendance_set(registration=registration, attended=True, actor=request.getfixturevalue(who))
    assert refusal.value.code == code


def test_a_person_waiting_cannot_be_marked_present(manager, space) -> None:
    event = EventFactory.create(hosts=[space], capacity=1)
    registration_create(event=event, user=UserFactory.create())
    waiting = registration_create(event=event, user=UserFactory.create())
    happening_now(event)
    with pytest.raises(RegistrationError) as refusal:
        attendance_set(registration=waiting, attended=True, actor=manager)
    assert refusal.value.code == "waiting"


def test_attendance_of_a_draft_is_refused(manager, space) -> None:
    event = happening_now(DraftEventFactory.create(hosts=[space]))
    registration = Registration.objects.create(
        event=event, user=UserFactory.create(), status="confirmed"
    )
    with pytest.raises(RegistrationError) as refusal:
        attendance_set(registration=registration, attended=True, actor=manager)
    assert refusal.value.code == "closed"
