"""The evaluation page of a scope (every level, with charts), the comparison of regions, and
the findings thresholds an admin sets for a subtree."""

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from sieva.evaluation import selectors, services
from sieva.evaluation.charts import level_charts, region_charts
from sieva.evaluation.engine import Scope, evaluate
from sieva.evaluation.engine.regions import compare_regions
from sieva.evaluation.findings.engine import active_language
from sieva.evaluation.forms import EvaluationFilterForm, NodeForm, ThresholdForm
from sieva.org.access import (
    Access,
    Capability,
    access_of,
    capability_required,
    get_org_unit_for_user,
)


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
    access = access_of(request)
    form = EvaluationFilterForm(request.GET, access=access)
    result = charts = None
    if form.is_valid():
        result = evaluate(access, _scope(form.cleaned_data))
        charts = level_charts(result)
    context = {"form": form, "result": result, "charts": charts}
    return render(request, "evaluation/evaluation.html", context)


@capability_required(Capability.VIEW_REPORTS)
def region_comparison(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
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


def _admin(request: HttpRequest) -> Access:
    access: Access = access_of(request)
    if not access.is_admin:
        raise PermissionDenied
    return access


@capability_required(Capability.VIEW_REPORTS)
def thresholds(request: HttpRequest) -> HttpResponse:
    access = _admin(request)
    form = NodeForm(request.GET or None, access=access)
    if form.is_valid():
        return redirect("evaluation:threshold_node", pk=form.cleaned_data["node"].pk)
    context = {"form": form, "overrides": selectors.overrides_in_scope(access)}
    return render(request, "evaluation/thresholds.html", context)


@capability_required(Capability.VIEW_REPORTS)
def threshold_node(request: HttpRequest, pk: int) -> HttpResponse:
    access = _admin(request)
    node = get_org_unit_for_user(access, pk)
    language = active_language()
    rows = selectors.threshold_rows(node, language)
    initial = {row.spec.key: row.here for row in rows}
    form = ThresholdForm(request.POST or None, language=language, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                for key, value in form.cleaned_data.items():
                    if value != initial.get(key):
                        services.threshold_set(
                            actor=request.user, access=access, node=node, key=key, value=value
                        )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Ambang temuan untuk %(node)s disimpan.") % {"node": node})
            return redirect("evaluation:threshold_node", pk=node.pk)
    context = {"node": node, "form": form, "rows": zip(rows, form, strict=True)}
    return render(request, "evaluation/threshold_node.html", context)
