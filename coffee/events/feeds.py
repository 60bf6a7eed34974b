"""iCalendar (RFC 5545) building: feeds that calendar programs subscribe to.

Texts come out in the active language (the caller wraps the call in `translation.override`);
times carry their event's TZID, with the matching VTIMEZONE components.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils.translation import gettext as _

from coffee.events.models import Event, RegistrationStatus

PRODID = "-//COFFEE//Agenda//EN"


def event_uid(event: Event) -> str:
    """Stable across fetches, languages and feeds: the same event is the same calendar entry."""
    return f"event-{event.pk}@{urlsplit(settings.SITE_URL).hostname or 'coffee'}"


def calendar_build(
    *,
    events: Sequence[Event],
    name: str,
    registrations: Mapping[int, str] | None = None,
) -> bytes:
    """A VCALENDAR of these events; `registrations` (event id to status) marks one's waiting."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("refresh-interval", dt.timedelta(hours=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    for event in events:
        calendar.add_component(_vevent(event, (registrations or {}).get(event.pk, "")))
    if events:
        first = min(e.local_starts_at.date() for e in events) - dt.timedelta(days=366)
        last = max(e.local_ends_at.date() for e in events) + dt.timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()


def _vevent(event: Event, registration_status: str) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", event.updated_at)
    vevent.add("created", event.created_at)
    vevent.add("last-modified", event.updated_at)
    vevent.add("sequence", event.sequence)
    vevent.add("dtstart", event.local_starts_at)
    vevent.add("dtend", event.local_ends_at)
    vevent.add("summary", _summary(event))
    vevent.add("description", _description(event))
    # The online link goes to confirmed participants only (their personal feed), as on the page.
    link = event.online_url if registration_status == RegistrationStatus.CONFIRMED else ""
    vevent.add("location", event.place or link or _("Online"))
    vevent.add("url", settings.SITE_URL + event.get_absolute_url())
    vevent.add("status", _status(event, registration_status))
    vevent.add("categories", [str(event.get_kind_display())])
    if link:
        vevent.add("conference", link, parameters={"VALUE": "URI"})
    return vevent


def _summary(event: Event) -> str:
    if event.is_cancelled:
        return _("Cancelled: %(title)s") % {"title": event.title}
    return str(event.title)


def _status(event: Event, registration_status: str) -> str:
    if event.is_cancelled:
        return "CANCELLED"
    if event.is_waiting_for_minimum or registration_status == RegistrationStatus.WAITING:
        return "TENTATIVE"
    return "CONFIRMED"


def _description(event: Event) -> str:
    hosts = ", ".join(host.name for host in event.host_organisations)
    lines = [str(event.description or ""), _("Hosted by %(hosts)s.") % {"hosts": hosts}]
    if event.is_waiting_for_minimum:
        lines.append(_("This event takes place only if enough people sign up."))
    lines.append(settings.SITE_URL + event.get_absolute_url())
    return "\n\n".join(line for line in lines if line)
