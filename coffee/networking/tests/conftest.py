"""A speed-networking event for the planner's tests (people: coffee/people/tests/fixtures.py)."""

from __future__ import annotations

import pytest

from coffee.events.models import Event
from coffee.network.models import Organisation
from coffee.networking.tests.factories import speed_networking_event


@pytest.fixture
def event(space: Organisation) -> Event:
    return speed_networking_event(space)
