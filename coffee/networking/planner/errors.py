"""Errors raised by the seating planner, each carrying a stable machine code."""

from __future__ import annotations


class PlannerError(Exception):
    """A request the planner cannot serve; ``code`` is stable, ``message`` is plain English.

    The Django layer translates by ``code``, so codes must never change meaning.
    """

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class PlannerInputError(PlannerError):
    """A defect in uploaded participant data; ``line`` is the 1-based line of the culprit."""

    def __init__(self, message: str, code: str, line: int) -> None:
        super().__init__(message, code)
        self.line = line
