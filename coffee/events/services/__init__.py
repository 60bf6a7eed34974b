"""Writes of the agenda: one transaction each, keyword-only, named <entity>_<verb>."""

from coffee.events.services.events import (
    EventData,
    event_cancel,
    event_create,
    event_publish,
    event_update,
)
from coffee.events.services.registrations import (
    attendance_set,
    registration_cancel,
    registration_create,
    waiting_list_promote,
)
from coffee.events.services.tokens import calendar_token_regenerate, calendar_token_revoke
from coffee.events.services.trainings import training_decide, training_minimum_check

__all__ = [
    "EventData",
    "attendance_set",
    "calendar_token_regenerate",
    "calendar_token_revoke",
    "event_cancel",
    "event_create",
    "event_publish",
    "event_update",
    "registration_cancel",
    "registration_create",
    "training_decide",
    "training_minimum_check",
    "waiting_list_promote",
]
