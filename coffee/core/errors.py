"""Domain errors: a stable machine code and a translated message."""

from __future__ import annotations

from typing import Any


class CoffeeError(Exception):
    """Base of every domain error: `code` is for machines, `message` for people."""

    default_code = "error"

    def __init__(self, message: Any, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code or self.default_code

    def __str__(self) -> str:
        return str(self.message)
