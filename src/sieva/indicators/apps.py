from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "sieva.indicators"
    label = "indicators"
    verbose_name = "Indikator kinerja unit"
