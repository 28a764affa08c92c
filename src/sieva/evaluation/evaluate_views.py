"""The evaluation page of a scope (every level, with charts) and the comparison of regions."""

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from sieva.evaluation.charts import level_charts, region_charts
from sieva.evaluation.engine import Scope, evaluate
from sieva.evaluation.engine.regions import compare_regions
from sieva.evaluation.forms import EvaluationFilterForm
from sieva.org.access import Capability, capability_required


def _scope(data: dict[str, Any]) -> Scope:
    year = data.get("year")
    return Scope(
        program_id=data["program"].pk if data.get("program") else None,
        cohort_id=data["cohort"].pk if data.get("cohort") else None,
        node=data.get("node"),
        start=dt.date(year, 1, 1) if year else None,
        end=dt.date(year, 12, 31) if year else None,
        program_kind=data.get("kind") or "",
    )


@capability_required(Capability.VIEW_REPORTS)
def evaluation_page(request: HttpRequest) -> HttpResponse:
    access = request.access  # type: ignore[attr-defined]
    form = EvaluationFilterForm(request.GET, access=access)
    result = charts = None
    if form.is_valid():
        result = evaluate(access, _scope(form.cleaned_data))
        charts = level_charts(result)
    context = {"form": form, "result": result, "charts": charts}
    return render(request, "evaluation/evaluation.html", context)


@capability_required(Capability.VIEW_REPORTS)
def region_comparison(request: HttpRequest) -> HttpResponse:
    access = request.access  # type: ignore[attr-defined]
    form = EvaluationFilterForm(request.GET, access=access)
    comparison = charts = None
    if form.is_valid():
        comparison = compare_regions(access, _scope(form.cleaned_data))
        charts = region_charts(comparison)
    context = {
        "form": form,
        "comparison": comparison,
        "charts": charts,
        "title": _("Perbandingan wilayah"),
    }
    return render(request, "evaluation/regions.html", context)
