from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "sieva.programs"
    label = "programs"
    verbose_name = "Program pengembangan kompetensi"
