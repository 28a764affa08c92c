"""Downloads of the official SKM report of one service unit and period (PDF, DOCX); scoped
like the unit's SKM pages (another instansi's unit is a 404)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.text import slugify

from sieva.org.access import Capability, access_of, capability_required
from sieva.reports.skm import DOCX_TYPE, PDF_TYPE, render_skm_docx, render_skm_pdf, skm_document
from sieva.satisfaction.periods import parse_period
from sieva.satisfaction.publication import default_period, quarter_of
from sieva.satisfaction.selectors import get_service_unit_for_user

RENDERERS = {"pdf": (render_skm_pdf, PDF_TYPE), "docx": (render_skm_docx, DOCX_TYPE)}


@capability_required(Capability.VIEW_REPORTS)
def skm_report_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in RENDERERS:
        raise Http404
    unit = get_service_unit_for_user(access_of(request), pk)
    try:
        period = parse_period(request.GET["period"]) if request.GET.get("period") else None
    except ValueError:
        raise Http404 from None
    # Before the first answer: this quarter's report, which says there is no data yet.
    period = period or default_period(unit) or quarter_of(timezone.localdate())
    render_file, content_type = RENDERERS[fmt]
    author = request.user.get_full_name() or request.user.get_username()
    content = render_file(skm_document(unit, period, author=author))
    response = HttpResponse(content, content_type=content_type)
    name = f"laporan-skm-{slugify(unit.code)}-{period.key}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
