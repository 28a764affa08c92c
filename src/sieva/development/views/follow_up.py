"""Follow-up pages: the participant writes the plan and its milestones; the supervisor or
coach verifies progress; the office sees a cohort's plans."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from sieva.core.views import apply_errors
from sieva.development.access import (
    get_action_plan_for_user,
    get_own_enrollment,
    get_personal_cohort_for_user,
)
from sieva.development.forms.follow_up import (
    ActionPlanForm,
    MilestoneDoneForm,
    MilestoneForm,
    VerifyForm,
)
from sieva.development.models import ActionPlan, Milestone
from sieva.development.selectors.follow_up import follow_up_summary, next_check
from sieva.development.services import follow_up as services
from sieva.development.views._common import own_employee_id, person_required, signed_in
from sieva.org.access import access_of
from sieva.org.models import Employee
from sieva.programs.models import Cohort


@require_http_methods(["GET", "POST"])
@person_required
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The participant's own plan for one program (enrollment `pk`)."""
    access = access_of(request)
    enrollment = get_own_enrollment(access, pk)
    plan = ActionPlan.objects.filter(enrollment=enrollment).first()
    initial = (
        {
            "title": plan.title,
            "description": plan.description,
            "coach": plan.coach.nip if plan.coach else "",
            "status": plan.status,
        }
        if plan
        else {"status": "berjalan"}
    )
    form = ActionPlanForm(request.POST or None, initial=initial)
    form.fields["coach"].root_path = "/"  # type: ignore[attr-defined]
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.action_plan_save(
                actor=request.user, enrollment=enrollment, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Rencana disimpan."))
            return redirect("development:action_plan", pk=plan.pk)
    context = {
        "enrollment": enrollment,
        "plan": plan,
        "form": form,
        "kind": services.default_kind(enrollment),
    }
    return render(request, "development/follow_up/edit.html", context)


def _page(request: HttpRequest, plan: ActionPlan, status: int = 200, **forms: Any) -> HttpResponse:
    access = access_of(request)
    own = access.employee_id == plan.enrollment.employee_id
    verifier = services.verifier_kind(plan, access.employee_id) if access.employee_id else None
    context = {
        "plan": plan,
        "milestones": plan.milestones.all(),
        "checks": plan.checks.select_related("verifier").all(),
        "own": own,
        "verifier": verifier,
        "next_check": next_check(plan),
        "milestone_form": forms.get("milestone_form") or MilestoneForm(),
        "done_form": MilestoneDoneForm(),
        "verify_form": forms.get("verify_form") or VerifyForm(),
    }
    return render(request, "development/follow_up/plan.html", context, status=status)


@signed_in
def plan_page(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, get_action_plan_for_user(access_of(request), pk))


@require_POST
@person_required
def milestone_add(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    plan = get_action_plan_for_user(access, pk)
    if access.employee_id != plan.enrollment.employee_id:
        raise PermissionDenied
    form = MilestoneForm(request.POST)
    if form.is_valid():
        services.milestone_add(actor=request.user, plan=plan, **form.cleaned_data)
        messages.success(request, _("Tonggak ditambahkan."))
        return redirect("development:action_plan", pk=plan.pk)
    return _page(request, plan, status=400, milestone_form=form)


@require_POST
@person_required
def milestone_done(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    milestone = get_object_or_404(Milestone.objects.select_related("plan"), pk=pk)
    plan = get_action_plan_for_user(access, milestone.plan_id)
    if access.employee_id != plan.enrollment.employee_id:
        raise PermissionDenied
    form = MilestoneDoneForm(request.POST)
    if form.is_valid():
        try:
            services.milestone_done(actor=request.user, milestone=milestone, **form.cleaned_data)
        except ValidationError as exc:
            for text in exc.messages:
                messages.error(request, text)
        else:
            messages.success(
                request, _("Tonggak “%(title)s” tercapai.") % {"title": milestone.title}
            )
    return redirect("development:action_plan", pk=plan.pk)


@require_POST
@person_required
def verify(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    plan = get_action_plan_for_user(access, pk)
    form = VerifyForm(request.POST)
    if form.is_valid():
        try:
            services.progress_verify(
                actor=request.user,
                plan=plan,
                verifier=Employee.objects.get(pk=own_employee_id(access)),
                **form.cleaned_data,
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Kemajuan rencana diverifikasi."))
            return redirect("development:action_plan", pk=plan.pk)
    return _page(request, plan, status=400, verify_form=form)


@signed_in
def cohort_plans(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_personal_cohort_for_user(access_of(request), pk)
    plans = (
        ActionPlan.objects.filter(enrollment__cohort=cohort)
        .select_related("enrollment__employee")
        .prefetch_related("milestones", "checks")
        .order_by("enrollment__employee__name")
    )
    context = {
        "cohort": cohort,
        "plans": plans,
        "summary": follow_up_summary(Cohort.objects.filter(pk=cohort.pk)),
        "today": timezone.localdate(),
    }
    return render(request, "development/follow_up/cohort.html", context)
