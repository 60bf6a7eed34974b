from coffee.core.errors import CoffeeError


class NetworkError(CoffeeError):
    default_code = "network"
