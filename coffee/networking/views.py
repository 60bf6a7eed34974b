"""Speed-networking pages: the organisers' plan, its printable sheets, one's own sheet."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coffee.core.http import AuthenticatedHttpRequest
from coffee.events.models import Event, EventKind
from coffee.events.permissions import may_edit
from coffee.events.selectors import event_get
from coffee.networking import pdf
from coffee.networking.errors import NetworkingError
from coffee.networking.forms import DepartureForm, PlanForm, RoundCloseForm
from coffee.networking.models import NetworkingPlan
from coffee.networking.selectors import (
    networking_people,
    networking_plan_for,
    networking_plan_page,
    participant_sheets,
)
from coffee.networking.services import (
    networking_departure_set,
    networking_plan_create,
    networking_replan,
    networking_round_close,
)


def _networking_event(request: AuthenticatedHttpRequest, pk: int) -> Event:
    """A speed-networking event the visitor may see, or 404."""
    event = event_get(pk=pk, viewer=request.user)
    if event.kind != EventKind.SPEED_NETWORKING:
        raise Http404
    return event


def _organised(request: AuthenticatedHttpRequest, pk: int) -> Event:
    """The event if the visitor organises it (a host space's manager or a coordinator)."""
    event = _networking_event(request, pk)
    if not may_edit(request.user, event):
        raise PermissionDenied
    return event


def _plan_of(event: Event) -> NetworkingPlan:
    plan = networking_plan_for(event=event)
    if plan is None:
        raise Http404
    return plan


def _render_plan(
    request: AuthenticatedHttpRequest, event: Event, form: PlanForm | None = None, status: int = 200
) -> HttpResponse:
    context = {"page": networking_plan_page(event=event), "form": form or PlanForm()}
    return render(request, "networking/plan.html", context, status=status)


@login_required
def plan_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The organisers' page: settings, the tables of every round, the quality report."""
    return _render_plan(request, _organised(request, pk))


@require_POST
@login_required
def plan_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Plan every round with the table size, rounds and draw number given."""
    event = _organised(request, pk)
    form = PlanForm(request.POST)
    if not form.is_valid():
        return _render_plan(request, event, form, status=400)
    try:
        networking_plan_create(event=event, actor=request.user, **form.cleaned_data)
    except NetworkingError as error:
        messages.error(request, str(error.message))
        return _render_plan(request, event, form, status=400)
    messages.success(request, _("The tables are planned. Print the sheets when you are ready."))
    return redirect("networking:plan", pk=event.pk)


@require_POST
@login_required
def round_close(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Mark the next round as held; it never changes afterwards."""
    event = _organised(request, pk)
    form = RoundCloseForm(request.POST)
    expected = form.cleaned_data["round"] if form.is_valid() else None
    try:
        plan = networking_round_close(
            plan=_plan_of(event), actor=request.user, expected_round=expected
        )
    except NetworkingError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Round %(round)s is closed.") % {"round": plan.rounds_held})
    return redirect("networking:plan", pk=event.pk)


@require_POST
@login_required
def replan(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Plan the remaining rounds again for the people here now."""
    event = _organised(request, pk)
    try:
        networking_replan(plan=_plan_of(event), actor=request.user)
    except NetworkingError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(
            request, _("The remaining rounds are planned again. Print the new sheets.")
        )
    return redirect("networking:plan", pk=event.pk)


@require_POST
@login_required
def departure_set(request: AuthenticatedHttpRequest, pk: int, person: int) -> HttpResponse:
    """Record that someone left early, or came back."""
    event = _organised(request, pk)
    form = DepartureForm(request.POST)
    departed = form.is_valid() and form.cleaned_data["departed"]
    try:
        networking_departure_set(
            plan=_plan_of(event), person_id=str(person), departed=departed, actor=request.user
        )
    except NetworkingError as error:
        messages.error(request, str(error.message))
    return redirect("networking:plan", pk=event.pk)


@login_required
def table_sheets(request: AuthenticatedHttpRequest, pk: int, as_pdf: bool = False) -> HttpResponse:
    """A sheet per table, to print (HTML with a print stylesheet, or PDF)."""
    event = _organised(request, pk)
    plan = _plan_of(event)
    people = networking_people(event=event)
    html = pdf.table_sheets_html(request=request, event=event, plan=plan, people=people)
    if as_pdf:
        return pdf.pdf_response(html, filename=f"tables-{event.pk}.pdf")
    return HttpResponse(html)


@login_required
def participant_sheets_view(
    request: AuthenticatedHttpRequest, pk: int, as_pdf: bool = False
) -> HttpResponse:
    """A sheet per participant, each in their own language."""
    event = _organised(request, pk)
    plan = _plan_of(event)
    people = networking_people(event=event)
    html = pdf.participant_sheets_html(request=request, event=event, plan=plan, people=people)
    if as_pdf:
        return pdf.pdf_response(html, filename=f"participants-{event.pk}.pdf")
    return HttpResponse(html)


@login_required
def my_sheet(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """One's own tables, round by round (or a word that there is no seat yet)."""
    event = _networking_event(request, pk)
    plan = networking_plan_for(event=event)
    me = str(request.user.pk)
    people = networking_people(event=event) if plan else {}
    sheets = participant_sheets(plan=plan, people=people, only=me) if plan else []
    context = {"event": event, "plan": plan, "sheet": sheets[0] if sheets else None}
    return render(request, "networking/my_sheet.html", context)


@login_required
def my_sheet_pdf(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """One's own sheet as a PDF, in the language of the page it was asked from."""
    event = _networking_event(request, pk)
    plan = _plan_of(event)
    me = str(request.user.pk)
    if me not in plan.seated_ids():
        raise Http404
    people = networking_people(event=event)
    html = pdf.participant_sheets_html(
        request=request,
        event=event,
        plan=plan,
        people=people,
        only=me,
        language=get_language(),
    )
    return pdf.pdf_response(html, filename=f"my-tables-{event.pk}.pdf")
