"""SKM dashboards: service units in scope with their IKM, and one unit's elements and trend."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.utils.translation import gettext as _

from sieva.core.exports import ExportTitle
from sieva.core.labels import label
from sieva.core.views import export
from sieva.org.access import Access, Capability, access_of, capability_required
from sieva.satisfaction import selectors
from sieva.satisfaction.elements import ELEMENTS, SKM_ELEMENTS
from sieva.satisfaction.forms import PeriodForm
from sieva.satisfaction.models import HeldStatus, SkmHeldResponse
from sieva.satisfaction.periods import Period, month_period
from sieva.satisfaction.samples import sample_check
from sieva.satisfaction.selectors import IkmScore


def _period(request: HttpRequest, latest: Any) -> tuple[PeriodForm, Period | None]:
    form = PeriodForm(request.GET)
    period = form.cleaned_data["period"] if form.is_valid() else None
    if period is None and form.is_valid() and latest is not None:
        period = month_period(latest)
    return form, period


def _score_cells(score: IkmScore) -> list[Any]:
    """n, NRR per element, IKM, NIK, grade — blank beyond n when suppressed or empty."""
    if score.result is None:
        return [score.respondents, *[None] * len(ELEMENTS), None, None, None]
    r = score.result
    nrr = [round(r.elements[c].nrr, 4) if c in r.elements else None for c in ELEMENTS]
    return [score.respondents, *nrr, round(r.ikm, 4), r.nik, f"{r.grade} ({label(r.grade)})"]


def _headers() -> list[str]:
    return [
        _("Responden"),
        *[f"NRR {SKM_ELEMENTS[c].name}" for c in ELEMENTS],
        "IKM",
        _("Nilai konversi (NIK)"),
        _("Mutu"),
    ]


def _title(access: Access, title: str, period: Period) -> ExportTitle:
    return ExportTitle(title, access.scope_label, ((_("Periode"), period.label),))


@capability_required(Capability.VIEW_REPORTS)
def overview(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    units = list(selectors.service_units(access))
    form, period = _period(request, selectors.latest_month(selectors.service_units(access)))
    scores = selectors.scores_for_units([u.pk for u in units], period) if period else {}
    months = len(period.months) if period else 0
    rows = (
        [
            (unit, score, sample_check(score.respondents, unit.service_population, months))
            for unit in units
            for score in [scores[unit.pk]]
        ]
        if period
        else []
    )
    if "format" in request.GET and period is not None:
        table = [[unit.code, unit.name, period.key, *_score_cells(s)] for unit, s, _check in rows]
        return export(
            request,
            filename=f"ikm-{period.key}",
            title=_title(access, _("Indeks Kepuasan Masyarakat per unit layanan"), period),
            headers=[_("Kode unit"), _("Unit layanan"), _("Periode"), *_headers()],
            rows=table,
        )
    context = {"form": form, "period": period, "rows": rows, "min_cell": selectors.min_cell_size()}
    return render(request, "satisfaction/overview.html", context)


@capability_required(Capability.VIEW_REPORTS)
def unit_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    unit = selectors.get_service_unit_for_user(access, pk)
    form, period = _period(
        request, selectors.latest_month(selectors.service_units(access).filter(pk=unit.pk))
    )
    score = selectors.scores_for_units([unit.pk], period)[unit.pk] if period else None
    trend = selectors.trend(unit, period.last) if period else []
    if "format" in request.GET and period is not None:
        table = [[unit.code, unit.name, s.period.key, *_score_cells(s)] for s in trend]
        name = _("Tren 12 bulan IKM %(unit)s") % {"unit": unit.name}
        return export(
            request,
            filename=f"ikm-{slugify(unit.code)}-tren",
            title=_title(access, name, period),
            headers=[_("Kode unit"), _("Unit layanan"), _("Bulan"), *_headers()],
            rows=table,
        )
    elements = []
    if score is not None and score.result is not None:
        elements = [
            (SKM_ELEMENTS[c].name, score.result.elements[c])
            for c in ELEMENTS
            if c in score.result.elements
        ]
    population = unit.service_population
    context = {
        "unit": unit,
        "form": form,
        "period": period,
        "score": score,
        "sample": sample_check(score.respondents, population, len(period.months))
        if score is not None and period is not None
        else None,
        "elements": elements,
        "trend": [(s, sample_check(s.respondents, population, 1)) for s in trend],
        "min_cell": selectors.min_cell_size(),
        "held_pending": SkmHeldResponse.objects.filter(
            unit=unit, status=HeldStatus.PENDING
        ).count(),
        "can_review": access.can(Capability.EDIT_PROGRAMS),
    }
    return render(request, "satisfaction/unit_dashboard.html", context)
