"""The counter tablet (decision 0055): the unit's form in kiosk mode, one citizen after another.

The address carries the device's signed token; a forged or revoked token is a 404 page that
tells the counter to ask staff for a new registration. No per-day cookie and no address limit
(the tablet serves everybody); identical answers count twice unless they come within
seconds (a double tap). After each submission the thank-you page returns to a blank form.
"""

import datetime as dt
from contextlib import suppress

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from sieva.satisfaction.elements import Source
from sieva.satisfaction.forms import SkmPublicForm
from sieva.satisfaction.models import CounterDevice
from sieva.satisfaction.services.kiosk import counter_device_from_token
from sieva.satisfaction.services.screening import screen_kiosk
from sieva.satisfaction.services.submission import (
    DuplicateResponse,
    skm_response_hold,
    skm_response_submit,
)
from sieva.satisfaction.views.form_page import form_page

KIOSK_RETURN_SECONDS = 8


def _device_or_page(request: HttpRequest, token: str) -> CounterDevice | HttpResponse:
    device = counter_device_from_token(token)
    if device is None:
        return render(request, "satisfaction/kiosk_unknown.html", status=404)
    if not device.unit.active:
        context = {"unit": device.unit}
        return render(request, "satisfaction/public_closed.html", context, status=410)
    return device


def _store(device: CounterDevice, form: SkmPublicForm) -> None:
    window = dt.timedelta(seconds=settings.SIEVA_SKM_KIOSK_DUPLICATE_SECONDS)
    fields = {
        "unit": device.unit,
        "answers": form.answers(),
        "profile": form.profile(),
        "suggestion": form.suggestion(),
        "source": Source.KIOSK,
        "fingerprint": f"kiosk:{device.pk}",
        "duplicate_window": window,
    }
    hold_reason = screen_kiosk(device=device).hold_reason
    if hold_reason:
        skm_response_hold(reason=hold_reason, **fields)
    else:
        skm_response_submit(**fields)


@never_cache
def kiosk_form(request: HttpRequest, token: str) -> HttpResponse:
    device = _device_or_page(request, token)
    if isinstance(device, HttpResponse):
        return device
    if request.method != "POST":
        return form_page(request, device.unit, None, kiosk=True)
    form = SkmPublicForm(request.POST)
    if not form.is_valid():
        return form_page(request, device.unit, form, kiosk=True)
    # A double tap: the first tap was stored; thank the citizen once.
    with suppress(DuplicateResponse):
        _store(device, form)
    return redirect("satisfaction:kiosk_thanks", token=token)


@never_cache
def kiosk_thanks(request: HttpRequest, token: str) -> HttpResponse:
    device = _device_or_page(request, token)
    if isinstance(device, HttpResponse):
        return device
    context = {"unit": device.unit, "token": token, "seconds": KIOSK_RETURN_SECONDS}
    return render(request, "satisfaction/kiosk_thanks.html", context)
