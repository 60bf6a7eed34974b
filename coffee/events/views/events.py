"""One event: its page, its .ics, and the organisers' create, edit, publish and cancel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coffee.core.http import AuthenticatedHttpRequest
from coffee.events.errors import EventError
from coffee.events.feeds import calendar_build
from coffee.events.forms import EventForm
from coffee.events.models import Event
from coffee.events.permissions import may_create_events, may_edit
from coffee.events.selectors import (
    event_get,
    registration_counts,
    registrations_of,
    waiting_rank,
)
from coffee.events.services import event_cancel, event_create, event_publish, event_update
from coffee.events.views.common import editable_event, feed_links, subscribe_links
from coffee.events.views.feeds import ics_response


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """What, when (in the event's zone), where, for whom; register or cancel."""
    event = event_get(pk=pk, viewer=request.user)
    registration = registrations_of(user=request.user, events=[event]).get(event.pk)
    editor = may_edit(request.user, event)
    context = {
        "event": event,
        "registration": registration,
        "rank": waiting_rank(registration=registration)
        if registration and registration.is_waiting
        else None,
        "may_edit": editor,
        "counts": registration_counts(event=event) if editor else None,
        **feed_links(request),
        "event_ics": subscribe_links(request, reverse("events:event-ics", kwargs={"pk": pk})),
    }
    return render(request, "events/event_detail.html", context)


def event_ics(request: HttpRequest, pk: int) -> HttpResponse:
    """One event as an .ics file to add to a calendar (published or cancelled events only)."""
    event = event_get(pk=pk, viewer=request.user)
    if event.is_draft:
        raise Http404
    body = calendar_build(events=[event], name=str(event.title))
    return ics_response(body, f"event-{event.pk}.ics")


@login_required
def event_create_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """A new event, saved as a draft for its organisers to publish."""
    if not may_create_events(request.user):
        raise PermissionDenied
    form = EventForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            event = event_create(data=form.to_data(), actor=request.user)
        except EventError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The draft is saved. Publish it when it is ready."))
            return redirect(event)
    return render(request, "events/event_form.html", {"form": form, "event": None})


@login_required
def event_update_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Change an event; people waiting get the seats a larger capacity frees."""
    event = editable_event(request, pk)
    form = EventForm(request.POST or None, user=request.user, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            event = event_update(event=event, data=form.to_data(), actor=request.user)
        except EventError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The event is saved."))
            return redirect(event)
    return render(request, "events/event_form.html", {"form": form, "event": event})


@require_POST
@login_required
def event_publish_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Show a draft to everyone."""
    return _act(request, pk, event_publish, _("The event is published."))


@require_POST
@login_required
def event_cancel_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Cancel an event; its registrants are told by e-mail."""
    return _act(request, pk, event_cancel, _("The event is cancelled; its registrants are told."))


def _act(
    request: AuthenticatedHttpRequest, pk: int, service: Callable[..., Any], done: str
) -> HttpResponse:
    event: Event = editable_event(request, pk)
    try:
        service(event=event, actor=request.user)
    except EventError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect(event)
