"""Attendance at the door: a list to tick on a phone, filtered as one types."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from coffee.core.http import HtmxHttpRequest
from coffee.events.errors import RegistrationError
from coffee.events.models import Registration, RegistrationStatus
from coffee.events.selectors import attendance_list, registration_counts
from coffee.events.services import attendance_set
from coffee.events.views.common import editable_event


@login_required
def attendance(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The confirmed participants, by name; htmx asks for the filtered list only."""
    event = editable_event(request, pk)
    query = request.GET.get("q", "").strip()[:100]
    context = {
        "event": event,
        "query": query,
        "registrations": attendance_list(event=event, query=query),
        "counts": registration_counts(event=event),
    }
    template = "events/attendance.html#people" if request.htmx else "events/attendance.html"
    return render(request, template, context)


@require_POST
@login_required
def attendance_toggle(request: HtmxHttpRequest, pk: int, registration_pk: int) -> HttpResponse:
    """Mark one person present or absent; htmx swaps their row and the counts."""
    event = editable_event(request, pk)
    registration = get_object_or_404(
        Registration.objects.select_related("user", "event"),
        pk=registration_pk,
        event=event,
        status=RegistrationStatus.CONFIRMED,
    )
    attended = request.POST.get("attended") == "1"
    error = None
    try:
        registration = attendance_set(
            registration=registration, attended=attended, actor=request.user
        )
    except RegistrationError as refusal:
        error = refusal.message
    if not request.htmx:
        if error:
            messages.error(request, error)
        return redirect("events:attendance", pk=event.pk)
    context = {
        "event": event,
        "registration": registration,
        "error": error,
        "oob": True,
        "counts": registration_counts(event=event),
    }
    return render(request, "events/partials/_attendance_row.html", context)
