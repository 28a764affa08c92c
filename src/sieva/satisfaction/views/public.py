"""The citizen's pages: the SKM form behind a unit's public link, and the thank-you page.

No login; CSRF stays on (we serve the form). A light base template without htmx keeps the
page small on a phone. A personal phone passes the screening of decision 0055 (a generous
limit per unit and address; bursts held for review, not blocked); a counter tablet uses
`views.kiosk`. The blank form comes from `form_page` (decision 0056).
"""

import datetime as dt
import time

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from sieva.core.ratelimit import client_ip
from sieva.satisfaction.elements import Source
from sieva.satisfaction.forms import SkmPublicForm
from sieva.satisfaction.models import SkmLink
from sieva.satisfaction.services.links import QR_SOURCE
from sieva.satisfaction.services.screening import screen_phone
from sieva.satisfaction.services.submission import (
    DuplicateResponse,
    skm_response_hold,
    skm_response_submit,
)
from sieva.satisfaction.views.form_page import form_page

_COOKIE_SALT = "sieva.skm.done"


def _link(token: str) -> SkmLink:
    return get_object_or_404(SkmLink.objects.select_related("unit"), token=token, is_active=True)


# Blank-form GETs read the link from a per-process memo for `_LINK_SECONDS` (decision 0056):
# the one query a GET would otherwise make. A submission always reads the database, so a
# closed link or unit stops counting at once; its form may show for up to that long.
_LINK_SECONDS = 30.0
_LINK_MEMO_SIZE = 4096
_links: dict[str, tuple[float, SkmLink]] = {}


def link_memo_clear() -> None:
    """Forget the memoised links (tests reuse a token across databases)."""
    _links.clear()


def _link_for_display(token: str) -> SkmLink:
    now = time.monotonic()
    hit = _links.get(token)
    if hit is not None and now - hit[0] < _LINK_SECONDS:
        return hit[1]
    link = _link(token)
    if len(_links) >= _LINK_MEMO_SIZE:
        _links.clear()
    _links[token] = (now, link)
    return link


def _cookie_name(link: SkmLink) -> str:
    return f"skm_{link.pk}"


def _answered_today(request: HttpRequest, link: SkmLink) -> bool:
    value = request.get_signed_cookie(_cookie_name(link), default=None, salt=_COOKIE_SALT)
    return value == timezone.localdate().isoformat()


def _seconds_to_midnight() -> int:
    now = timezone.localtime()
    midnight = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(), now.tzinfo)
    return max(60, int((midnight - now).total_seconds()))


def _store(request: HttpRequest, link: SkmLink, form: SkmPublicForm) -> HttpResponse | None:
    """Screen and store a valid submission; a response for a refusal, None when stored."""
    context = {"unit": link.unit, "link": link}
    address = client_ip(request)
    user_agent = str(request.META.get("HTTP_USER_AGENT", ""))
    screening = screen_phone(unit_id=link.unit_id, address=address, user_agent=user_agent)
    if not screening.allowed:
        response = render(request, "satisfaction/public_rate_limited.html", context, status=429)
        response["Retry-After"] = str(screening.retry_after)
        return response
    fields = {
        "unit": link.unit,
        "answers": form.answers(),
        "profile": form.profile(),
        "suggestion": form.suggestion(),
        "source": Source.QR if request.GET.get("s") == QR_SOURCE else Source.WEB,
        "fingerprint": f"{address}|{user_agent}",
    }
    try:
        if screening.hold_reason:
            skm_response_hold(reason=screening.hold_reason, **fields)
        else:
            skm_response_submit(**fields)
    except DuplicateResponse as exc:
        context["message"] = str(exc)
        return render(request, "satisfaction/public_already.html", context, status=409)
    return None


@never_cache
def public_form(request: HttpRequest, token: str) -> HttpResponse:
    link = _link(token) if request.method == "POST" else _link_for_display(token)
    context = {"unit": link.unit, "link": link}
    if not link.unit.active:  # a deactivated unit no longer collects answers (decision 0050)
        return render(request, "satisfaction/public_closed.html", context, status=410)
    if _answered_today(request, link):
        status = 409 if request.method == "POST" else 200
        return render(request, "satisfaction/public_already.html", context, status=status)
    if request.method != "POST":
        return form_page(request, link.unit, None, kiosk=False)
    form = SkmPublicForm(request.POST)
    if not form.is_valid():
        return form_page(request, link.unit, form, kiosk=False)
    refused = _store(request, link, form)
    if refused is not None:
        return refused
    # A held submission thanks the citizen like a counted one: review is staff's business.
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


def public_thanks(request: HttpRequest, token: str) -> HttpResponse:
    link = _link(token)
    return render(request, "satisfaction/public_thanks.html", {"unit": link.unit, "link": link})
