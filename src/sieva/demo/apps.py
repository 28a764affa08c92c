from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Beside the house: builds demo data through the apps; nothing imports it."""

    name = "sieva.demo"
    label = "demo"
    verbose_name = "Data demo"
