from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "sieva.dashboard"
    label = "dashboard"
    verbose_name = "Dasbor pimpinan"
