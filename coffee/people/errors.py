from typing import Any

from coffee.core.errors import CoffeeError


class RoleError(CoffeeError):
    default_code = "role"


class ProfileError(CoffeeError):
    """A profile change refused: bad photo, too many links or skills, unknown space..."""

    default_code = "profile"

    def __init__(self, message: Any, code: str | None = None, field: str | None = None) -> None:
        super().__init__(message, code)
        self.field = field


class CompanyError(CoffeeError):
    """A company refused: invalid enterprise or VAT number, duplicate, missing name..."""

    default_code = "company"

    def __init__(self, message: Any, code: str | None = None, field: str | None = None) -> None:
        super().__init__(message, code)
        self.field = field
