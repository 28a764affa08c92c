from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in

from sieva.core.sessions import mark_renewed


class CoreConfig(AppConfig):
    """Domain-free helpers every app shares; it owns the site-wide templates and static files."""

    name = "sieva.core"
    label = "core"
    verbose_name = "SIEVA"

    def ready(self) -> None:
        user_logged_in.connect(mark_renewed, dispatch_uid="sieva-idle-session")
