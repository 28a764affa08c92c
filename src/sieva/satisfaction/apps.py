from django.apps import AppConfig


class SatisfactionConfig(AppConfig):
    name = "sieva.satisfaction"
    label = "satisfaction"
    verbose_name = "Survei Kepuasan Masyarakat"

    def ready(self) -> None:
        # Imported here, not at the top: these modules use models, which Django loads only
        # after every app config (satisfaction may import instruments; decision 0020).
        from sieva.core import jobs
        from sieva.instruments.extensions import (
            register_campaign_receiver,
            register_standard_template,
        )
        from sieva.instruments.models import Purpose
        from sieva.satisfaction.instrument import skm_instrument_document
        from sieva.satisfaction.services.campaigns import skm_campaign_responses_store
        from sieva.satisfaction.services.import_jobs import JOB_KIND, skm_import_lost

        register_standard_template("skm", skm_instrument_document)
        register_campaign_receiver(Purpose.SKM, skm_campaign_responses_store)
        jobs.register(jobs.JobKind(JOB_KIND, lost=skm_import_lost))
