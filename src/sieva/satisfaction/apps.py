from django.apps import AppConfig


class SatisfactionConfig(AppConfig):
    name = "sieva.satisfaction"
    label = "satisfaction"
    verbose_name = "Survei Kepuasan Masyarakat"
