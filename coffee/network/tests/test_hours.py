"""Opening hours read in each place's own time zone."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coffee.network.hours import closure_on, is_open_at, weekly_schedule


@dataclass
class Period:
    weekday: int
    opens: dt.time
    closes: dt.time


@dataclass
class Closed:
    starts_on: dt.date
    ends_on: dt.date


MONDAY_9_TO_18 = [Period(0, dt.time(9), dt.time(18))]
UTC = dt.UTC


def test_a_space_is_open_during_its_hours_in_its_own_time_zone() -> None:
    # 2026-11-23 is a Monday; 08:30 UTC is 09:30 in Brussels in winter.
    moment = dt.datetime(2026, 11, 23, 8, 30, tzinfo=UTC)
    assert is_open_at(MONDAY_9_TO_18, [], moment, "Europe/Brussels")


def test_a_space_is_closed_before_opening_local_time() -> None:
    moment = dt.datetime(2026, 11, 23, 7, 30, tzinfo=UTC)  # 08:30 in Brussels
    assert not is_open_at(MONDAY_9_TO_18, [], moment, "Europe/Brussels")


def test_closing_time_is_exclusive() -> None:
    moment = dt.datetime(2026, 11, 23, 17, 0, tzinfo=UTC)  # 18:00 in Paris
    assert not is_open_at(MONDAY_9_TO_18, [], moment, "Europe/Paris")


def test_summer_time_is_taken_into_account() -> None:
    # 2026-06-22 is a Monday; 07:30 UTC is 09:30 in Brussels in summer.
    moment = dt.datetime(2026, 6, 22, 7, 30, tzinfo=UTC)
    assert is_open_at(MONDAY_9_TO_18, [], moment, "Europe/Brussels")


def test_an_exceptional_closure_closes_a_normally_open_day() -> None:
    moment = dt.datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    closures = [Closed(dt.date(2026, 11, 23), dt.date(2026, 11, 24))]
    assert not is_open_at(MONDAY_9_TO_18, closures, moment, "Europe/Brussels")
    assert closure_on(closures, dt.date(2026, 11, 24)) is closures[0]
    assert closure_on(closures, dt.date(2026, 11, 25)) is None


def test_the_weekly_schedule_lists_seven_days_with_split_periods_sorted() -> None:
    hours = [
        Period(1, dt.time(14), dt.time(18)),
        Period(1, dt.time(9), dt.time(12)),
    ]
    schedule = weekly_schedule(hours)
    assert [day.weekday for day in schedule] == list(range(7))
    assert schedule[1].periods == ((dt.time(9), dt.time(12)), (dt.time(14), dt.time(18)))
    assert schedule[0].is_closed
