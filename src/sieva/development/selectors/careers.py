"""Reads on careers: a person's competency standard and gaps, gap closure per program, the
programs that close a gap and the development plan of a year. Readiness, the talent 9-box and
succession: `selectors.talent`."""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from sieva.analysis.indices.development import (
    GapClosure,
    gap_closure,
)
from sieva.development.models import (
    Competency,
    CompetencyAssessment,
    DevelopmentPlan,
    JobStandard,
    JobStandardLevel,
    ProgramCompetency,
)
from sieva.org.access import Access, scope_queryset
from sieva.org.models import Employee
from sieva.programs.models import Enrollment, Program
from sieva.programs.selectors.participation import REGISTERED_STATUSES


def standard_for(employee: Employee) -> JobStandard | None:
    """The standard of the employee's jabatan in the nearest instansi node above them."""
    if not employee.position_name:
        return None
    ids = [int(part) for part in employee.unit.path.strip("/").split("/") if part]
    return (
        JobStandard.objects.filter(
            owner_id__in=ids, position_name__iexact=employee.position_name.strip()
        )
        .order_by("-owner__depth")
        .first()
    )


def latest_levels(
    employee_ids: Iterable[int] | QuerySet[Any], *, on_or_before: dt.date | None = None
) -> dict[tuple[int, int], tuple[int, dt.date]]:
    """(employee, competency) → (latest level, its date), optionally up to a day; the ids
    may be a subquery (large sets stay in the database)."""
    ids = employee_ids if isinstance(employee_ids, QuerySet) else list(employee_ids)
    rows = CompetencyAssessment.objects.filter(employee_id__in=ids)
    if on_or_before is not None:
        rows = rows.filter(assessed_on__lte=on_or_before)
    found: dict[tuple[int, int], tuple[int, dt.date]] = {}
    for e, c, level, day in rows.order_by("assessed_on", "pk").values_list(
        "employee_id", "competency_id", "level", "assessed_on"
    ):
        found[(e, c)] = (level, day)
    return found


@dataclass(frozen=True)
class Gap:
    competency: Competency
    required: int
    assessed: int | None
    assessed_on: dt.date | None

    @property
    def gap(self) -> int | None:
        return None if self.assessed is None else max(self.required - self.assessed, 0)


def person_gaps(employee: Employee) -> tuple[JobStandard | None, list[Gap]]:
    """The employee's standard and, per required competency, the latest assessed level."""
    standard = standard_for(employee)
    if standard is None:
        return None, []
    levels = latest_levels([employee.pk])
    gaps = []
    for row in standard.levels.select_related("competency").order_by("competency__kind", "pk"):
        level, day = levels.get((employee.pk, row.competency_id), (None, None))
        gaps.append(Gap(row.competency, row.required_level, level, day))
    return standard, gaps


@dataclass(frozen=True)
class ProgramClosure:
    program: Program
    participants: int  # with an assessment before and after on a targeted competency
    closure: GapClosure


def program_gap_closure(program: Program) -> ProgramClosure:
    """Gap closure of a program's participants on the competencies it targets: before = the
    latest assessment up to a cohort's start, after = the latest after its end; the required
    level from each person's own standard. Four queries whatever the number of participants."""
    targets = set(
        ProgramCompetency.objects.filter(program=program).values_list("competency_id", flat=True)
    )
    taking = Enrollment.objects.filter(cohort__program=program, status__in=REGISTERED_STATUSES)
    rows = list(
        taking.values_list(
            "employee_id",
            "employee__position_name",
            "employee__unit__path",
            "cohort__start_date",
            "cohort__end_date",
        )
    )
    history: dict[tuple[int, int], list[tuple[dt.date, int]]] = defaultdict(list)
    for e, c, level, day in (
        CompetencyAssessment.objects.filter(
            employee__in=taking.values("employee_id"), competency_id__in=targets
        )
        .order_by("assessed_on", "pk")
        .values_list("employee_id", "competency_id", "level", "assessed_on")
    ):
        history[(e, c)].append((day, level))
    required = _required_levels(targets)
    totals: tuple[list[float], list[float], list[float]] = ([], [], [])
    people = 0
    for person, position, path, start, end in rows:
        counted = False
        for competency_id, level in _standard_levels(required, position, path).items():
            seen = history.get((person, competency_id), [])
            before = [lv for day, lv in seen if day <= start]
            after = [lv for day, lv in seen if day > end]
            if before and after:
                totals[0].append(level)
                totals[1].append(before[-1])
                totals[2].append(after[-1])
                counted = True
        people += counted
    return ProgramClosure(program, people, gap_closure(*totals))


def _required_levels(competencies: set[int]) -> list[tuple[str, str, int, dict[int, int]]]:
    """Standards requiring any of `competencies`: (position name, owner path, owner depth,
    competency → level), deepest owner first."""
    found: dict[int, tuple[str, str, int, dict[int, int]]] = {}
    for standard_id, name, path, depth, competency_id, level in JobStandardLevel.objects.filter(
        competency_id__in=competencies
    ).values_list(
        "standard_id",
        "standard__position_name",
        "standard__owner__path",
        "standard__owner__depth",
        "competency_id",
        "required_level",
    ):
        found.setdefault(standard_id, (name.strip().lower(), path, depth, {}))[3][competency_id] = (
            level
        )
    return sorted(found.values(), key=lambda row: -row[2])


def _standard_levels(
    standards: list[tuple[str, str, int, dict[int, int]]], position: str, unit_path: str
) -> dict[int, int]:
    """The levels of the standard matching a person (nearest owner above their unit first)."""
    name = position.strip().lower()
    for standard_name, path, _depth, levels in standards:
        if standard_name == name and unit_path.startswith(path):
            return levels
    return {}


def closing_programs(competency_ids: Iterable[int]) -> dict[int, list[ProgramClosure]]:
    """Programs targeting each competency, with their measured gap closure, best first."""
    links = ProgramCompetency.objects.filter(competency_id__in=list(competency_ids)).select_related(
        "program"
    )
    closures: dict[int, ProgramClosure] = {}
    out: dict[int, list[ProgramClosure]] = defaultdict(list)
    for link in links:
        if link.program_id not in closures:
            closures[link.program_id] = program_gap_closure(link.program)
        out[link.competency_id].append(closures[link.program_id])
    for rows in out.values():
        rows.sort(key=lambda r: -(r.closure.rate if r.closure.rate is not None else -1))
    return out


def plan_of(employee: Employee, year: int) -> DevelopmentPlan | None:
    return (
        DevelopmentPlan.objects.filter(employee=employee, year=year)
        .prefetch_related("items__competency", "items__program")
        .first()
    )


def standards_in(access: Access) -> QuerySet[JobStandard]:
    return scope_queryset(
        JobStandard.objects.select_related("owner", "incumbent").prefetch_related(
            "levels__competency"
        ),
        access,
        "owner",
    ).order_by("position_name")
