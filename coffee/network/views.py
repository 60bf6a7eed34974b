"""Public pages of the network: the directory (list and map) and one space's page."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from coffee.core.http import HtmxHttpRequest
from coffee.network.forms import DirectoryFilterForm
from coffee.network.hours import closure_on, weekly_schedule
from coffee.network.models import Organisation, Weekday
from coffee.network.selectors import (
    DirectoryFilters,
    organisation_get,
    organisation_is_open,
    organisation_list,
)


def home(request: HttpRequest) -> HttpResponse:
    """What COFFEE is, and the spaces of the network."""
    organisations = organisation_list(filters=DirectoryFilters(), moment=timezone.now())
    spaces = [o for o in organisations if o.is_coworking]
    countries = sorted({o.country for o in organisations})
    context = {"spaces": spaces, "organisation_count": len(organisations), "countries": countries}
    return render(request, "network/home.html", context)


def directory(request: HtmxHttpRequest) -> HttpResponse:
    """List and map of the spaces, filtered; htmx asks for the results fragment only."""
    form = DirectoryFilterForm(request.GET or None)
    now = timezone.now()
    organisations = organisation_list(filters=form.filters(), moment=now)
    rows = [(o, organisation_is_open(o, now)) for o in organisations]
    context = {
        "form": form,
        "rows": rows,
        "markers": [_marker(o, is_open) for o, is_open in rows],
        "map_tiles_url": settings.MAP_TILES_URL,
        "map_tiles_attribution": settings.MAP_TILES_ATTRIBUTION,
    }
    template = "network/directory.html"
    if request.htmx:
        template += "#results"
    return render(request, template, context)


def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """One space or centre: hours, resources and prices, contact, languages."""
    organisation = organisation_get(slug=slug)
    now = timezone.now()
    today = timezone.localtime(now, organisation.tzinfo).date()
    context = {
        "organisation": organisation,
        "is_open": organisation_is_open(organisation, now),
        "schedule": [
            (Weekday(day.weekday).label, day)
            for day in weekly_schedule(organisation.opening_hours.all())
        ],
        "today_weekday": today.weekday(),
        "closed_today": closure_on(organisation.closures.all(), today),
        "closures": organisation.closures.all(),
        "resources": organisation.resources.all(),
        "marker": _marker(organisation, False),
        "map_tiles_url": settings.MAP_TILES_URL,
        "map_tiles_attribution": settings.MAP_TILES_ATTRIBUTION,
    }
    return render(request, "network/organisation_detail.html", context)


def _marker(organisation: Organisation, is_open: bool) -> dict[str, object]:
    return {
        "name": organisation.name,
        "url": organisation.get_absolute_url(),
        "lat": float(organisation.latitude),
        "lng": float(organisation.longitude),
        "city": organisation.city,
        "open": is_open,
    }
