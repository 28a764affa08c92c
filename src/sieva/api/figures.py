"""Where the API reads each figure — one function per figure, so a change in the owning app
is adapted here once. Nothing here computes: evaluation figures come from the engine (the
same call as the evaluation page), IKM from satisfaction's aggregate reader (as the IKM
pages), JP from the 20 JP report's definitions (`sieva.programs.selectors.jp`)."""

import dataclasses
import datetime as dt
from collections.abc import Iterator
from typing import Any

from django.db.models import Q

from sieva.evaluation.engine import Scope, evaluate
from sieva.evaluation.engine.figures import Figure
from sieva.org.access import Access
from sieva.org.models import AsnKind, Employee, OrgUnit
from sieva.programs.models import Program
from sieva.programs.selectors.jp import EmployeeJp, employees_in_scope, jp_compliance
from sieva.satisfaction import selectors as skm
from sieva.satisfaction.periods import Period, month_period, parse_period


def evaluation_figures(
    access: Access, program: Program, year: int | None
) -> list[tuple[str, Figure]]:
    """Every figure of `program` as the evaluation page computes it for this user (cohorts
    starting in `year`, or all), with its place in the result ("l0.participation", …)."""
    start = dt.date(year, 1, 1) if year else None
    end = dt.date(year, 12, 31) if year else None
    result = evaluate(access, Scope(program_id=program.pk, start=start, end=end))
    return list(_figures(result, ""))


def _figures(value: Any, path: str) -> Iterator[tuple[str, Figure]]:
    if isinstance(value, Figure):
        yield path, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            if field.name == "scope":
                continue
            yield from _figures(getattr(value, field.name), f"{path}.{field.name}".lstrip("."))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _figures(item, f"{path}.{index}")


def jp_records(access: Access, year: int, node: OrgUnit | None = None) -> list[EmployeeJp]:
    """JP of every active employee in scope for report year `year`, as the 20 JP report
    counts it (PNS: calendar year; PPPK: the contract year beginning in `year`)."""
    return jp_compliance(employees_in_scope(access, node), year)


class JpPages:
    """`jp_records` computed a page at a time: `len()` counts the employees the report lists,
    a slice computes JP for that slice only. Pages go by employee id (a stable order that
    needs no sort of the whole list on every page)."""

    def __init__(self, access: Access, year: int, node: OrgUnit | None = None) -> None:
        self.year = year
        # A PPPK whose contract starts after `year` has no contract year in it (jp.contract_year).
        self.employees = (
            employees_in_scope(access, node)
            .exclude(~Q(asn_kind=AsnKind.PNS) & Q(contract_start__year__gt=year))
            .order_by("pk")
        )

    def __len__(self) -> int:
        return self.employees.count()

    def __getitem__(self, window: slice) -> list[EmployeeJp]:
        ids = list(self.employees.values_list("pk", flat=True)[window])
        records = jp_compliance(Employee.objects.filter(pk__in=ids), self.year)
        return sorted(records, key=lambda record: record.employee_id)


def skm_period(text: str | None, access: Access) -> Period | None:
    """The period asked for, or the latest month with answers in scope; ValueError if bad."""
    if text:
        return parse_period(text)
    latest = skm.latest_month(skm.service_units(access))
    return month_period(latest) if latest else None


def skm_scores(access: Access, period: Period) -> list[tuple[OrgUnit, skm.IkmScore]]:
    """Each service unit in scope with its IKM over `period`, from the aggregates only."""
    units = list(skm.service_units(access))
    scores = skm.scores_for_units([unit.pk for unit in units], period)
    return [(unit, scores[unit.pk]) for unit in units]


def min_cell_size() -> int:
    return skm.min_cell_size()
