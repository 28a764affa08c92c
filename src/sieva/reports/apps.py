from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "sieva.reports"
    label = "reports"
    verbose_name = "Laporan"
