"""Career pages: a person's development record (gaps, IDP, readiness, appraisals; the 9-box
only for BKPSDM), the office's competency standards and gap closure, the talent grid and the
succession candidates."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from sieva.core.views import apply_errors, messages_of
from sieva.development.access import get_person_for_user, is_own_or_line
from sieva.development.forms.careers import (
    AppraisalForm,
    CompetencyAssessmentForm,
    PotentialForm,
    ProgramTargetForm,
    StandardForm,
)
from sieva.development.models import (
    Appraisal,
    Competency,
    DevelopmentPlan,
    PotentialAssessment,
    ProgramCompetency,
    TalentPlacement,
)
from sieva.development.selectors.assessment import results_of
from sieva.development.selectors.careers import (
    person_gaps,
    plan_of,
    program_gap_closure,
    standards_in,
)
from sieva.development.selectors.talent import readiness, succession, talent_grid
from sieva.development.services import careers as services
from sieva.development.views._common import signed_in
from sieva.org.access import Access, Capability, access_of, capability_required
from sieva.org.models import Employee, OrgUnit
from sieva.programs.access import programs_for_user
from sieva.programs.selectors.learning_record import employee_learning


def _competencies(employee_unit: OrgUnit) -> Any:
    """The standard dictionary and the technical competencies of the person's instansi."""
    ids = [int(part) for part in employee_unit.path.strip("/").split("/") if part]
    return Competency.objects.filter(Q(owner__isnull=True) | Q(owner_id__in=ids))


def _may_appraise(access: Access, employee: Employee) -> bool:
    """The direct supervisor gives the appraisal; BKPSDM's admins may record it too."""
    if access.employee_id is not None and access.employee_id == employee.supervisor_id:
        return True
    return access.can(Capability.EDIT_PEOPLE) and access.covers(employee.unit)


def _person_context(request: HttpRequest, employee: Employee, **forms: Any) -> dict[str, Any]:
    access = access_of(request)
    today = timezone.localdate()
    standard, gaps = person_gaps(employee)
    own = access.employee_id == employee.pk
    talent = access.can(Capability.VIEW_TALENT) and access.covers(employee.unit)
    return {
        "person": employee,
        "own": own,
        "standard": standard,
        "gaps": gaps,
        "plan": plan_of(employee, today.year),
        "year": today.year,
        "readiness": readiness(employee, today),
        "appraisals": Appraisal.objects.filter(employee=employee).order_by("-year")[:5],
        "results": list(results_of(employee.pk)),
        "learning": employee_learning(employee),
        "placements": TalentPlacement.objects.filter(employee=employee).order_by("-year")[:3]
        if talent
        else None,
        "potentials": PotentialAssessment.objects.filter(employee=employee).order_by("-year")[:3]
        if talent
        else None,
        "may_appraise": _may_appraise(access, employee),
        "may_assess": _may_appraise(access, employee),
        "may_approve": not own and (is_own_or_line(access, employee) or access.is_admin),
        "talent": talent,
        "appraisal_form": forms.get("appraisal_form")
        or AppraisalForm(initial={"year": today.year - 1}),
        "competency_form": forms.get("competency_form")
        or CompetencyAssessmentForm(competencies=_competencies(employee.unit)),
        "potential_form": forms.get("potential_form")
        or PotentialForm(initial={"year": today.year}),
    }


@signed_in
def person_page(request: HttpRequest, pk: int) -> HttpResponse:
    employee = get_person_for_user(access_of(request), pk)
    return render(request, "development/careers/person.html", _person_context(request, employee))


def _rerender(request: HttpRequest, employee: Employee, **forms: Any) -> HttpResponse:
    context = _person_context(request, employee, **forms)
    return render(request, "development/careers/person.html", context, status=400)


