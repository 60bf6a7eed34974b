"""The seating plan: database rules, planning, closing rounds, re-planning, who takes part."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from django.utils.translation import gettext

from coffee.core.models import AuditEntry
from coffee.events.services import registration_cancel, registration_create
from coffee.events.tests.factories import EventFactory, happening_now
from coffee.network.tests.factories import FrenchRegionFactory, OrganisationFactory
from coffee.networking.errors import PLANNER_MESSAGES, NetworkingError, from_planner
from coffee.networking.models import NetworkingPlan
from coffee.networking.planner import PlannerError, quality
from coffee.networking.selectors import networking_people, present_ids
from coffee.networking.services import (
    networking_departure_set,
    networking_plan_create,
    networking_replan,
    networking_round_close,
)
from coffee.networking.tests.factories import mark_present, participant, participants
from coffee.people.tests.factories import ProfileFactory, UserFactory

pytestmark = pytest.mark.django_db


def plan_for(event, actor, *, table_size=3, rounds=4, seed=1) -> NetworkingPlan:  # type: ignore[no-untyped-def]
    return networking_plan_create(
        event=event, table_size=table_size, rounds=rounds, seed=seed, actor=actor
    )


def seated(plan: NetworkingPlan, round_index: int) -> list[str]:
    return sorted(pid for table in plan.plan[round_index] for pid in table)


def pairs(plan: NetworkingPlan) -> list[tuple[str, str]]:
    return [
        (a, b)
        for tables in plan.plan
        for table in tables
        for i, a in enumerate(table)
        for b in table[i + 1 :]
    ]


# The database keeps the rules


@pytest.mark.parametrize("size", [1, 7])
def test_the_database_refuses_a_table_size_outside_2_to_6(event, size) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        NetworkingPlan.objects.create(event=event, table_size=size, rounds=3)


def test_the_database_refuses_more_rounds_held_than_rounds(event) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        NetworkingPlan.objects.create(event=event, table_size=4, rounds=3, rounds_held=4)


def test_the_database_refuses_a_plan_without_rounds(event) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        NetworkingPlan.objects.create(event=event, table_size=4, rounds=0)


def test_an_event_has_one_plan_at_most(event) -> None:
    NetworkingPlan.objects.create(event=event, table_size=4, rounds=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        NetworkingPlan.objects.create(event=event, table_size=3, rounds=2)


# Planning


def test_a_plan_seats_every_confirmed_participant_in_every_round_without_repeats(
    event, manager
) -> None:
    people = participants(event, 9)
    plan = plan_for(event, manager)
    ids = sorted(str(user.pk) for user in people)
    assert len(plan.plan) == 4
    for round_index in range(4):
        assert seated(plan, round_index) == ids
        assert all(len(table) == 3 for table in plan.plan[round_index])
    assert len(pairs(plan)) == len(set(map(frozenset, pairs(plan))))
    assert plan.quality["repeated_pairs"] == 0
    assert plan.rounds_held == 0 and plan.created_by == manager


def test_tables_hold_one_person_fewer_when_the_count_does_not_divide(event, manager) -> None:
    participants(event, 10)
    plan = plan_for(event, manager, table_size=4, rounds=2)
    assert [sorted(len(t) for t in tables) for tables in plan.plan] == [[3, 3, 4]] * 2


def test_the_same_draw_number_gives_the_same_seating(event, manager) -> None:
    participants(event, 12)
    first = plan_for(event, manager, table_size=4, rounds=3, seed=7).plan
    again = plan_for(event, manager, table_size=4, rounds=3, seed=7).plan
    assert first == again


def test_the_plan_favours_encounters_across_the_border(event, manager) -> None:
    participants(event, 8, countries=("BE", "FR"))
    plan = plan_for(event, manager, table_size=2, rounds=3)
    assert plan.quality["cross_border_share"] == 1.0


def test_people_meet_someone_who_offers_what_they_seek_when_possible(event, manager) -> None:
    participant(event, first_name="Anna", offers=["design"], seeks=["accounting"])
    participant(event, first_name="Bram", country="FR", offers=["accounting"], seeks=["design"])
    for name, country in [("Carl", "BE"), ("Dora", "BE"), ("Emma", "FR"), ("Fred", "FR")]:
        participant(event, first_name=name, country=country)
    plan = plan_for(event, manager, table_size=2, rounds=1)
    assert plan.quality["sought_met_share"] == 1.0
    assert plan.quality["cross_border_share"] == 1.0


def test_planning_leaves_a_trail_in_the_audit_log(event, manager) -> None:
    participants(event, 6)
    plan = plan_for(event, manager)
    entry = AuditEntry.objects.get(action="networking.plan.created")
    assert entry.actor == manager and entry.object_id == str(plan.pk)
    assert entry.data["table_size"] == 3 and entry.data["participants"] == 6


def test_a_coordinator_may_plan_any_event(event, coordinator) -> None:
    participants(event, 4)
    assert plan_for(event, coordinator).plan


@pytest.mark.parametrize("who", ["member", "other_manager"])
def test_only_the_organisers_may_plan(event, request, who) -> None:
    participants(event, 4)
    with pytest.raises(NetworkingError) as refusal:
        plan_for(event, request.getfixturevalue(who))
    assert refusal.value.code == "not_allowed"
    assert not NetworkingPlan.objects.exists()


def test_a_workshop_has_no_tables_to_plan(space, manager) -> None:
    workshop = EventFactory.create(hosts=[space])
    with pytest.raises(NetworkingError) as refusal:
        plan_for(workshop, manager)
    assert refusal.value.code == "not_speed_networking"


def test_planning_for_one_person_is_refused_with_a_translated_message(event, manager) -> None:
    participants(event, 1)
    with pytest.raises(NetworkingError) as refusal:
        plan_for(event, manager)
    assert refusal.value.code == "too_few"
    assert str(refusal.value.message) == gettext(
        "At least two participants are needed to plan the tables."
    )


def test_every_planner_error_code_has_a_translated_message() -> None:
    error = from_planner(PlannerError("The table size must be...", "table_size"))
    assert error.code == "table_size" and error.message == PLANNER_MESSAGES["table_size"]
    unknown = from_planner(PlannerError("Something new.", "brand_new"))
    assert unknown.code == "brand_new"
    assert str(unknown.message) == gettext("The tables could not be planned.")


def test_planning_again_replaces_the_plan_until_a_round_is_held(event, manager) -> None:
    participants(event, 8)
    plan_for(event, manager, table_size=4, rounds=2)
    plan = plan_for(event, manager, table_size=2, rounds=3)
    assert NetworkingPlan.objects.count() == 1
    assert (plan.table_size, plan.rounds, len(plan.plan)) == (2, 3, 3)
    networking_round_close(plan=plan, actor=manager)
    with pytest.raises(NetworkingError) as refusal:
        plan_for(event, manager)
    assert refusal.value.code == "started"


# Rounds held


def test_closing_a_round_marks_it_held_and_leaves_a_trail(event, manager) -> None:
    participants(event, 6)
    plan = networking_round_close(plan=plan_for(event, manager), actor=manager, expected_round=1)
    assert plan.rounds_held == 1 and plan.next_round == 2
    entry = AuditEntry.objects.get(action="networking.round.closed")
    assert entry.data == {"round": 1, "rounds": 4}


def test_closing_a_round_twice_by_a_double_click_closes_it_once(event, manager) -> None:
    participants(event, 6)
    plan = plan_for(event, manager)
    networking_round_close(plan=plan, actor=manager, expected_round=1)
    with pytest.raises(NetworkingError) as refusal:
        networking_round_close(plan=plan, actor=manager, expected_round=1)
    assert refusal.value.code == "changed"
    plan.refresh_from_db()
    assert plan.rounds_held == 1


def test_no_round_is_left_to_close_after_the_last(event, manager) -> None:
    participants(event, 4)
    plan = plan_for(event, manager, table_size=2, rounds=1)
    plan = networking_round_close(plan=plan, actor=manager)
    with pytest.raises(NetworkingError) as refusal:
        networking_round_close(plan=plan, actor=manager)
    assert refusal.value.code == "over"
    with pytest.raises(NetworkingError) as again:
        networking_replan(plan=plan, actor=manager)
    assert again.value.code == "over"


def test_a_member_may_not_close_a_round(event, manager, member) -> None:
    participants(event, 4)
    plan = plan_for(event, manager)
    with pytest.raises(NetworkingError) as refusal:
        networking_round_close(plan=plan, actor=member)
    assert refusal.value.code == "not_allowed"


# Late arrivals and departures


def test_once_attendance_is_taken_only_the_people_present_are_seated(event, manager) -> None:
    people = participants(event, 8)
    happening_now(event)
    mark_present(event, people[:6], by=manager)
    plan = plan_for(event, manager)
    assert seated(plan, 0) == sorted(str(u.pk) for u in people[:6])


def test_replanning_keeps_the_rounds_held_and_seats_a_late_arrival(event, manager) -> None:
    people = participants(event, 9)
    happening_now(event)
    mark_present(event, people[:8], by=manager)
    plan = plan_for(event, manager, table_size=3, rounds=4)
    plan = networking_round_close(plan=plan, actor=manager)
    plan = networking_round_close(plan=plan, actor=manager)
    held = plan.plan[:2]
    mark_present(event, people[8:], by=manager)

    plan = networking_replan(plan=plan, actor=manager)

    assert plan.plan[:2] == held
    everyone = sorted(str(u.pk) for u in people)
    assert seated(plan, 2) == everyone and seated(plan, 3) == everyone
    assert AuditEntry.objects.filter(action="networking.plan.replanned").count() == 1


def test_replanning_leaves_out_someone_who_left_early(event, manager) -> None:
    people = participants(event, 9)
    plan = networking_round_close(
        plan=plan_for(event, manager, table_size=3, rounds=3), actor=manager
    )
    leaver = str(people[0].pk)
    plan = networking_departure_set(plan=plan, person_id=leaver, departed=True, actor=manager)
    assert plan.departed == [leaver]

    plan = networking_replan(plan=plan, actor=manager)

    assert leaver in seated(plan, 0)
    assert leaver not in seated(plan, 1) and leaver not in seated(plan, 2)
    assert len(seated(plan, 1)) == 8
    # The encounters of the round held still count, the leaver's included.
    everyone = [person.participant for person in networking_people(event=event).values()]
    assert plan.quality == quality(everyone, plan.plan)
    assert AuditEntry.objects.filter(action="networking.participant.departed").exists()


def test_someone_back_after_all_is_seated_again(event, manager) -> None:
    people = participants(event, 6)
    plan = plan_for(event, manager)
    pid = str(people[0].pk)
    plan = networking_departure_set(plan=plan, person_id=pid, departed=True, actor=manager)
    plan = networking_departure_set(plan=plan, person_id=pid, departed=False, actor=manager)
    assert plan.departed == []
    assert pid in seated(networking_replan(plan=plan, actor=manager), 0)


def test_only_people_with_a_seat_can_leave_early(event, manager, member) -> None:
    participants(event, 4)
    plan = plan_for(event, manager)
    with pytest.raises(NetworkingError) as refusal:
        networking_departure_set(plan=plan, person_id=str(member.pk), departed=True, actor=manager)
    assert refusal.value.code == "not_seated"


def test_a_replan_computed_from_an_outdated_plan_is_refused(event, manager, coordinator) -> None:
    participants(event, 6)
    plan = plan_for(event, manager)
    stale = NetworkingPlan.objects.get(pk=plan.pk)
    networking_round_close(plan=plan, actor=coordinator)
    with pytest.raises(NetworkingError) as refusal:
        networking_replan(plan=stale, actor=manager)
    assert refusal.value.code == "changed"


def test_someone_who_cancelled_before_the_event_loses_their_seat_at_the_next_replan(
    event, manager
) -> None:
    people = participants(event, 10)
    plan = plan_for(event, manager)
    registration_cancel(registration=people[0].event_registrations.get(), actor=people[0])
    plan = networking_replan(plan=plan, actor=manager)
    assert str(people[0].pk) not in plan.seated_ids()


# Who takes part, as the planner sees them


def test_participants_carry_their_country_and_skills_as_keys(event) -> None:
    anna = participant(event, first_name="Anna", country="FR", offers=["design"], seeks=["law"])
    person = networking_people(event=event)[str(anna.pk)]
    assert person.participant.country == "FR"
    assert person.participant.offers == frozenset({"design"})
    assert person.participant.seeks == frozenset({"law"})
    assert person.name == "Anna Test" and person.language == "fr"


def test_without_a_country_on_the_profile_the_home_space_country_counts(event) -> None:
    lille = OrganisationFactory.create(region=FrenchRegionFactory.create())
    user = UserFactory.create(first_name="Zoé")
    ProfileFactory.create(user=user, country="", home_space=lille)
    registration_create(event=event, user=user)
    assert networking_people(event=event)[str(user.pk)].country == "FR"


def test_reading_the_participants_takes_the_same_queries_for_any_number(
    event, django_assert_num_queries
) -> None:
    participants(event, 3)
    with django_assert_num_queries(3):
        networking_people(event=event)
    participants(event, 9)
    with django_assert_num_queries(3):
        assert len(networking_people(event=event)) == 12


def test_without_attendance_every_confirmed_person_takes_part(event) -> None:
    people = participants(event, 4)
    ids = present_ids(networking_people(event=event), departed=[str(people[0].pk)])
    assert ids == {str(u.pk) for u in people[1:]}
