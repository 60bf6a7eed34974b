from coffee.core.errors import CoffeeError


class RoleError(CoffeeError):
    default_code = "role"
