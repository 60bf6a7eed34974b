"""Opening hours: whether a space is open at a moment, in its own time zone."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol


class Period(Protocol):
    weekday: int
    opens: dt.time
    closes: dt.time


class ClosureDays(Protocol):
    starts_on: dt.date
    ends_on: dt.date


@dataclass(frozen=True)
class DaySchedule:
    """The opening periods of one weekday, for display."""

    weekday: int
    periods: tuple[tuple[dt.time, dt.time], ...]

    @property
    def is_closed(self) -> bool:
        return not self.periods


def weekly_schedule(hours: Iterable[Period]) -> list[DaySchedule]:
    """Seven days, Monday first, each with its sorted periods."""
    by_day: dict[int, list[tuple[dt.time, dt.time]]] = {day: [] for day in range(7)}
    for period in hours:
        by_day[period.weekday].append((period.opens, period.closes))
    return [DaySchedule(day, tuple(sorted(by_day[day]))) for day in range(7)]


def closure_on(closures: Iterable[ClosureDays], day: dt.date) -> ClosureDays | None:
    """The exceptional closure covering that day, if any."""
    return next((c for c in closures if c.starts_on <= day <= c.ends_on), None)


def is_open_at(
    hours: Iterable[Period],
    closures: Iterable[ClosureDays],
    moment: dt.datetime,
    time_zone: str,
) -> bool:
    """Whether the place is open at an aware moment, read in the place's time zone."""
    local = moment.astimezone(zoneinfo.ZoneInfo(time_zone))
    if closure_on(closures, local.date()) is not None:
        return False
    now = local.time()
    return any(p.weekday == local.weekday() and p.opens <= now < p.closes for p in hours)