@require_POST
@signed_in
def appraisal_set(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    employee = get_person_for_user(access, pk)
    if not _may_appraise(access, employee):
        raise PermissionDenied
    form = AppraisalForm(request.POST)
    if form.is_valid():
        services.appraisal_set(actor=request.user, employee=employee, **form.cleaned_data)
        messages.success(request, _("Penilaian kinerja disimpan."))
        return redirect("development:person", pk=employee.pk)
    return _rerender(request, employee, appraisal_form=form)


@require_POST
@signed_in
def competency_assess(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    employee = get_person_for_user(access, pk)
    if not _may_appraise(access, employee):
        raise PermissionDenied
    form = CompetencyAssessmentForm(request.POST, competencies=_competencies(employee.unit))
    if form.is_valid():
        try:
            services.competency_assess(actor=request.user, employee=employee, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Level kompetensi disimpan."))
            return redirect("development:person", pk=employee.pk)
    return _rerender(request, employee, competency_form=form)


@require_POST
@signed_in
def potential_set(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    employee = get_person_for_user(access, pk)
    if not (access.can(Capability.VIEW_TALENT) and access.covers(employee.unit)):
        raise PermissionDenied
    form = PotentialForm(request.POST)
    if form.is_valid():
        services.potential_set(actor=request.user, employee=employee, **form.cleaned_data)
        try:
            services.talent_place(
                actor=request.user, employee=employee, year=form.cleaned_data["year"]
            )
        except ValidationError as exc:
            for text in messages_of(exc):
                messages.warning(request, text)
        messages.success(request, _("Nilai potensial disimpan."))
        return redirect("development:person", pk=employee.pk)
    return _rerender(request, employee, potential_form=form)


@require_POST
@signed_in
def idp_fill(request: HttpRequest, pk: int) -> HttpResponse:
    employee = get_person_for_user(access_of(request), pk)
    services.idp_fill(actor=request.user, employee=employee, year=timezone.localdate().year)
    messages.success(request, _("Rencana pengembangan diisi dari kesenjangan kompetensi."))
    return redirect("development:person", pk=employee.pk)


@require_POST
@signed_in
def idp_approve(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    plan = get_object_or_404(DevelopmentPlan.objects.select_related("employee__unit"), pk=pk)
    employee = get_person_for_user(access, plan.employee_id)
    if access.employee_id == employee.pk or not (
        is_own_or_line(access, employee) or access.is_admin
    ):
        raise PermissionDenied
    services.idp_approve(actor=request.user, plan=plan)
    messages.success(request, _("Rencana pengembangan disetujui."))
    return redirect("development:person", pk=employee.pk)


@require_http_methods(["GET", "POST"])
@capability_required(Capability.VIEW_PERSONAL_DATA)
def standards_page(request: HttpRequest) -> HttpResponse:
    """Competency standards per jabatan, programs' target competencies and their measured
    gap closure; admins (EDIT_PEOPLE) add standards, organisers link programs."""
    access = access_of(request)
    scope = OrgUnit.objects.get(pk=access.scope_id) if access.scope_id else None
    competencies = (_competencies(scope) if scope else Competency.objects.all()).order_by(
        "kind", "name"
    )
    programs = programs_for_user(access).order_by("name")
    form = StandardForm(competencies=competencies)
    target_form = ProgramTargetForm(programs=programs, competencies=competencies)
    if request.method == "POST":
        if request.POST.get("form") == "target":
            if not access.can(Capability.EDIT_PROGRAMS):
                raise PermissionDenied
            target_form = ProgramTargetForm(
                request.POST, programs=programs, competencies=competencies
            )
            if target_form.is_valid():
                services.program_target_add(actor=request.user, **target_form.cleaned_data)
                messages.success(request, _("Kompetensi sasaran program disimpan."))
                return redirect("development:standards")
        else:
            if not access.can(Capability.EDIT_PEOPLE) or scope is None:
                raise PermissionDenied
            form = StandardForm(request.POST, competencies=competencies)
            if form.is_valid():
                try:
                    services.standard_create(
                        actor=request.user,
                        owner=scope,
                        position_name=form.cleaned_data["position_name"],
                        is_key_position=form.cleaned_data["is_key_position"],
                        levels=form.levels(),
                    )
                except ValidationError as exc:
                    apply_errors(form, exc)
                else:
                    messages.success(request, _("Standar kompetensi jabatan disimpan."))
                    return redirect("development:standards")
    targeted = ProgramCompetency.objects.filter(program__in=programs).select_related(
        "program", "competency"
    )
    program_ids = sorted({t.program_id for t in targeted})
    closures = [program_gap_closure(p) for p in programs.filter(pk__in=program_ids)]
    context = {
        "standards": standards_in(access),
        "form": form,
        "target_form": target_form,
        "targets": targeted,
        "closures": closures,
        "can_add": access.can(Capability.EDIT_PEOPLE) and scope is not None,
        "can_target": access.can(Capability.EDIT_PROGRAMS),
    }
    return render(request, "development/careers/standards.html", context)


def _year(request: HttpRequest) -> int:
    try:
        return int(request.GET.get("year") or request.POST.get("year") or "")
    except ValueError:
        return timezone.localdate().year - 1


@require_http_methods(["GET", "POST"])
@capability_required(Capability.VIEW_TALENT)
def talent_page(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    year = _year(request)
    if request.method == "POST":
        employees = Employee.objects.filter(
            is_active=True, unit__path__startswith=access.scope_path
        )
        placed, left = services.talent_place_many(
            actor=request.user, employees=employees, year=year
        )
        messages.success(
            request,
            _(
                "%(placed)d pegawai ditempatkan; %(left)d belum memiliki nilai kinerja dan potensial."
            )
            % {"placed": placed, "left": left},
        )
        return redirect(f"{request.path}?year={year}")
    grid = talent_grid(access, year)
    rows = [
        (label, [(box, grid.boxes[box]) for box in boxes])
        for label, boxes in (
            (_("Di Atas Ekspektasi"), (4, 7, 9)),
            (_("Sesuai Ekspektasi"), (2, 5, 8)),
            (_("Di Bawah Ekspektasi"), (1, 3, 6)),
        )
    ]
    context = {"grid": grid, "year": year, "rows": rows}
    return render(request, "development/careers/talent.html", context)


@capability_required(Capability.VIEW_TALENT)
def succession_page(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    year = _year(request)
    context = {"positions": succession(access, year), "year": year}
    return render(request, "development/careers/succession.html", context)
