from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Domain-free helpers every app shares; it owns the site-wide templates and static files."""

    name = "sieva.core"
    label = "core"
    verbose_name = "SIEVA"
