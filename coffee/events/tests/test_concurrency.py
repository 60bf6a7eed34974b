"""200 people click "Register" at once for 50 seats: never more than 50 confirmed.

Real threads, each with its own database connection and its own logged-in client, go
through the registration page; the database's lock (IMMEDIATE transactions on SQLite, the
event row's lock on PostgreSQL) decides who comes first.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from coffee.events.models import Event, Registration, RegistrationStatus
from coffee.events.tests.factories import EventFactory
from coffee.people.tests.factories import UserFactory

PEOPLE = 200
SEATS = 50
WORKERS = 32


@pytest.mark.django_db(transaction=True)
def test_two_hundred_concurrent_registrations_fill_fifty_seats_and_queue_the_rest_in_order() -> (
    None
):
    event = EventFactory.create(capacity=SEATS)
    url = reverse("events:registration-create", kwargs={"pk": event.pk})
    clients = []
    for n in range(PEOPLE):
        client = Client()
        client.force_login(UserFactory.create(email=f"rush{n}@example.org"))
        clients.append(client)
    start = threading.Barrier(WORKERS, timeout=60)
    started = threading.local()

    def register(client: Client) -> int:
        try:
            if not getattr(started, "done", False):
                started.done = True
                start.wait()  # every worker's first request leaves at the same moment
            return client.post(url).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        statuses = list(pool.map(register, clients))

    assert statuses == [302] * PEOPLE
    registrations = Registration.objects.filter(event=event)
    confirmed = registrations.filter(status=RegistrationStatus.CONFIRMED)
    waiting = list(registrations.filter(status=RegistrationStatus.WAITING).order_by("pk"))
    assert confirmed.count() == SEATS
    assert Event.objects.get(pk=event.pk).confirmed_count == SEATS
    assert len(waiting) == PEOPLE - SEATS
    assert [r.waiting_position for r in waiting] == list(range(1, PEOPLE - SEATS + 1))
    assert [r.created_at for r in waiting] == sorted(r.created_at for r in waiting)
    assert max(confirmed.values_list("pk", flat=True)) < waiting[0].pk
