"""Sign-in, sign-out and password change: Django's views with SIEVA's forms and messages."""

from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from sieva.org.account_forms import SievaPasswordChangeForm, SignInForm


class SignInView(auth_views.LoginView):
    authentication_form = SignInForm


class SignOutView(auth_views.LogoutView):
    """Signs out, then tells the user so on the sign-in page it redirects to."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        # After the session is flushed: the message travels in the message cookie.
        messages.info(request, _("Anda telah keluar."))
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = SievaPasswordChangeForm
