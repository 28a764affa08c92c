from django.apps import AppConfig


class DevelopmentConfig(AppConfig):
    name = "sieva.development"
    label = "development"
    verbose_name = "Pengembangan pegawai"
