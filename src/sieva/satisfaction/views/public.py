"""The citizen's pages: the SKM form behind a unit's public link, and the thank-you page.

No login; CSRF stays on (we serve the form). A light base template without htmx keeps the
page small on a phone. Submissions are rate-limited per IP and deduplicated (decision 0009).
"""

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from sieva.core.ratelimit import RateLimit, client_ip
from sieva.satisfaction.elements import Source
from sieva.satisfaction.forms import SkmPublicForm
from sieva.satisfaction.models import SkmLink
from sieva.satisfaction.services.links import QR_SOURCE
from sieva.satisfaction.services.submission import DuplicateResponse, skm_response_submit

_COOKIE_SALT = "sieva.skm.done"


def _link(token: str) -> SkmLink:
    return get_object_or_404(SkmLink.objects.select_related("unit"), token=token, is_active=True)


def _cookie_name(link: SkmLink) -> str:
    return f"skm_{link.pk}"


def _answered_today(request: HttpRequest, link: SkmLink) -> bool:
    value = request.get_signed_cookie(_cookie_name(link), default=None, salt=_COOKIE_SALT)
    return value == timezone.localdate().isoformat()


def _seconds_to_midnight() -> int:
    now = timezone.localtime()
    midnight = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(), now.tzinfo)
    return max(60, int((midnight - now).total_seconds()))


PUBLIC_LIMIT = RateLimit("skm", "SIEVA_SKM_RATE_LIMIT", "SIEVA_SKM_RATE_WINDOW")


@never_cache
def public_form(request: HttpRequest, token: str) -> HttpResponse:
    link = _link(token)
    context = {"unit": link.unit, "link": link}
    if not link.unit.active:  # a deactivated unit no longer collects answers (decision 0050)
        return render(request, "satisfaction/public_closed.html", context, status=410)
    if _answered_today(request, link):
        status = 409 if request.method == "POST" else 200
        return render(request, "satisfaction/public_already.html", context, status=status)
    form = SkmPublicForm(request.POST or None)
    if request.method == "POST":
        if not PUBLIC_LIMIT.hit_request(request):
            response = render(request, "satisfaction/public_rate_limited.html", context, status=429)
            response["Retry-After"] = str(PUBLIC_LIMIT.retry_after())
            return response
        if form.is_valid():
            source = Source.QR if request.GET.get("s") == QR_SOURCE else Source.WEB
            fingerprint = f"{client_ip(request)}|{request.META.get('HTTP_USER_AGENT', '')}"
            try:
                skm_response_submit(
                    unit=link.unit,
                    answers=form.answers(),
                    profile=form.profile(),
                    source=source,
                    fingerprint=fingerprint,
                )
            except DuplicateResponse as exc:
                context["message"] = str(exc)
                return render(request, "satisfaction/public_already.html", context, status=409)
            response = redirect("satisfaction:public_thanks", token=link.token)
            response.set_signed_cookie(
                _cookie_name(link),
                timezone.localdate().isoformat(),
                salt=_COOKIE_SALT,
                max_age=_seconds_to_midnight(),
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
            return response
    context["form"] = form
    return render(request, "satisfaction/public_form.html", context)


def public_thanks(request: HttpRequest, token: str) -> HttpResponse:
    link = _link(token)
    return render(request, "satisfaction/public_thanks.html", {"unit": link.unit, "link": link})
