"""Trainings that happen only if enough people sign up: confirmed, or cancelled at the deadline."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks_db.models import DBTaskResult

from coffee.events.models import CancellationReason, Event, EventStatus
from coffee.events.services import event_publish, registration_create, training_decide
from coffee.events.tasks import training_decide_at_deadline
from coffee.events.tests.factories import TrainingFactory
from coffee.people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def sign_up(event: Event, count: int, **user_kwargs: object) -> None:
    for _ in range(count):
        registration_create(event=event, user=UserFactory.create(**user_kwargs))


def test_the_registration_that_reaches_the_minimum_confirms_the_training_for_everyone(
    django_capture_on_commit_callbacks,
) -> None:
    training = TrainingFactory.create(minimum_participants=3)
    sign_up(training, 2)
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(event=training, user=UserFactory.create(language="nl"))
    training.refresh_from_db()
    assert training.minimum_reached_at is not None
    assert training.sequence == 1
    assert len(mail.outbox) == 3
    with translation.override("nl"):
        subject = gettext("It is on: %(title)s will take place") % {"title": training.title_nl}
    assert "[COFFEE] " + subject in [m.subject for m in mail.outbox]


def test_a_training_is_confirmed_only_once() -> None:
    training = TrainingFactory.create(minimum_participants=1)
    sign_up(training, 1)
    first = Event.objects.get(pk=training.pk).minimum_reached_at
    sign_up(training, 1)
    assert Event.objects.get(pk=training.pk).minimum_reached_at == first


def test_at_the_deadline_a_training_short_of_people_is_cancelled_with_notice(
    django_capture_on_commit_callbacks,
) -> None:
    training = TrainingFactory.create(minimum_participants=5)
    sign_up(training, 2)
    after_deadline = training.decision_deadline + dt.timedelta(minutes=1)
    with django_capture_on_commit_callbacks(execute=True):
        outcome = training_decide(event_id=training.pk, now=after_deadline)
    training.refresh_from_db()
    assert outcome == "cancelled"
    assert training.status == EventStatus.CANCELLED
    assert training.cancellation_reason == CancellationReason.MINIMUM_NOT_REACHED
    assert len(mail.outbox) == 2
    subject = gettext("Cancelled: %(title)s will not take place") % {"title": training.title_fr}
    assert mail.outbox[0].subject == "[COFFEE] " + subject


def test_deciding_again_changes_nothing_and_sends_nothing(
    django_capture_on_commit_callbacks,
) -> None:
    training = TrainingFactory.create(minimum_participants=5)
    sign_up(training, 1)
    later = training.decision_deadline + dt.timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        training_decide(event_id=training.pk, now=later)
    with django_capture_on_commit_callbacks(execute=True):
        outcome = training_decide_at_deadline.call(event_id=training.pk)
    assert outcome == "nothing-to-do"
    assert len(mail.outbox) == 1


def test_before_the_deadline_the_task_waits() -> None:
    training = TrainingFactory.create()
    assert training_decide(event_id=training.pk) == "not-yet"
    assert Event.objects.get(pk=training.pk).status == EventStatus.PUBLISHED


def test_a_training_that_reached_its_minimum_is_left_alone_at_the_deadline() -> None:
    training = TrainingFactory.create(minimum_participants=2)
    sign_up(training, 2)
    later = training.decision_deadline + dt.timedelta(hours=1)
    assert training_decide(event_id=training.pk, now=later) == "nothing-to-do"


def test_the_task_of_a_deleted_event_does_nothing() -> None:
    assert training_decide_at_deadline.call(event_id=987654) == "gone"


@pytest.mark.django_db(transaction=True)
def test_publishing_queues_the_decision_and_the_worker_runs_it_at_the_deadline(
    coordinator,
) -> None:
    training = TrainingFactory.create(status=EventStatus.DRAFT, published_at=None)
    event_publish(event=training, actor=coordinator)
    sign_up(training, 2)
    task = DBTaskResult.objects.get()
    assert task.run_after == training.decision_deadline
    # Time passes: the deadline is now behind us.
    past = timezone.now() - dt.timedelta(minutes=5)
    Event.objects.filter(pk=training.pk).update(decision_deadline=past)
    DBTaskResult.objects.filter(pk=task.pk).update(run_after=past)

    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)

    task.refresh_from_db()
    assert task.status == "SUCCESSFUL"
    assert task.return_value == "cancelled"
    assert Event.objects.get(pk=training.pk).status == EventStatus.CANCELLED
    assert len(mail.outbox) == 2
