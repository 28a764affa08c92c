"""From training needs to next year's plan: the needs per competency, unit and grade, the
proposed plan officials comment on, its adoption, and supervisors' nominations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sieva.core.views import apply_errors
from sieva.evidence import services
from sieva.evidence.access import get_plan_for_user, get_plan_item_for_user, plans_for_user
from sieva.evidence.forms import CommentForm, NominationForm, PlanItemForm, ProposeForm
from sieva.evidence.models import Nomination, PlanStatus
from sieva.evidence.selectors.planning import competency_labels, needs_summary, shown
from sieva.evidence.views.common import run_and_report
from sieva.org.access import (
    Capability,
    access_of,
    capability_required,
    require_access,
    scope_queryset,
)
from sieva.org.models import Employee, Role

READ = Capability.VIEW_REPORTS


@capability_required(READ)
def plan_list(request: HttpRequest) -> HttpResponse:
    """The plans of the subtree, and for admins the needs of a year with the button that
    turns them into a proposed plan."""
    access = access_of(request)
    form = (
        ProposeForm(request.POST or request.GET or None, access=access) if access.is_admin else None
    )
    needs = []
    if form is not None and form.is_valid():
        owner, year = form.cleaned_data["owner"], form.cleaned_data["year"]
        if request.method == "POST":
            try:
                plan = services.plan_propose(actor=request.user, owner=owner, year=year)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Usulan rencana dibuat dari data kebutuhan."))
                return redirect("evidence:plan_detail", pk=plan.pk)
        needs = [
            (cell, shown(cell.respondents), shown(cell.nominations))
            for cell in needs_summary(owner, year)
        ]
    context = {"plans": plans_for_user(access), "form": form, "needs": needs}
    return render(request, "evidence/plan_list.html", context)


@capability_required(READ)
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    plan = get_plan_for_user(access, pk)
    form = CommentForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_comment_add(
                actor=request.user,
                plan=plan,
                text=form.cleaned_data["text"],
                item=form.cleaned_data["item"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Tanggapan Anda tercatat."))
            return redirect("evidence:plan_detail", pk=plan.pk)
    items = list(plan.items.all())
    context = {
        "plan": plan,
        "items": items,
        "total": sum(i.estimated_cost for i in items),
        "comments": plan.comments.select_related("author", "item"),
        "form": form if plan.status != PlanStatus.ADOPTED else None,
        "can_manage": access.is_admin and plan.status != PlanStatus.ADOPTED,
    }
    return render(request, "evidence/plan_detail.html", context)


@capability_required(READ)
def plan_item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_plan_item_for_user(access_of(request), pk)
    form = PlanItemForm(request.POST or None, instance=type(item).objects.get(pk=item.pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_item_save(actor=request.user, item=item, data=form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Usulan program diperbarui."))
            return redirect("evidence:plan_detail", pk=item.plan_id)
    return render(request, "evidence/plan_item_form.html", {"form": form, "item": item})


@capability_required(READ)
@require_POST
def plan_advance(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan_for_user(access_of(request), pk, manage=True)
    run_and_report(
        request,
        lambda: services.plan_advance(actor=request.user, plan=plan),
        _("Status rencana diperbarui."),
    )
    return redirect("evidence:plan_detail", pk=plan.pk)


@login_required
def nominations(request: HttpRequest) -> HttpResponse:
    """A supervisor nominates direct subordinates; an admin sees the nominations in scope."""
    access = require_access(request)
    supervisor = (
        Employee.objects.filter(pk=access.employee_id).first()
        if access.role == Role.SUPERVISOR and access.employee_id
        else None
    )
    if supervisor is None and not access.is_admin:
        raise PermissionDenied
    form = None
    if supervisor is not None:
        form = NominationForm(
            request.POST or None, supervisor=supervisor, competencies=competency_labels()
        )
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                services.nomination_add(
                    actor=request.user,
                    supervisor=supervisor,
                    employee=data["employee"],
                    competency=data["competency"],
                    year=data["year"],
                    reason=data["reason"],
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(
                    request, _("Usulan untuk %(name)s tersimpan.") % {"name": data["employee"].name}
                )
                return redirect("evidence:nominations")
    rows = Nomination.objects.select_related("employee__unit", "nominated_by")
    if supervisor is not None and not access.is_admin:
        rows = rows.filter(nominated_by=supervisor)
    else:
        rows = scope_queryset(rows, access, "employee__unit")
    labels = competency_labels()
    context = {
        "form": form,
        "rows": [
            (n, labels.get(n.competency, n.competency))
            for n in rows.order_by("-year", "employee__name")[:500]
        ],
    }
    return render(request, "evidence/nominations.html", context)
