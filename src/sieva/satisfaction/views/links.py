"""Staff page of a unit's public link, with its QR code (PNG, SVG) and A4 poster (PDF), and
the unit's counter tablets (register, revoke; decision 0055)."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sieva.org.access import Capability, access_of, capability_required
from sieva.org.models import OrgUnit
from sieva.satisfaction.models import CounterDevice, SkmLink
from sieva.satisfaction.selectors import get_service_unit_for_user
from sieva.satisfaction.services import kiosk, links


def _link_and_urls(request: HttpRequest, pk: int) -> tuple[OrgUnit, SkmLink, str, str]:
    """The scoped unit (404 outside the subtree), its link, the short URL and the QR URL."""
    unit = get_service_unit_for_user(access_of(request), pk)
    link = links.skm_link_for_unit(unit=unit, actor=request.user)
    short_url = request.build_absolute_uri(links.public_path(link))
    return unit, link, short_url, links.qr_target(request.build_absolute_uri("/"), link)


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _link_page(request: HttpRequest, pk: int, **extra: Any) -> HttpResponse:
    unit, link, short_url, qr_url = _link_and_urls(request, pk)
    context = {
        "unit": unit,
        "link": link,
        "short_url": short_url,
        "qr_url": qr_url,
        "devices": CounterDevice.objects.filter(unit=unit).select_related("created_by"),
        "can_manage": access_of(request).can(Capability.EDIT_PROGRAMS),
        **extra,
    }
    return render(request, "satisfaction/unit_link.html", context)


@capability_required(Capability.VIEW_REPORTS)
def unit_link(request: HttpRequest, pk: int) -> HttpResponse:
    return _link_page(request, pk)


@require_POST
@capability_required(Capability.EDIT_PROGRAMS)
def device_register(request: HttpRequest, pk: int) -> HttpResponse:
    """Register a counter tablet; its kiosk address is shown on this response only."""
    unit = get_service_unit_for_user(access_of(request), pk)
    try:
        device, token = kiosk.counter_device_register(
            unit=unit, name=request.POST.get("name", ""), actor=request.user
        )
    except ValueError as exc:
        return _link_page(request, pk, device_error=str(exc))
    kiosk_url = request.build_absolute_uri(kiosk.kiosk_path(token))
    return _link_page(request, pk, new_device=device, kiosk_url=kiosk_url)


@require_POST
@capability_required(Capability.EDIT_PROGRAMS)
def device_revoke(request: HttpRequest, pk: int, device_pk: int) -> HttpResponse:
    unit = get_service_unit_for_user(access_of(request), pk)
    device = get_object_or_404(CounterDevice, pk=device_pk, unit=unit)
    kiosk.counter_device_revoke(device=device, actor=request.user)
    messages.success(request, _("Tablet %(name)s dicabut.") % {"name": device.name})
    return redirect("satisfaction:unit_link", pk=unit.pk)


@capability_required(Capability.VIEW_REPORTS)
def qr_png(request: HttpRequest, pk: int) -> HttpResponse:
    unit, _link, _short, qr_url = _link_and_urls(request, pk)
    return _download(links.qr_png(qr_url), "image/png", f"qr-skm-{unit.code}.png")


@capability_required(Capability.VIEW_REPORTS)
def qr_svg(request: HttpRequest, pk: int) -> HttpResponse:
    unit, _link, _short, qr_url = _link_and_urls(request, pk)
    return _download(links.qr_svg(qr_url), "image/svg+xml", f"qr-skm-{unit.code}.svg")


@capability_required(Capability.VIEW_REPORTS)
def poster_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    unit, _link, short_url, qr_url = _link_and_urls(request, pk)
    pdf = links.poster_pdf(unit=unit, url=qr_url, short_url=short_url)
    return _download(pdf, "application/pdf", f"poster-skm-{unit.code}.pdf")
