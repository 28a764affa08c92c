"""The IKM trend of the dashboard: pooled IKM of the service units in scope per quarter,
read from the SKM running aggregates (summing months is exact: counts and sums add up)."""

import datetime as dt
from collections import defaultdict

from django.db.models import Sum

from sieva.analysis.indices.ikm_batch import ikm_batch_from_totals
from sieva.evaluation.engine.levels.common import min_cell
from sieva.org.access import Access, org_units_for_user
from sieva.org.models import OrgKind, OrgUnit
from sieva.satisfaction.elements import ELEMENTS
from sieva.satisfaction.models import SkmAggregate, SkmUnitPeriod

TREND_YEARS = 2


def quarter_label(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def quarters_of(year: int) -> list[str]:
    """The quarters the trends show: those of `year` and the year before."""
    return [f"{y}-Q{q}" for y in range(year - TREND_YEARS + 1, year + 1) for q in range(1, 5)]


def ikm_trend(
    access: Access, node: OrgUnit | None, year: int
) -> list[tuple[str, float | None, int]]:
    """Pooled IKM (as NIK) of the service units in scope per quarter, from the aggregates."""
    units = org_units_for_user(access).filter(kind=OrgKind.SERVICE_UNIT)
    if node is not None:
        units = units.filter(path__startswith=node.path)
    months = (dt.date(year - TREND_YEARS + 1, 1, 1), dt.date(year, 12, 1))
    unit_ids = units.values("pk")
    sums: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for month, element, total, count in (
        SkmAggregate.objects.filter(unit_id__in=unit_ids, period__range=months)
        .values("period", "element")
        .annotate(t=Sum("total"), c=Sum("count"))
        .values_list("period", "element", "t", "c")
        .order_by()
    ):
        cell = sums[quarter_label(month)][element]
        cell[0] += total or 0
        cell[1] += count or 0
    people: dict[str, int] = defaultdict(int)
    for month, n in (
        SkmUnitPeriod.objects.filter(unit_id__in=unit_ids, period__range=months)
        .values("period")
        .annotate(n=Sum("respondents"))
        .values_list("period", "n")
        .order_by()
    ):
        people[quarter_label(month)] += n or 0
    quarters = quarters_of(year)
    shown = [q for q in quarters if q in sums and people[q] >= min_cell()]
    nik: dict[str, float] = {}
    if shown:
        codes = ELEMENTS + tuple(sorted({e for q in shown for e in sums[q]} - set(ELEMENTS)))
        batch = ikm_batch_from_totals(
            [[sums[q][c][0] for c in codes] for q in shown],
            [[sums[q][c][1] for c in codes] for q in shown],
            [people[q] for q in shown],
            codes=codes,
        )
        nik = {q: float(batch.nik[i]) for i, q in enumerate(shown)}
    return [(q, nik.get(q), people.get(q, 0)) for q in quarters]
