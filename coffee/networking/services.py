"""Writes of the speed-networking planner: plan, close a round, re-plan, people who leave.

Planning may take seconds, so the seating is computed before the transaction; the write then
takes the plan's row lock and refuses to overwrite a plan changed in the meantime (the row's
``revision``). This keeps the write lock short, which matters on SQLite where it is global.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from coffee.core.audit import log_action
from coffee.events.models import Event, EventKind
from coffee.events.permissions import may_edit
from coffee.networking import planner
from coffee.networking.errors import NetworkingError, from_planner
from coffee.networking.models import NetworkingPlan
from coffee.networking.selectors import (
    id_order,
    networking_people,
    networking_plan_for,
    present_participants,
    seated_participants,
)

# Wall-clock cap of one planning run in a web request (the planner counts work, not time,
# and stops far earlier on usual sizes; the cap only protects the request).
PLAN_TIME_LIMIT = 20.0

T = TypeVar("T")


def networking_plan_create(
    *, event: Event, table_size: int, rounds: int, seed: int, actor: Any
) -> NetworkingPlan:
    """Seat the participants for every round; replaces a plan none of whose rounds was held.

    Raises NetworkingError (not_allowed, not_speed_networking, cancelled, started, changed, or a
    planner code such as too_few or table_size).
    """
    _check_may_organise(actor, event)
    existing = networking_plan_for(event=event)
    if existing is not None and existing.rounds_held:
        raise NetworkingError(
            _("Rounds have already been held: re-plan the remaining rounds instead."), "started"
        )
    people = networking_people(event=event)
    participants = present_participants(people, existing.departed if existing else [])
    seating = _planned(
        lambda: planner.plan(
            participants,
            table_size=table_size,
            rounds=rounds,
            seed=seed,
            time_limit=PLAN_TIME_LIMIT,
        )
    )
    figures = _planned(lambda: planner.quality(seated_participants(people, seating), seating))
    with transaction.atomic():
        plan = _locked(event, expected=existing) or NetworkingPlan(
            event=event, created_by=actor, revision=0
        )
        plan.table_size, plan.rounds, plan.seed = table_size, rounds, seed
        _store(plan, seating, figures)
        log_action(
            actor=actor,
            action="networking.plan.created",
            target=plan,
            data={**_settings(plan), "participants": len(participants), "quality": figures},
        )
    return plan


def networking_replan(*, plan: NetworkingPlan, actor: Any) -> NetworkingPlan:
    """Plan the remaining rounds for who is here now; rounds already held stay exactly as held.

    Raises NetworkingError (not_allowed, not_speed_networking, cancelled, over, changed, or a
    planner code such as too_few).
    """
    event = plan.event
    _check_may_organise(actor, event)
    if plan.is_over:
        raise NetworkingError(_("All rounds have been held: nothing is left to plan."), "over")
    people = networking_people(event=event)
    participants = present_participants(people, plan.departed)
    seating = _planned(
        lambda: planner.replan(
            participants,
            past_rounds=plan.plan[: plan.rounds_held],
            table_size=plan.table_size,
            rounds=plan.rounds,
            seed=plan.seed,
            time_limit=PLAN_TIME_LIMIT,
        )
    )
    figures = _planned(lambda: planner.quality(seated_participants(people, seating), seating))
    with transaction.atomic():
        current = _locked(event, expected=plan)
        assert current is not None  # _locked refused a vanished plan already
        _store(current, seating, figures)
        log_action(
            actor=actor,
            action="networking.plan.replanned",
            target=current,
            data={**_settings(current), "participants": len(participants), "quality": figures},
        )
    return current


@transaction.atomic
def networking_round_close(
    *, plan: NetworkingPlan, actor: Any, expected_round: int | None = None
) -> NetworkingPlan:
    """Mark the next round as held: from now on it never changes.

    ``expected_round`` (the round the organiser saw as next) guards against closing two
    rounds with two clicks. Raises NetworkingError (not_allowed, over, changed).
    """
    _check_may_organise(actor, plan.event, for_planning=False)
    current = NetworkingPlan.objects.select_for_update().get(pk=plan.pk)
    if current.is_over:
        raise NetworkingError(_("All rounds have already been held."), "over")
    if expected_round is not None and expected_round != current.next_round:
        raise _changed()
    current.rounds_held += 1
    current.revision += 1
    current.save(update_fields=["rounds_held", "revision", "updated_at"])
    log_action(
        actor=actor,
        action="networking.round.closed",
        target=current,
        data={"round": current.rounds_held, "rounds": current.rounds},
    )
    return current


@transaction.atomic
def networking_departure_set(
    *, plan: NetworkingPlan, person_id: str, departed: bool, actor: Any
) -> NetworkingPlan:
    """Record that someone left early (or came back); the next re-plan leaves them out (or in).

    Raises NetworkingError (not_allowed, not_seated).
    """
    _check_may_organise(actor, plan.event, for_planning=False)
    current = NetworkingPlan.objects.select_for_update().get(pk=plan.pk)
    if person_id not in current.seated_ids():
        raise NetworkingError(_("This person has no seat in the plan."), "not_seated")
    gone = set(current.departed)
    gone = gone | {person_id} if departed else gone - {person_id}
    current.departed = sorted(gone, key=id_order)
    current.revision += 1
    current.save(update_fields=["departed", "revision", "updated_at"])
    log_action(
        actor=actor,
        action="networking.participant.departed" if departed else "networking.participant.returned",
        target=current,
        data={"person": person_id},
    )
    return current


def _check_may_organise(actor: Any, event: Event, *, for_planning: bool = True) -> None:
    if not may_edit(actor, event):
        raise NetworkingError(
            _("Only the organisers of the event may plan its tables."), "not_allowed"
        )
    if event.kind != EventKind.SPEED_NETWORKING:
        raise NetworkingError(
            _("Tables are planned for speed-networking events only."), "not_speed_networking"
        )
    if for_planning and event.is_cancelled:
        raise NetworkingError(_("The event is cancelled."), "cancelled")


def _planned(compute: Callable[[], T]) -> T:
    """Run the planner, turning its errors into translated NetworkingErrors."""
    try:
        return compute()
    except planner.PlannerError as error:
        raise from_planner(error) from error


def _locked(event: Event, *, expected: NetworkingPlan | None) -> NetworkingPlan | None:
    """The event's plan, locked, provided it is still the one the seating was computed from."""
    current = NetworkingPlan.objects.select_for_update().filter(event=event).first()
    seen = expected.revision if expected is not None else None
    if (current.revision if current is not None else None) != seen:
        raise _changed()
    return current


def _store(plan: NetworkingPlan, seating: planner.Plan, figures: dict[str, object]) -> None:
    plan.plan = seating
    plan.quality = figures
    plan.revision += 1
    try:
        with transaction.atomic():
            plan.save()
    except IntegrityError as error:  # a plan for this event was created at the same time
        raise _changed() from error


def _changed() -> NetworkingError:
    return NetworkingError(
        _("Someone else changed the seating in the meantime: please look again."), "changed"
    )


def _settings(plan: NetworkingPlan) -> dict[str, int]:
    return {
        "table_size": plan.table_size,
        "rounds": plan.rounds,
        "seed": plan.seed,
        "rounds_held": plan.rounds_held,
    }
