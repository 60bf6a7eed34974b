"""The agenda: the list of coming events and the month calendar, with filters."""

from __future__ import annotations

import datetime as dt

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from coffee.core.http import HtmxHttpRequest
from coffee.events.forms import AgendaFilterForm
from coffee.events.permissions import may_create_events
from coffee.events.selectors import event_month, event_upcoming, registrations_of
from coffee.events.views.common import feed_links, filter_query

PAGE_SIZE = 30


def event_list(request: HtmxHttpRequest) -> HttpResponse:
    """Coming events, soonest first, grouped by day; htmx asks for the results only."""
    form = AgendaFilterForm(request.GET or None)
    filters = form.filters()
    upcoming = event_upcoming(viewer=request.user, filters=filters)
    page = Paginator(upcoming, PAGE_SIZE).get_page(request.GET.get("page"))
    events = list(page.object_list)
    context = {
        "form": form,
        "page": page,
        "events": events,
        "registrations": registrations_of(user=request.user, events=events),
        "may_create": may_create_events(request.user),
        "view": "list",
        "filter_query": filter_query(form),
        **feed_links(request, filters),
    }
    template = "events/event_list.html#results" if request.htmx else "events/event_list.html"
    return render(request, template, context)


def event_calendar(request: HtmxHttpRequest) -> HttpResponse:
    """A month of events (?month=2026-03), weeks as a grid on wide screens, a list on phones."""
    form = AgendaFilterForm(request.GET or None)
    filters = form.filters()
    first = _month(request.GET.get("month", ""))
    grid = event_month(viewer=request.user, filters=filters, year=first.year, month=first.month)
    context = {
        "form": form,
        "grid": grid,
        "may_create": may_create_events(request.user),
        "view": "calendar",
        "month": first.strftime("%Y-%m"),
        "filter_query": filter_query(form),
        **feed_links(request, filters),
    }
    template = (
        "events/event_calendar.html#results" if request.htmx else "events/event_calendar.html"
    )
    return render(request, template, context)


def _month(value: str) -> dt.date:
    """The first day of the month asked for (YYYY-MM), or of the current month."""
    try:
        return dt.datetime.strptime(value, "%Y-%m").date().replace(day=1)
    except ValueError:
        return timezone.localdate().replace(day=1)
