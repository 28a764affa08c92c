"""Key figures on the home page: scope-wide aggregates for report readers, own JP for people."""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone

from sieva.core.report_table import Suppressed, is_small, percent
from sieva.dashboard.models import JpComplianceSummary, ProgramSummary
from sieva.dashboard.selectors.board import Counts, programs_in
from sieva.evaluation.engine import Scope
from sieva.evaluation.engine.regions import regions_for
from sieva.org.access import Access, Capability, scope_queryset
from sieva.org.models import Employee, OrgKind, OrgUnit
from sieva.programs.models import Cohort, Program
from sieva.programs.selectors.jp import (
    EmployeeJp,
    employees_in_scope,
    jp_compliance,
    pns_meeting_minimum,
)
from sieva.programs.selectors.learning_record import employee_training_history

OWN_ENROLLMENTS_SHOWN = 10
ABOVE_AGENCY = {OrgKind.NATIONAL, OrgKind.PROVINCE, OrgKind.CITY, OrgKind.AGENCY}


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


def _jp(access: Access, year: int) -> tuple[int, int]:
    """(PNS, meeting the minimum) from the stored per-instansi counts when the user's scope is
    an instansi or above (the dashboard's numbers); counted live below an instansi."""
    node = OrgUnit.objects.filter(pk=access.scope_id).first() if access.scope_id else None
    if node is not None and node.kind not in ABOVE_AGENCY:
        return pns_meeting_minimum(employees_in_scope(access), year)
    agencies = regions_for(access, Scope())
    stored = JpComplianceSummary.objects.filter(unit__in=agencies, year=year).aggregate(
        pns=Sum("pns"), meeting=Sum("meeting")
    )
    return stored["pns"] or 0, stored["meeting"] or 0


def _aggregates(access: Access, year: int) -> Aggregates:
    """The year's figures from the stored program summaries, as the dashboard shows them
    (finished cohorts only, decision 0045): never a second computation that could differ."""
    cohorts = scope_queryset(Cohort.objects.all(), access, "program__owner").filter(
        start_date__year=year
    )
    counts = Counts()
    for summary in ProgramSummary.objects.filter(
        program__in=programs_in(access, None).values("pk"), period=str(year)
    ):
        counts.add(summary)
    pns, meeting = _jp(access, year)
    planned, realised = counts.planned, counts.realised
    compliance: float | None | Suppressed = percent(meeting / pns if pns else None)
    if not access.can(Capability.VIEW_PERSONAL_DATA) and is_small(pns):
        compliance = Suppressed()
    return Aggregates(
        programs=scope_queryset(Program.objects.all(), access, "owner").count(),
        cohorts=cohorts.count(),
        participation=percent(counts.attended / counts.invited if counts.invited else None),
        pns_meeting_minimum=compliance,
        budget_realisation=percent(realised / planned if planned else None),
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
