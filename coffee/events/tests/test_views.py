"""The agenda's pages and the organisers' pages: who may open them, what they show and refuse."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext

from coffee.events.models import Event, EventStatus
from coffee.events.services import registration_create
from coffee.events.tests.factories import (
    DraftEventFactory,
    EventFactory,
    in_days,
)
from coffee.network.tests.factories import FrenchRegionFactory, OrganisationFactory
from coffee.people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PEOPLE = ["anonymous", "member", "other_manager", "manager", "coordinator"]


def form_data(space, **changes) -> dict[str, object]:  # type: ignore[no-untyped-def]
    data = {
        "kind": "workshop",
        "host": space.pk,
        "title_fr": "Atelier comptabilité",
        "title_nl": "Workshop boekhouding",
        "time_zone": "",
        "starts_at": "2031-03-10T14:00",
        "ends_at": "2031-03-10T17:00",
        "place": "Salle Escaut",
        "capacity": "15",
        "price": "0",
        "audience": "everyone",
        "languages": ["fr", "nl"],
    }
    data.update(changes)
    return data


# The list and the month


def test_the_agenda_lists_published_events_for_everyone_and_drafts_for_their_editors(
    as_, space
) -> None:
    EventFactory.create(hosts=[space], title_fr="Atelier public")
    DraftEventFactory.create(hosts=[space], title_fr="Brouillon secret")
    anonymous = as_("anonymous").get(reverse("events:event-list")).content.decode()
    assert "Atelier public" in anonymous and "Brouillon secret" not in anonymous
    editor = as_("manager").get(reverse("events:event-list")).content.decode()
    assert "Brouillon secret" in editor


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ({"space": "mutualab"}, "Visite Lille"),
        ({"country": "FR"}, "Visite Lille"),
        ({"kind": "visit"}, "Visite Lille"),
        ({"language": "nl"}, "Atelier Tournai"),
    ],
)
def test_the_agenda_filters_by_space_country_type_and_language(client, query, shown) -> None:
    lille = OrganisationFactory.create(slug="mutualab", region=FrenchRegionFactory.create())
    EventFactory.create(title_fr="Visite Lille", kind="visit", hosts=[lille], languages=["fr"])
    EventFactory.create(title_fr="Atelier Tournai", languages=["fr", "nl"])
    body = client.get(reverse("events:event-list"), query).content.decode()
    hidden = {"Visite Lille", "Atelier Tournai"} - {shown}
    assert shown in body
    assert hidden.pop() not in body


def test_the_agenda_answers_htmx_with_the_results_only(client) -> None:
    EventFactory.create(title_fr="Atelier vélo")
    response = client.get(reverse("events:event-list"), HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="results"')
    assert "Atelier vélo" in body and "<html" not in body


def test_the_month_shows_an_event_on_its_local_day_with_its_zone(client) -> None:
    start = dt.datetime(2031, 3, 10, 14, tzinfo=dt.UTC)
    EventFactory.create(
        title_fr="Atelier mars", starts_at=start, ends_at=start + dt.timedelta(hours=2)
    )
    body = client.get(reverse("events:event-calendar"), {"month": "2031-03"}).content.decode()
    assert "Atelier mars" in body
    assert '<time datetime="2031-03-10">' in body
    assert "15:00" in body  # 14:00 UTC is 15:00 in Brussels in March


def test_every_agenda_page_links_its_feed_in_the_head_and_in_the_page(client, space) -> None:
    event = EventFactory.create(hosts=[space])
    pages = [
        reverse("events:event-list"),
        reverse("events:event-calendar"),
        event.get_absolute_url(),
    ]
    for url in pages:
        body = client.get(url).content.decode()
        assert '<link rel="alternate" type="text/calendar"' in body, url
        assert "webcal://testserver/feeds/events.ics?lang=fr" in body, url
        assert "http://testserver/feeds/events.ics?lang=fr" in body, url
    space_page = client.get(reverse("events:event-list"), {"space": space.slug})
    assert f"webcal://testserver/feeds/spaces/{space.slug}.ics" in space_page.content.decode()


def test_the_list_and_the_month_read_a_constant_number_of_queries(
    client, django_assert_max_num_queries, space
) -> None:
    def count(url: str, query: dict[str, str]) -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            client.get(url, query)
        return len(queries)

    month = in_days(10).strftime("%Y-%m")
    EventFactory.create(hosts=[space])
    baseline = {
        "list": count(reverse("events:event-list"), {}),
        "calendar": count(reverse("events:event-calendar"), {"month": month}),
    }
    for _ in range(15):
        event = EventFactory.create(
            hosts=[space, OrganisationFactory.create()], languages=["fr", "nl"]
        )
        registration_create(event=event, user=UserFactory.create())
    with django_assert_max_num_queries(baseline["list"]):
        client.get(reverse("events:event-list"))
    with django_assert_max_num_queries(baseline["calendar"]):
        client.get(reverse("events:event-calendar"), {"month": month})


# One event


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 404),
        ("member", 404),
        ("other_manager", 404),
        ("manager", 200),
        ("coordinator", 200),
    ],
)
def test_a_draft_is_seen_by_its_editors_only(as_, space, who, status) -> None:
    draft = DraftEventFactory.create(hosts=[space])
    assert as_(who).get(draft.get_absolute_url()).status_code == status


@pytest.mark.parametrize("who", PEOPLE)
def test_a_published_event_is_seen_by_everyone_with_its_zone_named(as_, space, who) -> None:
    start = dt.datetime(2031, 7, 1, 8, tzinfo=dt.UTC)
    event = EventFactory.create(
        hosts=[space],
        time_zone="Europe/Paris",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
    )
    body = as_(who).get(event.get_absolute_url()).content.decode()
    assert "10:00" in body and "Europe/Paris" in body and "CEST" in body


def test_the_online_link_is_shown_only_to_confirmed_participants(client, member) -> None:
    event = EventFactory.create(kind="online", place="", online_url="https://meet.example.org/abc")
    client.force_login(member)
    assert "meet.example.org" not in client.get(event.get_absolute_url()).content.decode()
    registration_create(event=event, user=member)
    assert "meet.example.org" in client.get(event.get_absolute_url()).content.decode()


# Organisers' pages


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),
        ("member", 403),
        ("other_manager", 200),
        ("manager", 200),
        ("coordinator", 200),
    ],
)
def test_the_new_event_page_is_for_managers_and_coordinators(as_, who, status) -> None:
    assert as_(who).get(reverse("events:event-create")).status_code == status


def test_a_manager_creates_an_event_in_local_time_of_the_host_space(client, manager, space) -> None:
    client.force_login(manager)
    response = client.post(reverse("events:event-create"), form_data(space))
    event = Event.objects.get()
    assert response.status_code == 302 and response.url == event.get_absolute_url()
    assert event.status == EventStatus.DRAFT
    assert event.starts_at == dt.datetime(2031, 3, 10, 13, tzinfo=dt.UTC)  # 14:00 in Brussels


def test_local_times_are_read_in_the_zone_chosen_in_the_form(client, coordinator, space) -> None:
    client.force_login(coordinator)
    data = form_data(space, time_zone="Europe/Paris", starts_at="2031-07-01T10:00")
    data["ends_at"] = "2031-07-01T12:00"
    client.post(reverse("events:event-create"), data)
    event = Event.objects.get()
    assert event.time_zone == "Europe/Paris"
    assert event.starts_at == dt.datetime(2031, 7, 1, 8, tzinfo=dt.UTC)


def test_an_event_at_a_space_that_left_is_refused_with_a_clear_message(client, coordinator) -> None:
    gone = OrganisationFactory.create(name="Ancien Espace", left_on=dt.date(2020, 6, 30))
    client.force_login(coordinator)
    response = client.post(reverse("events:event-create"), form_data(gone))
    message = gettext("%(space)s has left the network: it cannot host events any more.")
    assert response.status_code == 200
    assert escape(message % {"space": "Ancien Espace"}) in response.content.decode()
    assert not Event.objects.exists()


def test_the_edit_form_shows_local_times_of_the_event(client, manager, space) -> None:
    start = dt.datetime(2031, 7, 1, 8, tzinfo=dt.UTC)
    event = EventFactory.create(
        hosts=[space],
        time_zone="Europe/Paris",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
    )
    client.force_login(manager)
    body = client.get(reverse("events:event-update", kwargs={"pk": event.pk})).content.decode()
    assert 'value="2031-07-01T10:00"' in body


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),
        ("member", 403),
        ("other_manager", 403),
        ("manager", 200),
        ("coordinator", 200),
    ],
)
def test_the_edit_page_is_for_the_organisers_only(as_, space, who, status) -> None:
    event = EventFactory.create(hosts=[space])
    assert (
        as_(who).get(reverse("events:event-update", kwargs={"pk": event.pk})).status_code == status
    )


@pytest.mark.parametrize(
    ("who", "status", "published"),
    [
        ("anonymous", 302, False),
        ("member", 404, False),
        ("other_manager", 404, False),
        ("manager", 302, True),
        ("coordinator", 302, True),
    ],
)
def test_publishing_is_for_the_organisers_only(as_, space, who, status, published) -> None:
    draft = DraftEventFactory.create(hosts=[space])
    response = as_(who).post(reverse("events:event-publish", kwargs={"pk": draft.pk}))
    draft.refresh_from_db()
    assert response.status_code == status
    assert draft.is_published is published


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),
        ("member", 403),
        ("other_manager", 403),
        ("manager", 302),
        ("coordinator", 302),
    ],
)
def test_cancelling_an_event_is_for_the_organisers_only(as_, space, who, status) -> None:
    event = EventFactory.create(hosts=[space])
    response = as_(who).post(reverse("events:event-cancel", kwargs={"pk": event.pk}))
    event.refresh_from_db()
    assert response.status_code == status
    assert event.is_cancelled is (status == 302 and who != "anonymous")


def test_publishing_is_a_post_only(client, manager, space) -> None:
    client.force_login(manager)
    draft = DraftEventFactory.create(hosts=[space])
    assert client.get(reverse("events:event-publish", kwargs={"pk": draft.pk})).status_code == 405
