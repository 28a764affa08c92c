"""Small builders for the evaluation tests (the shared factories stay in tests/factories.py)."""

import datetime as dt
from decimal import Decimal

from sieva.org.models import AsnKind
from sieva.programs.models import Attendance, Enrollment
from sieva.programs.services import jp_refresh, participation_refresh
from tests.factories import CohortFactory, EmployeeFactory, EnrollmentFactory, SessionFactory


def attend(enrollment: Enrollment, *sessions) -> Enrollment:
    """Attendance written directly (no status moves, no future-date check), with the JP
    and participation stores kept as every service that writes attendance keeps them
    (decisions 0067, 0069)."""
    for session in sessions:
        Attendance.objects.create(session=session, enrollment=enrollment)
    jp_refresh(employee_ids=[enrollment.employee_id])
    participation_refresh(cohort_ids=[enrollment.cohort_id])
    return enrollment


def employee_with_jp(unit, *days_and_jp, asn_kind=AsnKind.PNS, **fields):
    """An employee who attended one session of `jp` on each given `(date, jp)`."""
    employee = EmployeeFactory(unit=unit, asn_kind=asn_kind, **fields)
    for day, jp in days_and_jp:
        cohort = CohortFactory(start_date=day, end_date=day)
        session = SessionFactory(cohort=cohort, date=day, jp=Decimal(jp))
        attend(EnrollmentFactory(cohort=cohort, employee=employee), session)
    return employee


def date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
