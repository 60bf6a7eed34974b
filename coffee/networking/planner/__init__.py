"""Speed-networking seating planner: who sits with whom, round after round (pure Python).

Priorities, strictly in this order: nobody meets twice while avoidable, as many encounters
as possible cross a border, and people meet those who offer what they seek.
"""

from .csvio import read_participants_csv
from .errors import PlannerError, PlannerInputError
from .model import Participant, Plan, table_sizes
from .quality import quality
from .solver import plan, replan

__all__ = [
    "Participant",
    "Plan",
    "PlannerError",
    "PlannerInputError",
    "plan",
    "quality",
    "read_participants_csv",
    "replan",
    "table_sizes",
]
