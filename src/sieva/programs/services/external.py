"""Learning done outside SIEVA's programs, once the office approved it, entered as attendance.

Every JP figure (the 20 JP duty, the PPPK cap, the employee's record, the funnel) reads
attendance, so approved outside learning is held there too and counted exactly once: one
program per instansi ("Pembelajaran di luar program"), one cohort per calendar year, one
enrollment per employee and year (status lulus), one session per approved report dated on
the day the learning ended, and one attendance row (decision 0037).
"""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from sieva.audit.services import audit_record
from sieva.org.models import Employee, OrgKind
from sieva.programs.models import (
    Attendance,
    Cohort,
    CohortStatus,
    DeliveryMode,
    Enrollment,
    EnrollmentStatus,
    Program,
    ProgramKind,
    Session,
)
from sieva.programs.services.jp_store import jp_refresh
from sieva.programs.services.participation_store import participation_refresh
from sieva.programs.services.programs import validate_jp


def external_program(employee: Employee) -> Program:
    """The instansi's program that holds approved outside learning (created on first use)."""
    agency = employee.unit.ancestor_of_kind(OrgKind.AGENCY) or employee.unit
    program, _created = Program.objects.get_or_create(
        code=f"LUAR-{agency.pk}",
        defaults={
            "name": _("Pembelajaran di luar program – %(agency)s") % {"agency": agency.name},
            "kind": ProgramKind.EXTERNAL,
            "mode": DeliveryMode.SELF_PACED,
            "owner": agency,
            "objectives": _(
                "Mencatat pembelajaran yang diikuti pegawai di luar program SIEVA dan disetujui "
                "BKPSDM, agar JP-nya terhitung."
            ),
        },
    )
    return program


@transaction.atomic
def external_learning_record(
    *, actor: Any, employee: Employee, title: str, ended_on: dt.date, jp: Decimal
) -> Attendance:
    """Enter `jp` of approved outside learning for `employee`, dated `ended_on`; returns the
    attendance row that now carries it. ValidationError for JP that are not whole or half."""
    validate_jp(jp)
    program = external_program(employee)
    year = ended_on.year
    cohort, _created = Cohort.objects.get_or_create(
        program=program,
        name=_("Dilaporkan pegawai %(year)d") % {"year": year},
        defaults={
            "start_date": dt.date(year, 1, 1),
            "end_date": dt.date(year, 12, 31),
            "status": CohortStatus.FINISHED,
            "capacity": 1,
        },
    )
    enrollment, created = Enrollment.objects.get_or_create(
        cohort=cohort, employee=employee, defaults={"status": EnrollmentStatus.PASSED}
    )
    if created:
        taken = cohort.enrollments.count()
        if taken > cohort.capacity:  # a record of who reported, not a class with seats
            Cohort.objects.filter(pk=cohort.pk).update(capacity=taken)
    session = Session.objects.create(cohort=cohort, title=title[:200], date=ended_on, jp=jp)
    attendance = Attendance.objects.create(session=session, enrollment=enrollment)
    jp_refresh(employee_ids=[employee.pk])
    participation_refresh(cohort_ids=[cohort.pk])
    audit_record(
        actor=actor,
        action="attendance.external",
        obj=attendance,
        org_path=program.owner.path,
        changes={"employee": employee.pk, "jp": jp, "date": ended_on},
    )
    return attendance
