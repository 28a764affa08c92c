from django import forms
from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in

from sieva.core.sessions import mark_renewed
from sieva.core.text import NoControlCharacters


class CoreConfig(AppConfig):
    """Domain-free helpers every app shares; it owns the site-wide templates and static files."""

    name = "sieva.core"
    label = "core"
    verbose_name = "SIEVA"

    def ready(self) -> None:
        user_logged_in.connect(mark_renewed, dispatch_uid="sieva-idle-session")
        # Every text field of every form (ModelForms, the admin, the login) refuses invisible
        # control characters: one place, so no form can forget it (decision 0065). Fields
        # with their own validators (e-mail, URL, slug) refuse them already.
        forms.CharField.default_validators = [NoControlCharacters()]
