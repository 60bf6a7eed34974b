"""iCalendar feeds, parsed back with the icalendar library as a calendar program would."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import icalendar
import pytest
from django.urls import reverse

from coffee.events.models import EventStatus
from coffee.events.services import calendar_token_regenerate, registration_create
from coffee.events.tests.factories import DraftEventFactory, EventFactory, TrainingFactory
from coffee.network.tests.factories import FrenchRegionFactory, OrganisationFactory
from coffee.people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


@pytest.fixture(autouse=True)
def _site(settings) -> None:  # type: ignore[no-untyped-def]
    settings.SITE_URL = "https://coffee.example"


def fetch(client, url: str, **query: str) -> icalendar.Calendar:  # type: ignore[no-untyped-def]
    response = client.get(url, query)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def vevents(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_the_network_feed_lives_outside_the_language_prefix() -> None:
    assert reverse("event-feeds:network") == "/feeds/events.ics"


def test_the_network_feed_is_valid_with_time_zones_and_stable_uids(client) -> None:
    lille = OrganisationFactory.create(region=FrenchRegionFactory.create())
    start = dt.datetime(2031, 7, 1, 10, tzinfo=PARIS)
    paris_event = EventFactory.create(
        hosts=[lille],
        time_zone="Europe/Paris",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
    )
    brussels_event = EventFactory.create()
    first = fetch(client, "/feeds/events.ics")
    second = fetch(client, "/feeds/events.ics", lang="nl")
    assert first["VERSION"] == "2.0" and "PRODID" in first
    assert {tz["TZID"] for tz in first.walk("VTIMEZONE")} == {"Europe/Paris", "Europe/Brussels"}
    uids = {f"event-{paris_event.pk}@coffee.example", f"event-{brussels_event.pk}@coffee.example"}
    assert set(vevents(first)) == uids == set(vevents(second))
    entry = vevents(first)[f"event-{paris_event.pk}@coffee.example"]
    assert entry["DTSTART"].params["TZID"] == "Europe/Paris"
    assert entry.decoded("DTSTART") == start
    assert entry.decoded("DTSTART").astimezone(dt.UTC).hour == 8
    for name in ("DTSTAMP", "LAST-MODIFIED", "SEQUENCE", "URL", "SUMMARY", "LOCATION"):
        assert name in entry, name


def test_texts_follow_the_lang_parameter_and_default_to_french(client) -> None:
    event = EventFactory.create(title_fr="Atelier vélo", title_nl="Fietsworkshop")
    french = vevents(fetch(client, "/feeds/events.ics"))
    dutch = vevents(fetch(client, "/feeds/events.ics", lang="nl"))
    uid = f"event-{event.pk}@coffee.example"
    assert str(french[uid]["SUMMARY"]) == "Atelier vélo"
    assert str(dutch[uid]["SUMMARY"]) == "Fietsworkshop"
    assert str(dutch[uid]["URL"]) == f"https://coffee.example/nl/agenda/{event.pk}/"


def test_cancelled_events_are_marked_and_drafts_never_appear(client) -> None:
    cancelled = EventFactory.create(status=EventStatus.CANCELLED, sequence=2)
    draft = DraftEventFactory.create()
    entries = vevents(fetch(client, "/feeds/events.ics"))
    entry = entries[f"event-{cancelled.pk}@coffee.example"]
    assert entry["STATUS"] == "CANCELLED"
    assert entry["SEQUENCE"] == 2
    assert f"event-{draft.pk}@coffee.example" not in entries


def test_a_training_short_of_people_is_tentative(client) -> None:
    training = TrainingFactory.create()
    entry = vevents(fetch(client, "/feeds/events.ics"))[f"event-{training.pk}@coffee.example"]
    assert entry["STATUS"] == "TENTATIVE"


def test_a_space_feed_holds_the_events_it_hosts_even_with_others(client) -> None:
    space = OrganisationFactory.create(slug="esco-tournai")
    own = EventFactory.create(hosts=[space])
    shared = EventFactory.create(hosts=[OrganisationFactory.create(), space])
    EventFactory.create()
    entries = vevents(fetch(client, "/feeds/spaces/esco-tournai.ics"))
    assert set(entries) == {f"event-{own.pk}@coffee.example", f"event-{shared.pk}@coffee.example"}


def test_a_type_feed_holds_the_events_of_that_type(client) -> None:
    visit = EventFactory.create(kind="visit")
    EventFactory.create(kind="workshop")
    entries = vevents(fetch(client, "/feeds/types/visit.ics"))
    assert set(entries) == {f"event-{visit.pk}@coffee.example"}


def test_unknown_spaces_and_types_are_404(client) -> None:
    assert client.get("/feeds/spaces/nowhere.ics").status_code == 404
    assert client.get("/feeds/types/party.ics").status_code == 404


def test_the_personal_feed_holds_my_registrations_in_my_language(client) -> None:
    person = UserFactory.create(language="nl")
    mine = EventFactory.create(capacity=1, title_nl="Fietsworkshop")
    queued = EventFactory.create(capacity=1)
    EventFactory.create()
    registration_create(event=mine, user=person)
    registration_create(event=queued, user=UserFactory.create())
    registration_create(event=queued, user=person)
    token = calendar_token_regenerate(user=person).token
    entries = vevents(fetch(client, f"/feeds/me/{token}.ics"))
    assert set(entries) == {f"event-{mine.pk}@coffee.example", f"event-{queued.pk}@coffee.example"}
    assert str(entries[f"event-{mine.pk}@coffee.example"]["SUMMARY"]) == "Fietsworkshop"
    assert entries[f"event-{queued.pk}@coffee.example"]["STATUS"] == "TENTATIVE"


def test_a_regenerated_token_revokes_the_old_address(client) -> None:
    person = UserFactory.create()
    old = calendar_token_regenerate(user=person).token
    new = calendar_token_regenerate(user=person).token
    assert client.get(f"/feeds/me/{old}.ics").status_code == 404
    assert client.get(f"/feeds/me/{new}.ics").status_code == 200
    assert client.get("/feeds/me/guess.ics").status_code == 404


def test_a_revoked_feed_stops_working(client) -> None:
    person = UserFactory.create()
    client.force_login(person)
    client.post(reverse("events:calendar-token-regenerate"))
    token = person.calendar_token.token
    client.post(reverse("events:calendar-token-revoke"))
    assert client.get(f"/feeds/me/{token}.ics").status_code == 404


def test_one_event_downloads_as_an_ics_file(client) -> None:
    event = EventFactory.create()
    calendar = fetch(client, reverse("events:event-ics", kwargs={"pk": event.pk}))
    assert set(vevents(calendar)) == {f"event-{event.pk}@coffee.example"}
    assert calendar.walk("VTIMEZONE")


def test_a_draft_has_no_ics_file(client, manager, space) -> None:
    draft = DraftEventFactory.create(hosts=[space])
    client.force_login(manager)
    assert client.get(reverse("events:event-ics", kwargs={"pk": draft.pk})).status_code == 404


def test_the_network_feed_reads_a_constant_number_of_queries(
    client, django_assert_max_num_queries
) -> None:
    EventFactory.create()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as baseline:
        client.get("/feeds/events.ics")
    for _ in range(12):
        EventFactory.create(hosts=[OrganisationFactory.create(), OrganisationFactory.create()])
    with django_assert_max_num_queries(len(baseline)):
        client.get("/feeds/events.ics")


def test_the_online_link_is_only_in_the_feed_of_a_confirmed_participant(client) -> None:
    event = EventFactory.create(kind="online", place="", online_url="https://meet.example.org/x")
    person = UserFactory.create()
    registration_create(event=event, user=person)
    token = calendar_token_regenerate(user=person).token
    uid = f"event-{event.pk}@coffee.example"
    public = vevents(fetch(client, "/feeds/events.ics"))[uid]
    personal = vevents(fetch(client, f"/feeds/me/{token}.ics"))[uid]
    assert "meet.example.org" not in public.to_ical().decode()
    assert str(personal["LOCATION"]) == "https://meet.example.org/x"
    assert str(personal["CONFERENCE"]) == "https://meet.example.org/x"
