from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "sieva.audit"
    label = "audit"
    verbose_name = "Jejak audit"
