"""The public link of a service unit and the files that carry it (QR PNG/SVG, A4 poster PDF)."""

import io

import segno
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from sieva.audit.services import audit_record
from sieva.org.models import OrgUnit
from sieva.satisfaction.models import SkmLink

QR_SOURCE = "qr"  # ?s=qr marks responses that came through a printed code


@transaction.atomic
def skm_link_for_unit(*, unit: OrgUnit, actor: object) -> SkmLink:
    """The unit's link, created (and audited) the first time staff ask for it."""
    link, created = SkmLink.objects.get_or_create(unit=unit)
    if created:
        audit_record(actor=actor, action="skm.link_create", obj=link, org_path=unit.path)
    return link


def public_path(link: SkmLink) -> str:
    return reverse("satisfaction:public_form", kwargs={"token": link.token})


def qr_target(base_url: str, link: SkmLink) -> str:
    return f"{base_url.rstrip('/')}{public_path(link)}?s={QR_SOURCE}"


def qr_png(url: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=10, border=4)
    return buffer.getvalue()


def qr_svg(url: str, *, standalone: bool = True) -> bytes:
    """SVG of the code; `standalone` adds the XML declaration a separate file needs."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", scale=10, border=4, xmldecl=standalone, svgns=True
    )
    return buffer.getvalue()


def poster_pdf(*, unit: OrgUnit, url: str, short_url: str) -> bytes:
    """An A4 poster: unit name, instructions in Indonesian, a large QR code and the short URL."""
    from weasyprint import HTML  # imported here: loading Pango costs ~0.3 s

    svg = qr_svg(url, standalone=False).decode()
    html = render_to_string(
        "satisfaction/poster.html", {"unit": unit, "qr_svg": svg, "short_url": short_url}
    )
    return HTML(string=html).write_pdf()  # type: ignore[no-any-return]
