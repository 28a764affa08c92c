"""Supervisors nominate their staff for upcoming cohorts; organisers accept or decline."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.audit.services import audit_record
from sieva.development.access import line_ids
from sieva.development.models import Nomination, NominationStatus
from sieva.development.selectors.team import OPEN_FOR_NOMINATION
from sieva.org.access import Access
from sieva.org.models import Employee
from sieva.programs.models import Cohort
from sieva.programs.services.enrollments import enrollment_add

NOT_IN_LINE = _("%(name)s bukan bawahan Anda.")
NOT_UPCOMING = _("Angkatan ini tidak lagi menerima usulan peserta.")
OUTSIDE_PROGRAM = _("%(name)s bukan pegawai instansi pemilik program ini.")
ALREADY = _("%(name)s sudah diusulkan atau terdaftar di angkatan ini.")
REASON_REQUIRED = _("Tuliskan kebutuhan pengembangan yang mendasari usulan ini.")
DECIDED = _("Usulan ini sudah diputuskan.")


@transaction.atomic
def nomination_create(
    *,
    actor: Any,
    supervisor: Employee,
    employee: Employee,
    cohort: Cohort,
    reason: str,
    today: dt.date | None = None,
) -> Nomination:
    today = today or timezone.localdate()
    params = {"name": employee.name}
    errors: dict[str, Any] = {}
    if employee.pk not in line_ids(supervisor.pk):
        errors["employee"] = NOT_IN_LINE % params
    if cohort.status not in OPEN_FOR_NOMINATION or cohort.start_date < today:
        errors["cohort"] = NOT_UPCOMING
    elif not employee.unit.is_within(cohort.program.owner):
        errors["cohort"] = OUTSIDE_PROGRAM % params
    elif (
        Nomination.objects.filter(cohort=cohort, employee=employee).exists()
        or cohort.enrollments.filter(employee=employee).exists()
    ):
        errors["cohort"] = ALREADY % params
    if not reason.strip():
        errors["reason"] = REASON_REQUIRED
    if errors:
        raise ValidationError(errors)
    nomination = Nomination.objects.create(
        cohort=cohort, employee=employee, nominated_by=supervisor, reason=reason.strip()
    )
    audit_record(
        actor=actor,
        action="nomination.create",
        obj=nomination,
        org_path=cohort.program.owner.path,
        changes={"employee": employee.pk, "cohort": cohort.pk},
    )
    return nomination


@transaction.atomic
def nomination_decide(
    *, actor: Any, access: Access, nomination: Nomination, accept: bool, note: str = ""
) -> Nomination:
    """Accept (the person is invited to the cohort) or decline a pending nomination."""
    if nomination.status != NominationStatus.PENDING:
        raise ValidationError(DECIDED)
    if accept:
        enrollment_add(
            actor=actor, access=access, cohort=nomination.cohort, employee=nomination.employee
        )
    nomination.status = NominationStatus.ACCEPTED if accept else NominationStatus.DECLINED
    nomination.decision_note = note.strip()[:300]
    nomination.decided_by = actor if getattr(actor, "is_authenticated", False) else None
    nomination.save()
    audit_record(
        actor=actor,
        action="nomination.decide",
        obj=nomination,
        org_path=nomination.cohort.program.owner.path,
        changes={"status": nomination.status},
    )
    return nomination
