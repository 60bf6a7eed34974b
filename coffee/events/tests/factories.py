"""Factories for the agenda: published events a week or so ahead, hosted by one space."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from django.utils import timezone

from coffee.events.models import Event, EventHost, EventKind, EventLanguage, EventStatus
from coffee.network.tests.factories import OrganisationFactory


def in_days(days: int, hour: int = 14) -> dt.datetime:
    """A round hour, `days` from today, in Brussels time."""
    day = timezone.localdate() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour), tzinfo=timezone.get_default_timezone())


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    kind = EventKind.WORKSHOP
    title_fr = factory.Sequence(lambda n: f"Atelier {n}")
    title_nl = factory.Sequence(lambda n: f"Workshop {n}")
    title_en = factory.Sequence(lambda n: f"Workshop {n} (en)")
    description_fr = "Un atelier pratique."
    description_nl = "Een praktische workshop."
    description_en = "A hands-on workshop."
    status = EventStatus.PUBLISHED
    starts_at = factory.LazyFunction(lambda: in_days(10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=3))
    time_zone = "Europe/Brussels"
    place = "Rue de la Paix 1, 7500 Tournai"
    capacity = 20
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def hosts(self, create: bool, extracted: object, **kwargs: object) -> None:
        """One new space unless a list of spaces is given (lead host first)."""
        if not create:
            return
        hosts: Any = extracted if extracted is not None else [OrganisationFactory.create()]
        for position, host in enumerate(hosts):
            EventHost.objects.create(event=self, organisation=host, position=position)

    @factory.post_generation
    def languages(self, create: bool, extracted: object, **kwargs: object) -> None:
        if not create:
            return
        codes: Any = extracted if extracted is not None else ["fr"]
        for code in codes:
            EventLanguage.objects.create(event=self, code=code)


class DraftEventFactory(EventFactory):
    status = EventStatus.DRAFT
    published_at = factory.LazyFunction(lambda: None)


class TrainingFactory(EventFactory):
    """A training that happens only if 5 people sign up, decided 3 days before."""

    kind = EventKind.TRAINING
    title_fr = factory.Sequence(lambda n: f"Formation {n}")
    title_nl = factory.Sequence(lambda n: f"Opleiding {n}")
    title_en = factory.Sequence(lambda n: f"Training {n}")
    capacity = 12
    minimum_participants = 5
    decision_deadline = factory.LazyAttribute(lambda o: o.starts_at - dt.timedelta(days=3))


def happening_now(event: Event) -> Event:
    """Move an event (registrations taken) to have started half an hour ago."""
    now = timezone.now()
    Event.objects.filter(pk=event.pk).update(
        starts_at=now - dt.timedelta(minutes=30),
        ends_at=now + dt.timedelta(hours=2),
        decision_deadline=None,
        minimum_participants=None,
    )
    event.refresh_from_db()
    return event
