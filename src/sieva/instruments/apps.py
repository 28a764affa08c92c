from django.apps import AppConfig


class InstrumentsConfig(AppConfig):
    name = "sieva.instruments"
    label = "instruments"
    verbose_name = "Instrumen dan tanggapan"

    def ready(self) -> None:
        # Imported here: the services use models, which Django loads after every app config.
        from sieva.core import jobs
        from sieva.instruments.imports.services import JOB_KIND, response_import_lost

        jobs.register(jobs.JobKind(JOB_KIND, lost=response_import_lost))
