from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo data for local development; no models, and no other app imports it."""

    name = "coffee.demo"
    label = "demo"
