"""Sign-in, sign-out, password change and reset: Django's views with SIEVA's forms, messages,
the sign-in lockout page (django-axes) and a rate limit on reset requests."""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from sieva.core.ratelimit import RateLimit
from sieva.org.account_forms import SievaPasswordChangeForm, SignInForm

TOO_MANY = 429
RESET_LIMIT = RateLimit("password-reset", "SIEVA_RESET_RATE_LIMIT", "SIEVA_RESET_RATE_WINDOW")


def locked_out(
    request: HttpRequest, credentials: Any = None, *args: Any, **kwargs: Any
) -> HttpResponse:
    """What django-axes shows after too many wrong passwords (AXES_LOCKOUT_CALLABLE)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"cooloff_minutes": minutes}
    return render(request, "registration/locked_out.html", context, status=TOO_MANY)


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


class PasswordResetView(auth_views.PasswordResetView):
    """Sends the reset link through the configured mail backend; without one it says so
    instead of pretending. Requests are rate-limited per address."""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "mail_configured": settings.SIEVA_MAIL_CONFIGURED,
        }

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not settings.SIEVA_MAIL_CONFIGURED:
            return self.get(request, *args, **kwargs)
        if not RESET_LIMIT.hit_request(request):
            return render(
                request,
                "registration/locked_out.html",
                {"cooloff_minutes": RESET_LIMIT.retry_after() // 60 + 1},
                status=TOO_MANY,
            )
        return super().post(request, *args, **kwargs)
