from django.apps import AppConfig


class InstrumentsConfig(AppConfig):
    name = "sieva.instruments"
    label = "instruments"
    verbose_name = "Instrumen dan tanggapan"
