"""Double coding: the lead draws the sample for a second coder, everyone on the team sees the
agreement per code, and the lead adjudicates the disagreements."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sieva.core.exports import ExportTitle
from sieva.core.views import apply_errors, export
from sieva.evidence import services
from sieva.evidence.access import Ring, get_study_for_user, ring_of
from sieva.evidence.forms import AdjudicationForm, DoubleCodingForm
from sieva.evidence.models import Assignment
from sieva.evidence.selectors.agreement import agreement_report
from sieva.evidence.views.common import run_and_report
from sieva.org.access import Capability, access_of, capability_required

READ = Capability.VIEW_REPORTS


@capability_required(READ)
def double_coding(request: HttpRequest, pk: int) -> HttpResponse:
    study = get_study_for_user(access_of(request), pk, ring=Ring.LEAD)
    form = DoubleCodingForm(request.POST or None, study=study)
    if request.method == "POST" and form.is_valid():
        try:
            made = services.double_sample_draw(
                actor=request.user,
                study=study,
                share=form.cleaned_data["share"],
                coder=form.cleaned_data["coder"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request,
                _("%(n)d sumber diberikan kepada %(coder)s untuk dikode ganda.")
                % {"n": len(made), "coder": form.cleaned_data["coder"]},
            )
            return redirect("evidence:double_coding", pk=study.pk)
    assignments = (
        Assignment.objects.filter(source__study=study)
        .select_related("source", "coder")
        .order_by("source__label", "double", "coder__username")
    )
    context = {"study": study, "form": form, "assignments": assignments}
    return render(request, "evidence/double_coding.html", context)


@capability_required(READ)
def agreement(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    study = get_study_for_user(access, pk, ring=Ring.TEAM)
    report = agreement_report(study, with_disagreements=False)
    if "format" in request.GET:
        rows = [
            [
                row.code.name,
                None if row.alpha is None else row.alpha.alpha,
                None if row.kappa is None else row.kappa.kappa,
                row.alpha.n_units if row.alpha else 0,
                row.applied,
                row.band,
                "ya" if row.flagged else "",
            ]
            for row in report.codes
        ]
        headers = [
            _("Kode"),
            "alpha",
            "kappa",
            _("Unit"),
            _("Diterapkan"),
            _("Tafsiran"),
            _("Revisi"),
        ]
        return export(
            request,
            filename=f"kesepakatan-kajian-{study.pk}",
            title=ExportTitle(
                _("Kesepakatan antarpengode: %(study)s") % {"study": study.title},
                access.scope_label,
            ),
            headers=headers,
            rows=rows,
        )
    context = {
        "study": study,
        "report": report,
        "is_lead": ring_of(access, study) >= Ring.LEAD,
        "threshold": study.alpha_threshold,
    }
    return render(request, "evidence/agreement.html", context)


@capability_required(READ)
def adjudication(request: HttpRequest, pk: int) -> HttpResponse:
    study = get_study_for_user(access_of(request), pk, ring=Ring.LEAD)
    report = agreement_report(study)
    context = {"study": study, "report": report, "show_all": request.GET.get("semua") == "1"}
    return render(request, "evidence/adjudication.html", context)


@capability_required(READ)
@require_POST
def adjudicate(request: HttpRequest, pk: int) -> HttpResponse:
    study = get_study_for_user(access_of(request), pk, ring=Ring.LEAD)
    form = AdjudicationForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Keputusan adjudikasi tidak lengkap."))
    data = form.cleaned_data
    source = get_object_or_404(study.sources, pk=data["source"])
    code = get_object_or_404(study.codes, pk=data["code"])
    run_and_report(
        request,
        lambda: services.adjudicate(
            actor=request.user,
            source=source,
            code=code,
            start=data["start"],
            end=data["end"],
            applies=data["applies"],
            note=data["note"],
        ),
        _("Keputusan untuk kode %(code)s pada %(label)s disimpan.")
        % {"code": code.name, "label": source.label},
    )
    return redirect("evidence:adjudication", pk=study.pk)
