"""Creating, changing, publishing and cancelling events."""

from __future__ import annotations

import dataclasses
import datetime as dt
import zoneinfo

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django_tasks_db.models import DBTaskResult

from coffee.core.models import AuditEntry
from coffee.events.errors import EventError
from coffee.events.models import Event, EventStatus, RegistrationStatus
from coffee.events.services import (
    EventData,
    event_cancel,
    event_create,
    event_publish,
    event_update,
    registration_create,
)
from coffee.events.tests.factories import DraftEventFactory, EventFactory, in_days
from coffee.network.tests.factories import FrenchRegionFactory, OrganisationFactory
from coffee.people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def workshop(space, **changes) -> EventData:  # type: ignore[no-untyped-def]
    data = EventData(
        kind="workshop",
        hosts=[space],
        titles={"fr": "Atelier LinkedIn", "nl": "LinkedIn-workshop", "en": ""},
        starts_at=in_days(12),
        ends_at=in_days(12, hour=17),
        capacity=12,
        place="Salle Escaut",
        languages=["fr", "nl"],
    )
    return dataclasses.replace(data, **changes)


def test_a_manager_creates_a_draft_in_the_time_zone_of_the_host_space(space, manager) -> None:
    event = event_create(data=workshop(space), actor=manager)
    assert event.status == EventStatus.DRAFT
    assert event.time_zone == "Europe/Brussels"
    assert event.title_nl == "LinkedIn-workshop"
    assert [h.organisation for h in event.event_hosts.all()] == [space]
    assert sorted(event.languages.values_list("code", flat=True)) == ["fr", "nl"]
    assert AuditEntry.objects.filter(action="events.event.created").exists()


def test_a_cross_border_event_takes_the_lead_hosts_zone_first(coordinator, space) -> None:
    lille = OrganisationFactory.create(name="Mutualab", region=FrenchRegionFactory.create())
    event = event_create(data=workshop(space, hosts=[lille, space]), actor=coordinator)
    assert event.time_zone == "Europe/Paris"
    assert [h.position for h in event.event_hosts.order_by("position")] == [0, 1]


def test_a_manager_cannot_create_an_event_for_another_space(other_space, manager) -> None:
    with pytest.raises(EventError) as refusal:
        event_create(data=workshop(other_space), actor=manager)
    assert refusal.value.code == "not_allowed"


def test_a_member_cannot_create_an_event(space, member) -> None:
    with pytest.raises(EventError) as refusal:
        event_create(data=workshop(space), actor=member)
    assert refusal.value.code == "not_allowed"


def test_a_space_that_left_the_network_cannot_host_an_event(coordinator) -> None:
    gone = OrganisationFactory.create(name="Ancien Espace", left_on=dt.date(2020, 6, 30))
    with pytest.raises(EventError) as refusal:
        event_create(data=workshop(gone), actor=coordinator)
    assert refusal.value.code == "host_has_left"
    assert "Ancien Espace" in str(refusal.value)
    assert not Event.objects.exists()


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"ends_at": in_days(12, hour=9)}, "ends_before_start"),
        ({"titles": {"fr": " ", "nl": "", "en": ""}}, "no_title"),
        ({"place": "", "online_url": ""}, "no_place"),
        ({"kind": "online", "online_url": ""}, "online_link_required"),
        ({"kind": "party"}, "unknown_kind"),
        ({"hosts": []}, "no_host"),
        ({"minimum_participants": 5}, "minimum_needs_deadline"),
        ({"minimum_participants": 50, "decision_deadline": in_days(9)}, "minimum_above_capacity"),
        ({"minimum_participants": 5, "decision_deadline": in_days(13)}, "deadline_after_start"),
    ],
)
def test_an_incomplete_event_is_refused_with_a_code(coordinator, space, changes, code) -> None:
    with pytest.raises(EventError) as refusal:
        event_create(data=workshop(space, **changes), actor=coordinator)
    assert refusal.value.code == code


