"""Errors of the agenda: a stable code for machines, a translated message for people."""

from coffee.core.errors import CoffeeError


class EventError(CoffeeError):
    default_code = "event"


class RegistrationError(CoffeeError):
    default_code = "registration"
