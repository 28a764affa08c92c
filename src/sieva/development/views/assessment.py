"""Assessment pages: a cohort's plan, score grid, attitude summary and results (office); the
rating form (facilitator, coach, peer); moderation and appeals."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from sieva.core.views import apply_errors, messages_of
from sieva.development.access import (
    get_appeal_for_user,
    get_component_for_user,
    get_own_result,
    get_personal_cohort_for_user,
    get_result_for_user,
)
from sieva.development.forms.assessment import (
    AppealDecisionForm,
    AppealForm,
    AttitudeForm,
    ComponentForm,
    ModerationForm,
)
from sieva.development.models import AttitudeRating
from sieva.development.selectors.assessment import cohort_assessment, rater_kind_for
from sieva.development.services import assessment as services
from sieva.development.views._common import own_employee_id, person_required, signed_in
from sieva.org.access import Capability, access_of
from sieva.org.models import Employee
from sieva.programs.models import Cohort, Enrollment

SCORE_FIELD = "s-{enrollment}-{component}"


def _page(request: HttpRequest, cohort: Cohort, status: int = 200, **extra: Any) -> HttpResponse:
    context = {
        "cohort": cohort,
        "grid": cohort_assessment(cohort),
        "can_edit": access_of(request).can(Capability.EDIT_PROGRAMS),
        "component_form": extra.pop("component_form", None) or ComponentForm(),
        "moderation_form": ModerationForm(),
        **extra,
    }
    return render(request, "development/assessment/cohort.html", context, status=status)


@signed_in
def cohort_page(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, get_personal_cohort_for_user(access_of(request), pk))


@require_POST
@signed_in
def component_add(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_personal_cohort_for_user(access_of(request), pk, write=True)
    form = ComponentForm(request.POST)
    if form.is_valid():
        try:
            services.component_add(actor=request.user, cohort=cohort, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Komponen penilaian ditambahkan."))
            return redirect("development:assessment", pk=cohort.pk)
    return _page(request, cohort, status=400, component_form=form)


@require_POST
@signed_in
def component_remove(request: HttpRequest, pk: int) -> HttpResponse:
    component = get_component_for_user(access_of(request), pk)
    cohort_id = component.plan.cohort_id
    services.component_remove(actor=request.user, component=component)
    messages.success(request, _("Komponen penilaian dihapus."))
    return redirect("development:assessment", pk=cohort_id)


@require_POST
@signed_in
def scores_save(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_personal_cohort_for_user(access_of(request), pk, write=True)
    entries = {}
    for key, value in request.POST.items():
        parts = key.split("-")
        if len(parts) == 3 and parts[0] == "s" and parts[1].isdigit() and parts[2].isdigit():
            entries[(int(parts[1]), int(parts[2]))] = value
    try:
        changed = services.scores_save(actor=request.user, cohort=cohort, entries=entries)
    except ValidationError as exc:
        return _page(
            request, cohort, status=400, score_errors=messages_of(exc), posted=request.POST
        )
    messages.success(request, _("%(count)d nilai disimpan.") % {"count": changed})
    return redirect("development:assessment", pk=cohort.pk)


@require_POST
@signed_in
def results_compute(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_personal_cohort_for_user(access_of(request), pk, write=True)
    try:
        computed, skipped = services.results_compute(actor=request.user, cohort=cohort)
    except ValidationError as exc:
        for text in messages_of(exc):
            messages.error(request, text)
    else:
        messages.success(
            request, _("Nilai akhir %(count)d peserta dihitung.") % {"count": computed}
        )
        for name, missing in skipped:
            messages.warning(
                request,
                _("%(name)s belum dihitung: belum ada nilai %(missing)s.")
                % {"name": name, "missing": missing},
            )
    return redirect("development:assessment", pk=cohort.pk)


@require_POST
@signed_in
def result_moderate(request: HttpRequest, pk: int) -> HttpResponse:
    result = get_result_for_user(access_of(request), pk, write=True)
    form = ModerationForm(request.POST)
    if form.is_valid():
        services.result_moderate(
            actor=request.user,
            result=result,
            attitude_score=form.cleaned_data["attitude_score"],
            note=form.cleaned_data["note"],
        )
        messages.success(request, _("Hasil moderasi disimpan."))
        return redirect("development:assessment", pk=result.enrollment.cohort_id)
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
    return redirect("development:assessment", pk=result.enrollment.cohort_id)


@require_http_methods(["GET", "POST"])
@signed_in
def appeal_decide(request: HttpRequest, pk: int) -> HttpResponse:
    appeal = get_appeal_for_user(access_of(request), pk)
    form = AppealDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.appeal_decide(actor=request.user, appeal=appeal, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Keputusan banding disimpan."))
            return redirect("development:assessment", pk=appeal.result.enrollment.cohort_id)
    context = {"appeal": appeal, "result": appeal.result, "form": form}
    return render(request, "development/assessment/appeal.html", context)


@require_http_methods(["GET", "POST"])
@person_required
def attitude_rate(request: HttpRequest, pk: int) -> HttpResponse:
    """A facilitator, coach or assigned peer rates one participant's attitude."""
    rater_id = own_employee_id(access_of(request))
    enrollment = get_object_or_404(
        Enrollment.objects.select_related("employee", "cohort__program"), pk=pk
    )
    kind = rater_kind_for(rater_id, enrollment)
    if kind is None:
        raise Http404
    earlier = AttitudeRating.objects.filter(enrollment=enrollment, rater_id=rater_id).first()
    initial = {**earlier.scores, "comment": earlier.comment} if earlier else {}
    form = AttitudeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.attitude_rate(
                actor=request.user,
                enrollment=enrollment,
                rater=Employee.objects.get(pk=rater_id),
                scores=form.scores(),
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request,
                _("Penilaian sikap %(name)s disimpan.") % {"name": enrollment.employee.name},
            )
            return redirect("development:me")
    context = {"enrollment": enrollment, "form": form, "rater_kind": kind, "earlier": earlier}
    return render(request, "development/assessment/rate.html", context)


@require_POST
@person_required
def appeal_file(request: HttpRequest, pk: int) -> HttpResponse:
    result = get_own_result(access_of(request), pk)
    form = AppealForm(request.POST)
    if form.is_valid():
        try:
            services.appeal_file(actor=request.user, result=result, **form.cleaned_data)
        except ValidationError as exc:
            for text in messages_of(exc):
                messages.error(request, text)
        else:
            messages.success(request, _("Banding Anda diajukan."))
    else:
        messages.error(request, _("Tuliskan alasan banding."))
    return redirect("development:me")
