"""Reads of the agenda: what a person may see, the list, the month, the door list, the feeds."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from coffee.core.admin import managed_ids, sees_everything
from coffee.events.models import (
    CalendarToken,
    Event,
    EventHost,
    EventLanguage,
    EventStatus,
    Registration,
    RegistrationStatus,
)

PUBLIC_STATUSES = [EventStatus.PUBLISHED, EventStatus.CANCELLED]
ACTIVE_REGISTRATIONS = [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING]
FEED_HISTORY = dt.timedelta(days=90)


@dataclass(frozen=True)
class AgendaFilters:
    """What a visitor filters the agenda by; empty values mean no filter."""

    space: str = ""
    country: str = ""
    kind: str = ""
    language: str = ""


@dataclass
class CalendarDay:
    date: dt.date
    in_month: bool
    is_today: bool
    events: list[Event] = field(default_factory=list)


@dataclass
class MonthGrid:
    first: dt.date
    weeks: list[list[CalendarDay]]
    previous: dt.date
    next: dt.date

    @property
    def event_count(self) -> int:
        return len(
            {e.pk for week in self.weeks for day in week if day.in_month for e in day.events}
        )


def event_visible(*, viewer: Any) -> QuerySet[Event]:
    """Published and cancelled events for everyone; drafts for their editors only."""
    public = Q(status__in=PUBLIC_STATUSES)
    if not viewer.is_authenticated:
        return Event.objects.filter(public)
    if sees_everything(viewer):
        return Event.objects.all()
    hosted = EventHost.objects.filter(organisation_id__in=managed_ids(viewer)).values("event_id")
    return Event.objects.filter(public | Q(pk__in=hosted))


def with_details(queryset: QuerySet[Event]) -> QuerySet[Event]:
    """Hosts (with regions), languages and the country counts that make an event cross-border."""
    hosts = EventHost.objects.select_related("organisation__region").order_by("position")
    return queryset.prefetch_related(Prefetch("event_hosts", queryset=hosts), "languages").annotate(
        host_country_count=_country_count(EventHost.objects.all(), "organisation__region__country"),
        participant_country_count=_country_count(
            Registration.objects.filter(
                status__in=ACTIVE_REGISTRATIONS, user__profile__country__gt=""
            ),
            "user__profile__country",
        ),
    )


def _country_count(queryset: QuerySet[Any], path: str) -> Coalesce:
    counted = (
        queryset.filter(event=OuterRef("pk"))
        .order_by()
        .values("event")
        .annotate(n=Count(path, distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def filtered(queryset: QuerySet[Event], filters: AgendaFilters) -> QuerySet[Event]:
    hosts = EventHost.objects.all()
    if filters.space:
        queryset = queryset.filter(
            pk__in=hosts.filter(organisation__slug=filters.space).values("event_id")
        )
    if filters.country:
        queryset = queryset.filter(
            pk__in=hosts.filter(organisation__region__country=filters.country).values("event_id")
        )
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.language:
        languages = EventLanguage.objects.filter(code=filters.language)
        queryset = queryset.filter(pk__in=languages.values("event_id"))
    return queryset


def event_upcoming(*, viewer: Any, filters: AgendaFilters) -> QuerySet[Event]:
    """Events not over yet that the viewer may see, soonest first (paginate it)."""
    queryset = filtered(event_visible(viewer=viewer), filters)
    return with_details(queryset.filter(ends_at__gte=timezone.now())).order_by("starts_at", "pk")


def event_month(*, viewer: Any, filters: AgendaFilters, year: int, month: int) -> MonthGrid:
    """A month of Monday-first weeks; each event on every local day it spans, in its own zone."""
    first = dt.date(year, month, 1)
    last = first.replace(day=calendar.monthrange(year, month)[1])
    grid_start = first - dt.timedelta(days=first.weekday())
    grid_end = last + dt.timedelta(days=6 - last.weekday())
    # A day of margin each side: the events' own zones are never more than a day off UTC.
    queryset = filtered(event_visible(viewer=viewer), filters).filter(
        starts_at__lt=_midnight(grid_end + dt.timedelta(days=2)),
        ends_at__gte=_midnight(grid_start - dt.timedelta(days=1)),
    )
    days = _empty_grid(grid_start, grid_end, month)
    for event in with_details(queryset).order_by("starts_at", "pk"):
        for day in _local_days(event):
            if day in days:
                days[day].events.append(event)
    ordered = list(days.values())
    weeks = [ordered[i : i + 7] for i in range(0, len(ordered), 7)]
    return MonthGrid(
        first=first,
        weeks=weeks,
        previous=(first - dt.timedelta(days=1)).replace(day=1),
        next=last + dt.timedelta(days=1),
    )


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC)


def _empty_grid(start: dt.date, end: dt.date, month: int) -> dict[dt.date, CalendarDay]:
    today = timezone.localdate()
    count = (end - start).days + 1
    dates = [start + dt.timedelta(days=n) for n in range(count)]
    return {d: CalendarDay(date=d, in_month=d.month == month, is_today=d == today) for d in dates}


def _local_days(event: Event) -> list[dt.date]:
    start = timezone.localtime(event.starts_at, event.tzinfo).date()
    # An event ending at midnight does not spill over into the next day.
    end = timezone.localtime(event.ends_at - dt.timedelta(microseconds=1), event.tzinfo).date()
    return [start + dt.timedelta(days=n) for n in range(min((end - start).days, 31) + 1)]


def event_get(*, pk: int, viewer: Any) -> Event:
    """One event the viewer may see, with its details, or 404 (drafts stay hidden)."""
    return get_object_or_404(with_details(event_visible(viewer=viewer)), pk=pk)


def registrations_of(*, user: Any, events: Iterable[Event]) -> dict[int, Registration]:
    """The viewer's active registration for each of these events, by event id."""
    if not user.is_authenticated:
        return {}
    registrations = Registration.objects.filter(
        user=user, event__in=[e.pk for e in events], status__in=ACTIVE_REGISTRATIONS
    )
    return {r.event_id: r for r in registrations}