def test_the_database_refuses_more_confirmed_people_than_seats() -> None:
    event = EventFactory.create(capacity=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(confirmed_count=3)


def test_publishing_a_draft_shows_it_and_schedules_the_decision_of_a_training(
    space, manager
) -> None:
    data = workshop(space, kind="training", minimum_participants=4, decision_deadline=in_days(9))
    event = event_create(data=data, actor=manager)
    event = event_publish(event=event, actor=manager)
    assert event.status == EventStatus.PUBLISHED
    task = DBTaskResult.objects.get()
    assert task.task_path.endswith("training_decide_at_deadline")
    assert task.args_kwargs["kwargs"] == {"event_id": event.pk}
    assert task.run_after == event.decision_deadline


def test_only_a_draft_can_be_published(manager, space) -> None:
    event = EventFactory.create(hosts=[space])
    with pytest.raises(EventError) as refusal:
        event_publish(event=event, actor=manager)
    assert refusal.value.code == "not_a_draft"


def test_a_past_draft_cannot_be_published(manager, space) -> None:
    event = DraftEventFactory.create(hosts=[space], starts_at=in_days(-2))
    with pytest.raises(EventError) as refusal:
        event_publish(event=event, actor=manager)
    assert refusal.value.code == "past"


def test_the_manager_of_another_space_cannot_publish(other_manager, space) -> None:
    event = DraftEventFactory.create(hosts=[space])
    with pytest.raises(EventError) as refusal:
        event_publish(event=event, actor=other_manager)
    assert refusal.value.code == "not_allowed"


def test_changing_a_published_event_raises_its_sequence(manager, space) -> None:
    event = EventFactory.create(hosts=[space])
    changed = event_update(event=event, data=workshop(space, place="Salle Lys"), actor=manager)
    assert changed.sequence == event.sequence + 1
    assert changed.place == "Salle Lys"


def test_times_are_stored_in_utc_and_read_in_the_event_zone(coordinator, space) -> None:
    paris = zoneinfo.ZoneInfo("Europe/Paris")
    start = dt.datetime(2031, 7, 1, 10, tzinfo=paris)
    data = workshop(
        space, time_zone="Europe/Paris", starts_at=start, ends_at=start + dt.timedelta(hours=2)
    )
    event = event_create(data=data, actor=coordinator)
    event.refresh_from_db()
    assert event.starts_at == dt.datetime(2031, 7, 1, 8, tzinfo=dt.UTC)
    assert event.local_starts_at.hour == 10


def test_the_capacity_cannot_drop_below_the_confirmed_people(manager, space) -> None:
    event = EventFactory.create(hosts=[space], capacity=3)
    for _ in range(2):
        registration_create(event=event, user=UserFactory.create())
    with pytest.raises(EventError) as refusal:
        event_update(event=event, data=workshop(space, capacity=1), actor=manager)
    assert refusal.value.code == "capacity_below_confirmed"


def test_a_larger_capacity_takes_people_off_the_waiting_list(
    manager, space, django_capture_on_commit_callbacks
) -> None:
    event = EventFactory.create(hosts=[space], capacity=1)
    first, second, third = (UserFactory.create() for _ in range(3))
    for person in (first, second, third):
        registration_create(event=event, user=person)
    with django_capture_on_commit_callbacks(execute=True):
        event_update(event=event, data=workshop(space, capacity=2), actor=manager)
    statuses = dict(event.registrations.values_list("user_id", "status"))
    assert statuses[second.pk] == RegistrationStatus.CONFIRMED
    assert statuses[third.pk] == RegistrationStatus.WAITING
    assert [m.to for m in mail.outbox] == [[second.email]]


def test_cancelling_an_event_tells_everyone_registered_after_commit(
    manager, space, django_capture_on_commit_callbacks
) -> None:
    event = EventFactory.create(hosts=[space], capacity=1)
    registration_create(event=event, user=UserFactory.create(email="seat@example.org"))
    registration_create(event=event, user=UserFactory.create(email="queue@example.org"))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        event = event_cancel(event=event, actor=manager)
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert event.status == EventStatus.CANCELLED
    assert event.sequence == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["queue@example.org", "seat@example.org"]


def test_a_cancelled_event_cannot_be_cancelled_or_changed_again(manager, space) -> None:
    event = event_cancel(event=EventFactory.create(hosts=[space]), actor=manager)
    with pytest.raises(EventError) as again:
        event_cancel(event=event, actor=manager)
    with pytest.raises(EventError) as change:
        event_update(event=event, data=workshop(space), actor=manager)
    assert (again.value.code, change.value.code) == ("already_cancelled", "event_cancelled")
