"""The speed-networking pages: who may open them, what they show, what they refuse."""

from __future__ import annotations

from html import unescape

import pytest
from django.urls import reverse
from django.utils.translation import gettext

from coffee.events.tests.factories import EventFactory
from coffee.networking.models import NetworkingPlan
from coffee.networking.services import (
    networking_departure_set,
    networking_plan_create,
    networking_replan,
    networking_round_close,
)
from coffee.networking.tests.factories import participants

pytestmark = pytest.mark.django_db

ORGANISER_PAGES = ["plan", "table-sheets", "table-sheets-pdf", "participant-sheets"]
ORGANISER_ACTIONS = ["plan-create", "round-close", "replan"]


def planned(event, actor, count=9, **settings) -> NetworkingPlan:  # type: ignore[no-untyped-def]
    participants(event, count)
    options = {"table_size": 3, "rounds": 4, "seed": 1} | settings
    return networking_plan_create(event=event, actor=actor, **options)


def url(name: str, event, **kwargs) -> str:  # type: ignore[no-untyped-def]
    return reverse(f"networking:{name}", kwargs={"pk": event.pk, **kwargs})


# Access


@pytest.mark.parametrize(
    ("who", "status"),
    [("member", 403), ("other_manager", 403), ("manager", 200), ("coordinator", 200)],
)
@pytest.mark.parametrize("name", ORGANISER_PAGES)
def test_only_the_organisers_and_coordinators_open_the_organiser_pages(
    as_, event, manager, who, status, name
) -> None:
    planned(event, manager)
    assert as_(who).get(url(name, event)).status_code == status


@pytest.mark.parametrize("name", [*ORGANISER_PAGES, "my-sheet"])
def test_visitors_are_asked_to_log_in(as_, event, name) -> None:
    response = as_("anonymous").get(url(name, event))
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize("name", ORGANISER_ACTIONS)
@pytest.mark.parametrize("who", ["member", "other_manager"])
def test_people_who_do_not_organise_the_event_may_not_change_its_plan(
    as_, event, manager, who, name
) -> None:
    plan = planned(event, manager)
    response = as_(who).post(url(name, event), {"table_size": 2, "rounds": 2, "seed": 1})
    assert response.status_code == 403
    assert NetworkingPlan.objects.get().revision == plan.revision


def test_a_workshop_has_no_speed_networking_page(as_, space) -> None:
    workshop = EventFactory.create(hosts=[space])
    assert as_("coordinator").get(url("plan", workshop)).status_code == 404


def test_the_pages_only_accept_posts_for_changes(as_, event, manager) -> None:
    planned(event, manager)
    assert as_("manager").get(url("replan", event)).status_code == 405


# The organiser's page


def test_before_planning_the_page_offers_the_settings_and_lists_the_participants(
    as_, event
) -> None:
    people = participants(event, 5)
    page = as_("manager").get(url("plan", event)).content.decode()
    assert 'name="table_size"' in page and 'name="rounds"' in page
    assert people[0].get_full_name() in unescape(page)
    assert (
        gettext("Everyone with a confirmed registration: attendance has not been taken yet.")
        in page
    )


def test_planning_from_the_page_seats_everyone_and_shows_the_tables(as_, event) -> None:
    participants(event, 9)
    client = as_("manager")
    response = client.post(url("plan-create", event), {"table_size": 3, "rounds": 4, "seed": 1})
    assert response.status_code == 302
    plan = NetworkingPlan.objects.get(event=event)
    assert len(plan.plan) == 4
    page = client.get(url("plan", event)).content.decode()
    assert gettext("Round %(round)s") % {"round": 4} in page
    assert gettext("Nobody meets the same person twice.") in page
    assert gettext("Re-plan the remaining rounds") in unescape(page)


def test_a_table_size_out_of_range_is_refused_with_the_form_again(as_, event) -> None:
    participants(event, 6)
    response = as_("manager").post(url("plan-create", event), {"table_size": 7, "rounds": 3})
    assert response.status_code == 400
    assert not NetworkingPlan.objects.exists()
    assert 'name="table_size"' in response.content.decode()


def test_planning_for_too_few_people_shows_why(as_, event) -> None:
    participants(event, 1)
    response = as_("manager").post(
        url("plan-create", event), {"table_size": 3, "rounds": 3, "seed": 1}
    )
    assert response.status_code == 400
    message = gettext("At least two participants are needed to plan the tables.")
    assert message in unescape(response.content.decode())


def test_the_quality_report_speaks_in_words_and_figures(as_, event, manager) -> None:
    planned(event, manager, count=8, table_size=2, rounds=3)
    page = as_("manager").get(url("plan", event)).content.decode()
    assert "100" in page  # every encounter crosses a border (BE and FR in turn)
    assert gettext("Cross-border encounters") in unescape(page)
    assert gettext("Sought skills met") in unescape(page)


