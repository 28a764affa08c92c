"""Key figures on the home page: scope-wide aggregates for report readers, own JP for people."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone

from sieva.core.report_table import Suppressed, is_small, percent
from sieva.org.access import Access, Capability, scope_queryset
from sieva.org.models import Employee
from sieva.programs.models import BudgetLine, Cohort, Enrollment, Program
from sieva.programs.selectors.jp import (
    EmployeeJp,
    employee_training_history,
    employees_in_scope,
    jp_compliance,
    pns_meeting_minimum,
)
from sieva.programs.selectors.participation import funnel_total

OWN_ENROLLMENTS_SHOWN = 10


@dataclass(frozen=True)
class Aggregates:
    """This year's figures over the user's subtree; percentages are None when undefined."""

    programs: int
    cohorts: int
    participation: float | None
    pns_meeting_minimum: float | None | Suppressed
    budget_realisation: float | None


@dataclass(frozen=True)
class OwnFigures:
    """A person's own JP against their rule (20 JP minimum or 24 JP cap) and enrollments."""

    record: EmployeeJp | None
    limit: int
    enrollments: list[Any]

    @property
    def is_pns(self) -> bool:
        return self.record is None or self.record.is_pns

    @property
    def meter_max(self) -> int:
        # The bar goes beyond the target so progress past 20 JP stays visible.
        jp = self.record.jp if self.record else 0
        return int(max(self.limit, jp))


def home_figures(access: Access) -> dict[str, Any]:
    """Key figures for the home page, scoped to the user's subtree.

    ``aggregates`` for roles that read reports (none personal), ``own`` for a user linked to
    an employee record; either is None when it does not apply.
    """
    year = timezone.localdate().year
    return {
        "year": year,
        "minimum_jp": settings.SIEVA_PNS_MIN_JP_PER_YEAR,
        "aggregates": _aggregates(access, year) if access.can(Capability.VIEW_REPORTS) else None,
        "own": _own(access.employee_id, year) if access.employee_id else None,
    }


def _aggregates(access: Access, year: int) -> Aggregates:
    cohorts = scope_queryset(Cohort.objects.all(), access, "program__owner").filter(
        start_date__year=year
    )
    ids = cohorts.values("pk")
    funnel = funnel_total(Enrollment.objects.filter(cohort__in=ids))
    pns, meeting = pns_meeting_minimum(employees_in_scope(access), year)
    budget = BudgetLine.objects.filter(cohort__in=ids).aggregate(
        planned=Sum("planned"), realised=Sum("realised")
    )
    planned, realised = budget["planned"], budget["realised"] or Decimal("0")
    compliance: float | None | Suppressed = percent(meeting / pns if pns else None)
    if not access.can(Capability.VIEW_PERSONAL_DATA) and is_small(pns):
        compliance = Suppressed()
    return Aggregates(
        programs=scope_queryset(Program.objects.all(), access, "owner").count(),
        cohorts=cohorts.count(),
        participation=percent(funnel.participation_rate),
        pns_meeting_minimum=compliance,
        budget_realisation=percent(float(realised / planned) if planned else None),
    )


def _own(employee_id: int, year: int) -> OwnFigures:
    person = Employee.objects.filter(pk=employee_id)
    records = jp_compliance(person, year)
    today = timezone.localdate()
    if records and records[0].period_start > today:
        # A person wants the contract year running now, not the one that starts later.
        records = jp_compliance(person, year - 1)
    record = records[0] if records else None
    limit = (
        settings.SIEVA_PNS_MIN_JP_PER_YEAR
        if record is None or record.is_pns
        else settings.SIEVA_PPPK_MAX_JP_PER_CONTRACT_YEAR
    )
    history = employee_training_history(employee_id)
    return OwnFigures(record=record, limit=limit, enrollments=history[:OWN_ENROLLMENTS_SHOWN])
