"""The evaluation page of a scope (every level, with charts), the comparison of regions, and
the findings thresholds an admin sets for a subtree."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from sieva.evaluation import selectors, services
from sieva.evaluation.findings.engine import active_language
from sieva.evaluation.forms import EvaluationFilterForm, NodeForm, ThresholdForm
from sieva.evaluation.stored import evaluation_for, stored_refresh
from sieva.org.access import (
    Access,
    Capability,
    access_of,
    capability_required,
    get_org_unit_for_user,
)


@require_http_methods(["GET", "POST"])
@capability_required(Capability.VIEW_REPORTS)
def evaluation_page(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    if request.method == "POST":
        return _recompute(request, access)
    form = EvaluationFilterForm(request.GET, access=access)
    evaluated = None
    if form.is_valid():
        evaluated = evaluation_for(access, form.scope())
    context = {
        "form": form,
        "result": evaluated.result if evaluated else None,
        "charts": evaluated.charts if evaluated else None,
        "evaluated": evaluated,
        "can_recompute": access.can(Capability.EDIT_PROGRAMS),
    }
    return render(request, "evaluation/evaluation.html", context)


def _recompute(request: HttpRequest, access: Access) -> HttpResponse:
    """ "Hitung ulang": the stored evaluation of this scope, computed again now."""
    if not access.can(Capability.EDIT_PROGRAMS):
        raise PermissionDenied
    form = EvaluationFilterForm(request.POST, access=access)
    if not form.is_valid():
        raise Http404
    stored_refresh(access, form.scope())
    messages.success(request, _("Evaluasi cakupan ini dihitung ulang."))
    query = {k: v for k, v in request.POST.items() if k != "csrfmiddlewaretoken"}
    return redirect(f"{request.path}?{urlencode(query)}")


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