def test_closing_a_round_from_the_page_marks_it_held(as_, event, manager) -> None:
    planned(event, manager)
    response = as_("manager").post(url("round-close", event), {"round": 1})
    assert response.status_code == 302
    assert NetworkingPlan.objects.get().rounds_held == 1
    page = as_("manager").get(url("plan", event)).content.decode()
    assert gettext("Held") in unescape(page)


def test_a_second_click_on_the_same_round_closes_nothing_more(as_, event, manager) -> None:
    planned(event, manager)
    client = as_("manager")
    client.post(url("round-close", event), {"round": 1})
    client.post(url("round-close", event), {"round": 1})
    assert NetworkingPlan.objects.get().rounds_held == 1


def test_re_planning_from_the_page_keeps_the_rounds_held(as_, event, manager) -> None:
    plan = networking_round_close(plan=planned(event, manager), actor=manager)
    held = plan.plan[0]
    participants(event, 1)
    page = as_("manager").get(url("plan", event)).content.decode()
    assert gettext("Since the tables were planned:") in unescape(page)
    response = as_("manager").post(url("replan", event))
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.plan[0] == held and len(plan.seated_ids(from_round=1)) == 10


def test_an_organiser_marks_someone_who_left_early(as_, event, manager) -> None:
    plan = planned(event, manager)
    leaver = plan.plan[0][0][0]
    response = as_("manager").post(
        url("departure-set", event, person=int(leaver)), {"departed": "1"}
    )
    assert response.status_code == 302
    assert NetworkingPlan.objects.get().departed == [leaver]


def test_the_organiser_page_takes_the_same_queries_for_any_number_of_people(
    as_, event, manager, django_assert_max_num_queries
) -> None:
    planned(event, manager, count=6)
    client = as_("manager")
    client.get(url("plan", event))
    with django_assert_max_num_queries(20) as small:
        client.get(url("plan", event))
    participants(event, 12)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url("plan", event))


# Sheets


def test_the_table_sheets_print_view_lists_each_table(as_, event, manager) -> None:
    planned(event, manager)
    page = as_("manager").get(url("table-sheets", event)).content.decode()
    assert page.count('class="sheet table-sheet"') == 3
    assert "@media print" in page


def test_the_participant_sheets_print_view_has_a_page_per_person_in_their_language(
    as_, event, manager
) -> None:
    planned(event, manager)
    page = as_("manager").get(url("participant-sheets", event)).content.decode()
    assert page.count('class="sheet participant-sheet"') == 9
    assert page.count('lang="nl"') == 3 and page.count('lang="en"') == 3


def test_the_pdfs_are_pdfs(as_, event, manager) -> None:
    planned(event, manager)
    for name in ["table-sheets-pdf", "participant-sheets-pdf"]:
        response = as_("manager").get(url(name, event))
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")


def test_someone_who_left_gets_no_sheet_for_the_rounds_to_come(as_, event, manager) -> None:
    plan = networking_round_close(plan=planned(event, manager), actor=manager)
    leaver = plan.plan[0][0][0]
    plan = networking_departure_set(plan=plan, person_id=leaver, departed=True, actor=manager)
    networking_replan(plan=plan, actor=manager)
    page = as_("manager").get(url("participant-sheets", event)).content.decode()
    assert page.count('class="sheet participant-sheet"') == 8


def test_a_participant_sees_their_own_sheet(client, event, manager) -> None:
    plan = planned(event, manager)
    me = plan.plan[0][0][0]
    client.force_login(event.registrations.get(user_id=int(me)).user)
    page = client.get(url("my-sheet", event)).content.decode()
    assert page.count('class="sheet participant-sheet"') == 1
    response = client.get(url("my-sheet-pdf", event))
    assert response["Content-Type"] == "application/pdf"


def test_someone_without_a_seat_is_told_so(as_, event, manager) -> None:
    planned(event, manager)
    page = as_("member").get(url("my-sheet", event)).content.decode()
    message = gettext("You have no seat in the speed-networking plan of this event.")
    assert message in unescape(page)
    assert as_("member").get(url("my-sheet-pdf", event)).status_code == 404


def test_before_planning_a_participant_is_told_to_come_back(client, event) -> None:
    people = participants(event, 3)
    client.force_login(people[0])
    page = client.get(url("my-sheet", event)).content.decode()
    assert "participant-sheet" not in page
    assert client.get(url("my-sheet-pdf", event)).status_code == 404


@pytest.mark.parametrize(("who", "status"), [("coordinator", 200), ("manager", 403)])
def test_the_admin_shows_plans_to_coordinators_only(as_, event, manager, who, status) -> None:
    planned(event, manager)
    response = as_(who).get(reverse("admin:networking_networkingplan_changelist"))
    assert response.status_code == status
