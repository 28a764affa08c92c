from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "sieva.evidence"
    label = "evidence"
    verbose_name = "Bukti kualitatif"
