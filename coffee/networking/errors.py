"""Errors of the speed-networking pages, and the planner's errors in the reader's language."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from coffee.core.errors import CoffeeError
from coffee.networking.planner import PlannerError

# The planner's messages are plain English for developers; people read these instead.
PLANNER_MESSAGES: dict[str, Promise] = {
    "table_size": _("The number of people per table must be between 2 and 6."),
    "rounds": _("There must be at least one round."),
    "time_limit": _("The planner was given no time to work."),
    "too_few": _("At least two participants are needed to plan the tables."),
    "duplicate_id": _("The same participant appears twice."),
    "unknown_id": _("The seating names someone who is not a participant."),
    "past_rounds": _("More rounds have been held than the session has."),
    "past_seating": _("Someone sat at two tables in a round already held."),
    "missing_column": _("A column is missing from the file."),
    "empty_id": _("A line of the file has no id."),
}
UNKNOWN_PLANNER_ERROR = _("The tables could not be planned.")


class NetworkingError(CoffeeError):
    default_code = "networking"


def planner_message(error: PlannerError) -> Promise:
    """The translated message for a planner error, by its stable code."""
    return PLANNER_MESSAGES.get(error.code, UNKNOWN_PLANNER_ERROR)


def from_planner(error: PlannerError) -> NetworkingError:
    """A NetworkingError with the planner's code and a translated message."""
    return NetworkingError(planner_message(error), error.code)
