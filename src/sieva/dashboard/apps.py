from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "sieva.dashboard"
    label = "dashboard"
    verbose_name = "Dasbor pimpinan"

    def ready(self) -> None:
        # Imported here: the tasks use models, which Django loads after every app config.
        from sieva.core import jobs
        from sieva.dashboard.tasks import REFRESH_KIND

        # Nothing to end: the recomputation rolled back with its worker; the lost lease itself
        # tells the dashboard to say so.
        jobs.register(jobs.JobKind(REFRESH_KIND, lost=lambda key: None))
