"""Registering on the pages, taking attendance at the door, one's own agenda and feed."""

from __future__ import annotations

from html import unescape

import pytest
from django.urls import reverse
from django.utils.translation import gettext

from coffee.events.models import Registration, RegistrationStatus
from coffee.events.services import registration_create
from coffee.events.tests.factories import EventFactory, happening_now, in_days
from coffee.people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


# Registration


def test_an_anonymous_visitor_is_sent_to_log_in_to_register(client) -> None:
    event = EventFactory.create()
    response = client.post(reverse("events:registration-create", kwargs={"pk": event.pk}))
    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert not Registration.objects.exists()


@pytest.mark.parametrize("who", ["member", "other_manager", "manager", "coordinator"])
def test_anyone_logged_in_registers_and_cancels(as_, space, who) -> None:
    event = EventFactory.create(hosts=[space])
    client = as_(who)
    client.post(reverse("events:registration-create", kwargs={"pk": event.pk}))
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED
    client.post(reverse("events:registration-cancel", kwargs={"pk": event.pk}))
    assert Registration.objects.get().status == RegistrationStatus.CANCELLED


def test_registering_twice_shows_the_translated_refusal(client, member) -> None:
    event = EventFactory.create()
    registration_create(event=event, user=member)
    client.force_login(member)
    url = reverse("events:registration-create", kwargs={"pk": event.pk})
    response = client.post(url, follow=True)
    assert gettext("You are already registered for this event.") in unescape(
        response.content.decode()
    )


def test_a_full_event_tells_the_person_their_place_on_the_waiting_list(client, member) -> None:
    event = EventFactory.create(capacity=1)
    registration_create(event=event, user=UserFactory.create())
    client.force_login(member)
    url = reverse("events:registration-create", kwargs={"pk": event.pk})
    body = unescape(client.post(url, follow=True).content.decode())
    message = gettext("The event is full: you are number %(rank)s on the waiting list.")
    assert message % {"rank": 1} in body


def test_cancelling_without_a_registration_is_a_404(client, member) -> None:
    client.force_login(member)
    event = EventFactory.create()
    url = reverse("events:registration-cancel", kwargs={"pk": event.pk})
    assert client.post(url).status_code == 404


# Attendance at the door


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
def test_the_door_list_is_for_the_organisers_only(as_, space, who, status) -> None:
    event = EventFactory.create(hosts=[space])
    assert as_(who).get(reverse("events:attendance", kwargs={"pk": event.pk})).status_code == status


def test_the_door_list_filters_as_one_types(client, manager, space) -> None:
    event = EventFactory.create(hosts=[space])
    registration_create(event=event, user=UserFactory.create(first_name="Zoé", last_name="Lambert"))
    registration_create(
        event=event, user=UserFactory.create(first_name="Ahmed", last_name="Benali")
    )
    client.force_login(manager)
    url = reverse("events:attendance", kwargs={"pk": event.pk})
    body = client.get(url, {"q": "lamb"}, HTTP_HX_REQUEST="true").content.decode()
    assert body.lstrip().startswith('<ul id="people"')
    assert "Lambert" in body and "Benali" not in body


def test_ticking_a_name_marks_it_present_and_updates_the_counts(client, manager, space) -> None:
    event = EventFactory.create(hosts=[space])
    registration = registration_create(event=event, user=UserFactory.create())
    happening_now(event)
    client.force_login(manager)
    url = reverse(
        "events:attendance-toggle", kwargs={"pk": event.pk, "registration_pk": registration.pk}
    )
    body = client.post(url, {"attended": "1"}, HTTP_HX_REQUEST="true").content.decode()
    registration.refresh_from_db()
    assert registration.attended
    assert 'aria-pressed="true"' in body
    assert 'id="attendance-counts" class="door-counts" hx-swap-oob="true"' in body


def test_ticking_before_the_day_shows_the_translated_refusal(client, manager, space) -> None:
    event = EventFactory.create(hosts=[space], starts_at=in_days(5))
    registration = registration_create(event=event, user=UserFactory.create())
    client.force_login(manager)
    url = reverse(
        "events:attendance-toggle", kwargs={"pk": event.pk, "registration_pk": registration.pk}
    )
    body = client.post(url, {"attended": "1"}, HTTP_HX_REQUEST="true").content.decode()
    assert gettext("Attendance is taken from the day of the event.") in body
    registration.refresh_from_db()
    assert not registration.attended


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
def test_ticking_is_for_the_organisers_only(as_, space, who, status) -> None:
    event = EventFactory.create(hosts=[space])
    registration = registration_create(event=event, user=UserFactory.create())
    happening_now(event)
    url = reverse(
        "events:attendance-toggle", kwargs={"pk": event.pk, "registration_pk": registration.pk}
    )
    response = as_(who).post(url, {"attended": "1"}, HTTP_HX_REQUEST="true")
    registration.refresh_from_db()
    assert response.status_code == status
    assert registration.attended is (status == 200)


# My agenda and its private feed


@pytest.mark.parametrize(("who", "status"), [("anonymous", 302), ("member", 200), ("manager", 200)])
def test_my_agenda_is_for_people_logged_in(as_, who, status) -> None:
    assert as_(who).get(reverse("events:my-agenda")).status_code == status


def test_my_agenda_lists_my_events_and_my_private_feed_address(client, member) -> None:
    event = EventFactory.create(title_fr="Atelier vélo")
    registration_create(event=event, user=member)
    client.force_login(member)
    client.post(reverse("events:calendar-token-regenerate"))
    body = client.get(reverse("events:my-agenda")).content.decode()
    token = member.calendar_token.token
    assert "Atelier vélo" in body
    assert f"webcal://testserver/feeds/me/{token}.ics" in body
    assert f"http://testserver/feeds/me/{token}.ics" in body


def test_the_private_feed_pages_refuse_a_get(client, member) -> None:
    client.force_login(member)
    assert client.get(reverse("events:calendar-token-regenerate")).status_code == 405
    assert client.get(reverse("events:calendar-token-revoke")).status_code == 405
