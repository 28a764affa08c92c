from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "sieva.api"
    label = "api"
    verbose_name = "API"
