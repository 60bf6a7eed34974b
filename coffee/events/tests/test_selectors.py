"""Reads of the agenda: the month grid, cross-border events, people reached."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from coffee.events.selectors import (
    AgendaFilters,
    event_month,
    event_people_reached,
    event_upcoming,
    waiting_rank,
)
from coffee.events.services import attendance_set, registration_cancel, registration_create
from coffee.events.tests.factories import EventFactory, happening_now
from coffee.network.tests.factories import FrenchRegionFactory, OrganisationFactory
from coffee.people.models import Profile
from coffee.people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_an_event_sits_on_its_local_day_even_when_utc_says_the_day_before(member) -> None:
    start = dt.datetime(2031, 3, 1, 23, 30, tzinfo=dt.UTC)  # 00:30 on 2 March in Brussels
    event = EventFactory.create(starts_at=start, ends_at=start + dt.timedelta(hours=1))
    grid = event_month(viewer=member, filters=AgendaFilters(), year=2031, month=3)
    days = {day.date: day.events for week in grid.weeks for day in week}
    assert days[dt.date(2031, 3, 2)] == [event]
    assert days[dt.date(2031, 3, 1)] == []
    assert grid.weeks[0][0].date == dt.date(2031, 2, 24)  # weeks start on Monday
    assert (grid.previous, grid.next) == (dt.date(2031, 2, 1), dt.date(2031, 4, 1))


def test_an_event_over_several_days_shows_on_each_of_them(member) -> None:
    start = dt.datetime(2031, 3, 10, 8, tzinfo=dt.UTC)
    EventFactory.create(starts_at=start, ends_at=start + dt.timedelta(days=2))
    grid = event_month(viewer=member, filters=AgendaFilters(), year=2031, month=3)
    busy = [day.date.day for week in grid.weeks for day in week if day.events]
    assert busy == [10, 11, 12]
    assert grid.event_count == 1


def test_hosts_from_two_countries_make_an_event_cross_border(member) -> None:
    lille = OrganisationFactory.create(region=FrenchRegionFactory.create())
    EventFactory.create(title_fr="Ensemble", hosts=[OrganisationFactory.create(), lille])
    EventFactory.create(title_fr="Seul")
    events = {str(e.title): e for e in event_upcoming(viewer=member, filters=AgendaFilters())}
    assert events["Ensemble"].is_cross_border
    assert not events["Seul"].is_cross_border


def test_participants_from_two_countries_make_an_event_cross_border(member) -> None:
    event = EventFactory.create()
    for country in ("BE", "FR"):
        person = UserFactory.create()
        Profile.objects.create(user=person, country=country)
        registration_create(event=event, user=person)
    [listed] = event_upcoming(viewer=member, filters=AgendaFilters())
    assert listed.is_cross_border


def test_people_reached_counts_attendance_not_registrations(manager, space) -> None:
    event = EventFactory.create(hosts=[space])
    other = EventFactory.create()
    came, stayed_home = UserFactory.create(), UserFactory.create()
    for person in (came, stayed_home):
        registration_create(event=event, user=person)
    happening_now(event)
    today = timezone.localdate(event.starts_at)
    attendance_set(registration=event.registrations.get(user=came), attended=True, actor=manager)
    registration_create(event=other, user=came)
    assert event_people_reached(since=today, until=today) == 1
    assert event_people_reached(since=today, until=today, organisation_ids=[space.pk]) == 1
    assert event_people_reached(since=today, until=today, organisation_ids=[0]) == 0
    yesterday = today - dt.timedelta(days=1)
    assert event_people_reached(since=yesterday, until=yesterday) == 0


def test_the_waiting_rank_counts_only_the_people_still_ahead() -> None:
    event = EventFactory.create(capacity=1)
    registration_create(event=event, user=UserFactory.create())
    first = registration_create(event=event, user=UserFactory.create())
    second = registration_create(event=event, user=UserFactory.create())
    registration_cancel(registration=first, actor=first.user)
    assert second.waiting_position == 2
    assert waiting_rank(registration=second) == 1
