"""Reads on follow-up: a person's plans, checks waiting on a supervisor or coach, and the
completion of a set of cohorts' plans (for L3 and the report's case studies)."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q, QuerySet

from sieva.core.periods import add_months
from sieva.development.models import ActionPlan, ActionPlanStatus, ProgressCheck
from sieva.programs.models import Cohort, EnrollmentStatus

TOOK_PART = (EnrollmentStatus.ATTENDING, EnrollmentStatus.PASSED, EnrollmentStatus.FAILED)


def plans_of(employee_id: int) -> QuerySet[ActionPlan]:
    return (
        ActionPlan.objects.filter(enrollment__employee_id=employee_id)
        .select_related("enrollment__cohort__program")
        .prefetch_related("milestones", "checks")
        .order_by("-enrollment__cohort__end_date")
    )


@dataclass(frozen=True)
class DueCheck:
    plan: ActionPlan
    month: int
    due_on: dt.date


def checks_due(employee_id: int, today: dt.date) -> list[DueCheck]:
    """Checks this employee (as the participant's supervisor or the plan's coach) should
    make: set months that have come, not yet verified, for plans still running."""
    months = list(settings.SIEVA_ACTION_PLAN_CHECK_MONTHS)
    plans = (
        ActionPlan.objects.filter(
            Q(enrollment__employee__supervisor_id=employee_id) | Q(coach_id=employee_id),
            status__in=(ActionPlanStatus.RUNNING, ActionPlanStatus.COMPLETED),
        )
        .select_related("enrollment__employee", "enrollment__cohort__program")
        .prefetch_related("checks")
    )
    due = []
    for plan in plans:
        done = {c.month for c in plan.checks.all()}
        for month in months:
            day = add_months(plan.enrollment.cohort.end_date, month)
            if day <= today and month not in done:
                due.append(DueCheck(plan, month, day))
    return sorted(due, key=lambda d: d.due_on)


@dataclass(frozen=True)
class FollowUpSummary:
    """Plans of the cohorts' participants: written, completed, milestones reached, and the
    latest verified progress; plus a few completed plans as case studies."""

    participants: int
    plans: int
    completed: int
    milestones: int
    milestones_done: int
    verified_progress: list[int]
    case_studies: list[dict[str, str]]


def follow_up_summary(cohorts: QuerySet[Cohort], cases: int = 3) -> FollowUpSummary:
    plans = ActionPlan.objects.filter(enrollment__cohort__in=cohorts)
    counts = plans.aggregate(
        n=Count("pk", distinct=True),
        completed=Count("pk", filter=Q(status=ActionPlanStatus.COMPLETED), distinct=True),
        steps=Count("milestones", distinct=True),
        steps_done=Count("milestones", filter=Q(milestones__done_on__isnull=False), distinct=True),
    )
    latest: dict[int, tuple[int, int]] = {}
    for plan_id, month, progress in ProgressCheck.objects.filter(plan__in=plans).values_list(
        "plan_id", "month", "progress"
    ):
        if plan_id not in latest or month > latest[plan_id][0]:
            latest[plan_id] = (month, progress)
    examples = (
        plans.filter(status=ActionPlanStatus.COMPLETED)
        .select_related("enrollment__cohort__program")
        .prefetch_related("milestones")
        .order_by("-updated_at")[:cases]
    )
    participants = (
        cohorts.aggregate(
            n=Count(
                "enrollments", filter=Q(enrollments__status__in=("hadir", "lulus", "tidak_lulus"))
            )
        )["n"]
        or 0
    )
    return FollowUpSummary(
        participants=participants,
        plans=counts["n"] or 0,
        completed=counts["completed"] or 0,
        milestones=counts["steps"] or 0,
        milestones_done=counts["steps_done"] or 0,
        verified_progress=[p for _m, p in latest.values()],
        case_studies=[
            {
                "title": plan.title,
                "kind": plan.get_kind_display(),
                "program": plan.enrollment.cohort.program.name,
                "summary": plan.description[:400],
                "evidence": "; ".join(m.evidence for m in plan.milestones.all() if m.evidence),
            }
            for plan in examples
        ],
    )


def plan_months() -> list[int]:
    return list(settings.SIEVA_ACTION_PLAN_CHECK_MONTHS)


def next_check(plan: ActionPlan) -> dt.date | None:
    done = {c.month for c in plan.checks.all()}
    for month in plan_months():
        if month not in done:
            return add_months(plan.enrollment.cohort.end_date, month)
    return None
