from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "sieva.programs"
    label = "programs"
    verbose_name = "Program pengembangan kompetensi"

    def ready(self) -> None:
        from sieva.org.hooks import on_employees_moved
        from sieva.programs.services.participation_store import participation_refresh_employees

        # The participation store is keyed by the participant's unit (decision 0069).
        on_employees_moved(participation_refresh_employees)
