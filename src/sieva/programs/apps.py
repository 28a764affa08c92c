from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "sieva.programs"
    label = "programs"
    verbose_name = "Program pengembangan kompetensi"

    def ready(self) -> None:
        from sieva.org.hooks import on_employees_moved, on_units_changed
        from sieva.programs.selectors.jp_units import jp_units_refresh
        from sieva.programs.services.participation_store import participation_refresh_employees

        # Stores keyed by the participant's unit (decision 0069) and counted per unit (0070).
        on_employees_moved(participation_refresh_employees)
        on_units_changed(jp_units_refresh)
