"""Writes on follow-up: the participant's plan and milestones, the supervisor's or coach's
verification of progress at the set months."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.audit.services import audit_record
from sieva.core.periods import add_months
from sieva.development.models import (
    ActionPlan,
    ActionPlanStatus,
    Milestone,
    PlanKind,
    ProgressCheck,
    VerifierKind,
)
from sieva.org.models import Employee
from sieva.programs.models import CohortStatus, Enrollment, EnrollmentStatus, ProgramKind

NOT_A_PARTICIPANT = _("Rencana aksi hanya untuk peserta yang mengikuti program ini.")
TITLE_REQUIRED = _("Isi judulnya.")
NOT_DUE = _("Verifikasi bulan ke-%(month)d baru dapat dilakukan mulai %(day)s.")
NOT_A_CHECK_MONTH = _("Verifikasi dilakukan pada bulan ke-%(months)s setelah program.")
NOT_A_VERIFIER = _("Hanya atasan langsung peserta atau coach rencana ini yang memverifikasi.")
DONE_IN_FUTURE = _("Tanggal tercapai tidak boleh sesudah hari ini.")

TOOK_PART = (EnrollmentStatus.ATTENDING, EnrollmentStatus.PASSED, EnrollmentStatus.FAILED)


def default_kind(enrollment: Enrollment) -> str:
    """Leadership and project-based programs end with a proyek perubahan (DOMAIN.md)."""
    return (
        PlanKind.CHANGE_PROJECT
        if enrollment.cohort.program.kind == ProgramKind.PROJECT
        else PlanKind.ACTION_PLAN
    )


@transaction.atomic
def action_plan_save(
    *,
    actor: Any,
    enrollment: Enrollment,
    title: str,
    description: str,
    coach: Employee | None = None,
    status: str = ActionPlanStatus.RUNNING,
) -> ActionPlan:
    """Write or revise the participant's plan for this program."""
    if enrollment.status not in TOOK_PART or enrollment.cohort.status == CohortStatus.CANCELLED:
        raise ValidationError(NOT_A_PARTICIPANT)
    if not title.strip():
        raise ValidationError({"title": TITLE_REQUIRED})
    plan, created = ActionPlan.objects.get_or_create(
        enrollment=enrollment,
        defaults={"kind": default_kind(enrollment), "title": title.strip(), "description": ""},
    )
    plan.title, plan.description, plan.coach = title.strip(), description.strip(), coach
    plan.status = status
    plan.save()
    audit_record(
        actor=actor,
        action="action_plan.save",
        obj=plan,
        org_path=enrollment.cohort.program.owner.path,
        changes={"created": created, "status": status},
    )
    return plan


@transaction.atomic
def milestone_add(*, actor: Any, plan: ActionPlan, title: str, due_on: dt.date) -> Milestone:
    if not title.strip():
        raise ValidationError({"title": TITLE_REQUIRED})
    milestone = Milestone.objects.create(plan=plan, title=title.strip(), due_on=due_on)
    audit_record(
        actor=actor,
        action="action_plan.milestone_add",
        obj=milestone,
        org_path=plan.enrollment.cohort.program.owner.path,
    )
    return milestone


@transaction.atomic
def milestone_done(
    *, actor: Any, milestone: Milestone, done_on: dt.date, evidence: str
) -> Milestone:
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": DONE_IN_FUTURE})
    milestone.done_on, milestone.evidence = done_on, evidence.strip()[:300]
    milestone.save(update_fields=["done_on", "evidence"])
    plan = milestone.plan
    if not plan.milestones.filter(done_on__isnull=True).exists():
        plan.status = ActionPlanStatus.COMPLETED
        plan.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor,
        action="action_plan.milestone_done",
        obj=milestone,
        org_path=plan.enrollment.cohort.program.owner.path,
        changes={"done_on": done_on},
    )
    return milestone


def check_due_on(plan: ActionPlan, month: int) -> dt.date:
    return add_months(plan.enrollment.cohort.end_date, month)


def verifier_kind(plan: ActionPlan, employee_id: int) -> str | None:
    if employee_id == plan.enrollment.employee.supervisor_id:
        return VerifierKind.SUPERVISOR
    if plan.coach_id is not None and employee_id == plan.coach_id:
        return VerifierKind.COACH
    return None


@transaction.atomic
def progress_verify(
    *,
    actor: Any,
    plan: ActionPlan,
    verifier: Employee,
    month: int,
    progress: int,
    note: str = "",
    today: dt.date | None = None,
) -> ProgressCheck:
    """The supervisor or coach records the verified progress at a set month after the
    program (`SIEVA_ACTION_PLAN_CHECK_MONTHS`); verifying again replaces the figure."""
    today = today or timezone.localdate()
    months = list(settings.SIEVA_ACTION_PLAN_CHECK_MONTHS)
    kind = verifier_kind(plan, verifier.pk)
    if kind is None:
        raise ValidationError(NOT_A_VERIFIER)
    if month not in months:
        raise ValidationError(
            {"month": NOT_A_CHECK_MONTH % {"months": ", ".join(str(m) for m in months)}}
        )
    due = check_due_on(plan, month)
    if today < due:
        raise ValidationError(
            {"month": NOT_DUE % {"month": month, "day": due.strftime("%d-%m-%Y")}}
        )
    check, _created = ProgressCheck.objects.update_or_create(
        plan=plan,
        month=month,
        defaults={
            "verifier": verifier,
            "verifier_kind": kind,
            "progress": progress,
            "note": note.strip(),
            "verified_by": actor if getattr(actor, "is_authenticated", False) else None,
        },
    )
    audit_record(
        actor=actor,
        action="action_plan.verify",
        obj=check,
        org_path=plan.enrollment.cohort.program.owner.path,
        changes={"month": month, "progress": progress, "verifier_kind": kind},
    )
    return check
