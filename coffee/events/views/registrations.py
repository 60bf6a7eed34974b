"""Signing up, cancelling, and one's own agenda with its private calendar feed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coffee.core.http import AuthenticatedHttpRequest
from coffee.events.errors import RegistrationError
from coffee.events.selectors import (
    calendar_token_of,
    event_get,
    registration_list_for_user,
    registrations_of,
    waiting_rank,
)
from coffee.events.services import (
    calendar_token_regenerate,
    calendar_token_revoke,
    registration_cancel,
    registration_create,
)
from coffee.events.views.common import subscribe_links


@require_POST
@login_required
def registration_create_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Take a seat, or the next place on the waiting list."""
    event = event_get(pk=pk, viewer=request.user)
    try:
        registration = registration_create(event=event, user=request.user)
    except RegistrationError as error:
        messages.error(request, error.message)
        return redirect(event)
    if registration.is_confirmed:
        messages.success(request, _("You are registered. See you there!"))
    else:
        rank = waiting_rank(registration=registration)
        messages.info(
            request,
            _("The event is full: you are number %(rank)s on the waiting list.") % {"rank": rank},
        )
    return redirect(event)


@require_POST
@login_required
def registration_cancel_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Give one's seat (or place in the queue) back."""
    event = event_get(pk=pk, viewer=request.user)
    registration = registrations_of(user=request.user, events=[event]).get(event.pk)
    if registration is None:
        raise Http404
    try:
        registration_cancel(registration=registration, actor=request.user)
    except RegistrationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your registration is cancelled."))
    return redirect(event)


@login_required
def my_agenda(request: AuthenticatedHttpRequest) -> HttpResponse:
    """One's coming events, and the private address of one's calendar feed."""
    token = calendar_token_of(user=request.user)
    links = {}
    if token is not None:
        path = reverse("event-feeds:personal", kwargs={"token": token.token})
        links = subscribe_links(request, path)
    context = {
        "registrations": registration_list_for_user(user=request.user),
        "token": token,
        "personal": links,
    }
    return render(request, "events/my_agenda.html", context)


@require_POST
@login_required
def calendar_token_regenerate_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """A new private feed address; the old one stops working."""
    calendar_token_regenerate(user=request.user)
    messages.success(request, _("Your private calendar address is new: the old one is revoked."))
    return redirect("events:my-agenda")


@require_POST
@login_required
def calendar_token_revoke_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Switch the private feed off."""
    calendar_token_revoke(user=request.user)
    messages.success(request, _("Your private calendar address no longer works."))
    return redirect("events:my-agenda")
