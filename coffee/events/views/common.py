"""Helpers shared by the agenda's views."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import get_language

from coffee.events.forms import AgendaFilterForm
from coffee.events.models import Event
from coffee.events.permissions import may_edit
from coffee.events.selectors import AgendaFilters, event_get


def editable_event(request: HttpRequest, pk: int) -> Event:
    """The event if the visitor may edit it; 404 when they may not even see it, else 403."""
    event = event_get(pk=pk, viewer=request.user)
    if not may_edit(request.user, event):
        raise PermissionDenied
    return event


def feed_links(request: HttpRequest, filters: AgendaFilters | None = None) -> dict[str, Any]:
    """The feed matching the page (a space's, a type's, or the network's), https and webcal."""
    filters = filters or AgendaFilters()
    if filters.space:
        path = reverse("event-feeds:space", kwargs={"slug": filters.space})
    elif filters.kind:
        path = reverse("event-feeds:type", kwargs={"kind": filters.kind})
    else:
        path = reverse("event-feeds:network")
    return subscribe_links(request, f"{path}?lang={get_language() or 'fr'}")


def subscribe_links(request: HttpRequest, path: str) -> dict[str, Any]:
    https_url = request.build_absolute_uri(path)
    return {"feed_url": https_url, "webcal_url": "webcal://" + https_url.split("://", 1)[1]}


def filter_query(form: AgendaFilterForm) -> str:
    """The filters in use, as a query string for links that keep them."""
    if not form.is_valid():
        return ""
    return urlencode({name: value for name, value in form.cleaned_data.items() if value})