def waiting_rank(*, registration: Registration) -> int:
    """Where a waiting person stands now: 1 is next to get a seat."""
    ahead = Registration.objects.filter(
        event_id=registration.event_id,
        status=RegistrationStatus.WAITING,
        waiting_position__lt=registration.waiting_position,
    )
    return ahead.count() + 1


def registration_list_for_user(*, user: Any) -> list[Registration]:
    """One's registrations for events not over yet, soonest first."""
    registrations = Registration.objects.filter(
        user=user, status__in=ACTIVE_REGISTRATIONS, event__ends_at__gte=timezone.now()
    )
    return list(registrations.select_related("event").order_by("event__starts_at", "pk"))


def attendance_list(*, event: Event, query: str = "") -> list[Registration]:
    """The confirmed participants for the door, by name; `query` narrows on name or e-mail."""
    registrations = event.registrations.filter(status=RegistrationStatus.CONFIRMED)
    for word in query.split()[:4]:
        registrations = registrations.filter(
            Q(user__first_name__icontains=word)
            | Q(user__last_name__icontains=word)
            | Q(user__email__icontains=word)
        )
    ordering = ["user__last_name", "user__first_name", "pk"]
    return list(registrations.select_related("user").order_by(*ordering))


def registration_counts(*, event: Event) -> dict[str, int]:
    """How many are confirmed, waiting, and marked present, in one query."""
    confirmed = Q(status=RegistrationStatus.CONFIRMED)
    return event.registrations.aggregate(
        confirmed=Count("pk", filter=confirmed),
        waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
        present=Count("pk", filter=confirmed & Q(attended=True)),
    )


def event_people_reached(
    *, since: dt.date, until: dt.date, organisation_ids: Iterable[int] | None = None
) -> int:
    """People who attended at least one event starting in [since, until] (local days).

    Attendance taken at the door is what counts; registrations alone do not.
    """
    zone = timezone.get_default_timezone()
    attended = Registration.objects.filter(
        attended=True,
        status=RegistrationStatus.CONFIRMED,
        event__status=EventStatus.PUBLISHED,
        event__starts_at__gte=dt.datetime.combine(since, dt.time.min, tzinfo=zone),
        event__starts_at__lt=dt.datetime.combine(until + dt.timedelta(days=1), dt.time.min, zone),
    )
    if organisation_ids is not None:
        hosted = EventHost.objects.filter(organisation_id__in=list(organisation_ids))
        attended = attended.filter(event__in=hosted.values("event_id"))
    return attended.values("user_id").distinct().count()


def feed_events(*, space: str = "", kind: str = "") -> list[Event]:
    """Published and cancelled events of the last months and to come, for a public feed."""
    queryset = filtered(
        Event.objects.filter(status__in=PUBLIC_STATUSES), AgendaFilters(space=space, kind=kind)
    )
    queryset = queryset.filter(ends_at__gte=timezone.now() - FEED_HISTORY)
    return list(with_details(queryset).order_by("starts_at", "pk"))


def feed_events_for_token(*, token: str) -> tuple[Any, list[Event]]:
    """The owner of a calendar token and the events they are registered for, or 404."""
    owner = CalendarToken.objects.select_related("user").filter(token=token).first()
    if owner is None or not owner.user.is_active:
        raise Http404
    registered = Registration.objects.filter(user=owner.user, status__in=ACTIVE_REGISTRATIONS)
    queryset = Event.objects.filter(
        status__in=PUBLIC_STATUSES,
        pk__in=registered.values("event_id"),
        ends_at__gte=timezone.now() - FEED_HISTORY,
    )
    return owner.user, list(with_details(queryset).order_by("starts_at", "pk"))


def calendar_token_of(*, user: Any) -> CalendarToken | None:
    return CalendarToken.objects.filter(user=user).first()
