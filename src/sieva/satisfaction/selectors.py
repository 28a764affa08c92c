"""Reads of the SKM app, and the one IKM reader of the house.

`ikm_scores` is the only code that turns the SKM running aggregates into IKM: the SKM pages,
the leaders' dashboard (units pooled per quarter) and the evaluation engine's L4 panel (per
unit and month) all call it. It reads aggregates, never the raw responses, and scores with
`sieva.analysis.indices.ikm_batch` (identical to `ikm.ikm_from_totals`: NRR per element,
weights 1/9, NIK = IKM × 25 rounded after full precision, grades A–D).

Suppression, stated once (`is_shown`, `_publishable`): a unit-period — or a pool of units
over a period — with fewer than ``SIEVA_MIN_CELL_SIZE`` respondents is suppressed: no NRR,
IKM or grade is shown, exported or analysed for it, only its number of respondents
(DOMAIN.md: never a breakdown below 5). A total is also suppressed when subtracting its
visible parts would reveal a hidden one (issue 10: a quarter minus its shown months, a year
minus its shown quarters, a pool minus its shown units): it is shown only when its hidden
parts hold no respondents or at least the minimum together
(`sieva.analysis.suppression.total_shown`, `calendar_shown`; decision 0058).
"""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import product, repeat
from typing import Any

import numpy as np
import numpy.typing as npt
from django.conf import settings
from django.db.models import Case, IntegerField, Max, QuerySet, Sum, Value, When
from django.http import Http404

from sieva.analysis.indices.ikm import IkmResult
from sieva.analysis.indices.ikm_batch import IkmBatch, ikm_batch_from_totals
from sieva.analysis.suppression import calendar_shown, total_shown
from sieva.core.periods import add_months
from sieva.org.access import Access, get_org_unit_for_user, org_units_for_user
from sieva.org.models import OrgKind, OrgUnit
from sieva.satisfaction.elements import ELEMENTS
from sieva.satisfaction.models import SkmAggregate, SkmUnitPeriod
from sieva.satisfaction.periods import Period, month_period

Ints = npt.NDArray[np.int64]
IN_LIST_LIMIT = 500  # unit ids; beyond that, scanning the months beats a huge IN list


def min_cell_size() -> int:
    return int(settings.SIEVA_MIN_CELL_SIZE)


def is_shown(respondents: Any) -> Any:
    """The suppression rule: IKM is shown for at least `min_cell_size()` respondents.

    Works on one count or, element-wise, on an array of counts.
    """
    return respondents >= min_cell_size()


@dataclass(frozen=True, eq=False)
class IkmScore:
    """The IKM of one unit (``unit_id``; None for a pool of units) over one period.

    ``result`` is None when the cell is suppressed or nobody answered. Scores come in batches
    (`ikm_batch_from_totals`); ``result`` is built from row ``row`` of ``batch`` on first
    access, so listing 2,000 units does not build 2,000 results.
    """

    unit_id: int | None
    period: Period
    respondents: int
    batch: IkmBatch | None = field(default=None, repr=False)
    row: int = field(default=-1, repr=False)
    withheld: bool = False

    @cached_property
    def result(self) -> IkmResult | None:
        return None if self.batch is None else self.batch.result(self.row)

    @property
    def suppressed(self) -> bool:
        """Somebody answered, but too few to show (`is_shown`) — or enough, but showing the
        total would reveal a hidden part by subtraction (`complementary`)."""
        return self.respondents > 0 and (self.withheld or not is_shown(self.respondents))

    @property
    def complementary(self) -> bool:
        """Suppressed although it has enough respondents: its hidden parts would show."""
        return self.suppressed and is_shown(self.respondents)


def service_units(access: Access) -> QuerySet[OrgUnit]:
    """The service units (unit layanan) in the user's subtree, by path."""
    return org_units_for_user(access).filter(kind=OrgKind.SERVICE_UNIT)


def get_service_unit_for_user(access: Access, pk: int) -> OrgUnit:
    """Service unit `pk` within the user's subtree; 404 otherwise (also for other kinds)."""
    unit = get_org_unit_for_user(access, pk)
    if unit.kind != OrgKind.SERVICE_UNIT:
        raise Http404
    return unit


@dataclass(frozen=True)
class IkmTotals:
    """Summed aggregates: row i is cell i of ``units`` × ``periods`` (unit-major; ``units`` is
    ``[None]`` for a pool), column j element ``codes[j]``; respondents per cell."""

    units: list[int | None]
    periods: Sequence[Period]
    codes: tuple[str, ...]
    sums: Ints
    counts: Ints
    respondents: Ints


def _cells(
    unit_col: Sequence[Any], slot_col: Sequence[int], unit_slot: dict[Any, int], periods: int
) -> Ints:
    """The cell (unit slot × periods + period slot) of each row, -1 for rows not asked for.

    Columns walk at C speed (`map`, `np.fromiter`): this runs over units × months × elements
    rows on every dashboard.
    """
    n = len(unit_col)
    units = np.fromiter(map(unit_slot.get, unit_col, repeat(-1)), np.int64, n)
    slots = np.fromiter(slot_col, np.int64, n)
    return np.where((units >= 0) & (slots >= 0), units * periods + slots, -1)


def _totals(
    rows: Iterable[tuple[Any, ...]],
    people: Iterable[tuple[Any, ...]],
    units: list[int | None],
    periods: Sequence[Period],
) -> IkmTotals:
    """Sum (unit, period slot, element, Σx, n) and (unit, period slot, respondents) rows;
    with one period the rows may leave the slot out: (unit, element, Σx, n), (unit, n)."""
    unit_slot = {unit: i for i, unit in enumerate(units)}
    cells = len(units) * len(periods)
    rows, people = list(rows), list(people)
    columns = list(zip(*rows, strict=True)) if rows else [()] * 5
    heads = list(zip(*people, strict=True)) if people else [()] * 3
    if len(columns) == 4:  # one period: every row is in slot 0
        columns.insert(1, [0] * len(rows))
        heads.insert(1, [0] * len(people))
    unit_col, slot_col, code_col, sum_col, count_col = columns
    codes = ELEMENTS + tuple(sorted(set(code_col) - set(ELEMENTS)))
    cell = _cells(unit_col, slot_col, unit_slot, len(periods))
    column = np.fromiter(
        map({c: j for j, c in enumerate(codes)}.__getitem__, code_col), np.int64, len(rows)
    )
    found = cell >= 0
    flat, size = (cell * len(codes) + column)[found], cells * len(codes)
    sums, counts = (  # float64 weights add integers exactly below 2**53
        np.bincount(flat, np.fromiter(col, np.float64, len(rows))[found], size)
        .astype(np.int64)
        .reshape(cells, len(codes))
        for col in (sum_col, count_col)
    )
    person_units, person_slots, person_counts = heads
    person_cell = _cells(person_units, person_slots, unit_slot, len(periods))
    weights = np.fromiter(person_counts, np.float64, len(people))
    kept = person_cell >= 0
    respondents = np.bincount(person_cell[kept], weights[kept], cells).astype(np.int64)
    return IkmTotals(units, periods, codes, sums, counts, respondents)


def _period_slot(periods: Sequence[Period]) -> tuple[tuple[dt.date, dt.date], Case | Value]:
    """The months to read, and an SQL expression giving each month's period slot (-1 for a
    month between the periods), so rows arrive as small integers, not dates to parse.

    Raises ValueError when two periods share a month.
    """
    seen: set[dt.date] = set()
    for period in periods:
        for month in period.months:
            if month in seen:
                raise ValueError(f"periods overlap in {month:%Y-%m}")
            seen.add(month)
    span = (min(p.first for p in periods), max(p.last for p in periods))
    if len(periods) == 1:
        return span, Value(0)
    whens = [When(period__range=(p.first, p.last), then=Value(i)) for i, p in enumerate(periods)]
    return span, Case(*whens, default=Value(-1), output_field=IntegerField())


def ikm_totals(
    units: Sequence[int] | QuerySet[OrgUnit], periods: Sequence[Period], *, pooled: bool = False
) -> IkmTotals:
    """The summed aggregates `ikm_scores` scores (see there); two aggregate queries."""
    ids: list[int | None] = [None]
    if not periods:
        return _totals([], [], ids, periods)
    span, slot = _period_slot(periods)
    aggregates = SkmAggregate.objects.filter(period__range=span)
    people = SkmUnitPeriod.objects.filter(period__range=span)
    if pooled:
        within = units.values("pk") if isinstance(units, QuerySet) else list(units)
        rows: Iterable[Any] = (
            (None, *row)
            for row in aggregates.filter(unit_id__in=within)
            .annotate(slot=slot)
            .values("slot", "element")
            .annotate(t=Sum("total"), c=Sum("count"))
            .values_list("slot", "element", "t", "c")
            .order_by()
        )
        heads: Iterable[Any] = (
            (None, *row)
            for row in people.filter(unit_id__in=within)
            .annotate(slot=slot)
            .values("slot")
            .annotate(n=Sum("respondents"))
            .values_list("slot", "n")
            .order_by()
        )
        return _totals(rows, heads, ids, periods)
    listed = units.values_list("pk", flat=True) if isinstance(units, QuerySet) else units
    ids = list(dict.fromkeys(listed))
    if len(ids) < IN_LIST_LIMIT:
        aggregates, people = aggregates.filter(unit_id__in=ids), people.filter(unit_id__in=ids)
    if len(periods) == 1:  # the big case (every unit of a scope): no slot to convert per row
        rows = aggregates.values_list("unit_id", "element", "total", "count")
        heads = people.values_list("unit_id", "respondents")
    else:
        rows = aggregates.annotate(slot=slot).values_list(
            "unit_id", "slot", "element", "total", "count"
        )
        heads = people.annotate(slot=slot).values_list("unit_id", "slot", "respondents")
    return _totals(rows, heads, ids, periods)


def ikm_scores(
    units: Sequence[int] | QuerySet[OrgUnit], periods: Sequence[Period], *, pooled: bool = False
) -> list[IkmScore]:
    """IKM per unit and period from the running aggregates — or, when `pooled`, per period
    over all `units` together (their counts and sums added, as if they were one unit).

    Returns one score per unit × period: units in the order given (each once), periods in
    the order given within each unit; pooled, one score per period. A period sums its
    months before scoring, so a quarter's NRR is exact, not a mean of monthly means.
    Suppression follows `is_shown`. ValueError when two periods share a month.
    """
    totals = ikm_totals(units, periods, pooled=pooled)
    shown = _publishable(units, totals, pooled=pooled)
    scored = shown & (totals.counts > 0).any(axis=1)
    rows = np.flatnonzero(scored)
    batch = ikm_batch_from_totals(
        totals.sums[rows], totals.counts[rows], totals.respondents[rows], codes=totals.codes
    )
    position = dict(zip(rows.tolist(), range(len(rows)), strict=True))
    respondents, withheld = totals.respondents.tolist(), (~shown).tolist()
    return [
        IkmScore(
            unit,
            period,
            respondents[cell],
            batch if cell in position else None,
            position.get(cell, -1),
            withheld[cell] and respondents[cell] > 0,
        )
        for cell, (unit, period) in enumerate(product(totals.units, totals.periods))
    ]


def _monthly(unit_ids: Any, months: list[dt.date]) -> tuple[list[int], Ints]:
    """Respondents of each unit (rows, in the order returned) in each of `months` (columns)."""
    column = {month: j for j, month in enumerate(months)}
    rows = list(
        SkmUnitPeriod.objects.filter(unit_id__in=unit_ids, period__in=months)
        .values_list("unit_id", "period", "respondents")
        .order_by()
    )
    ids = sorted({unit for unit, _month, _n in rows})
    slot = {unit: i for i, unit in enumerate(ids)}
    table = np.zeros((len(ids), len(months)), np.int64)
    for unit, month, people in rows:
        table[slot[unit], column[month]] = people
    return ids, table


def _parts_shown(monthly: Ints, period: Period) -> npt.NDArray[np.bool_]:
    """Whether each row's total over `period` may be published next to its parts: a month
    from the minimum on; a calendar year checked through its quarters and months; any other
    span through its months (`sieva.analysis.suppression`)."""
    k = min_cell_size()
    if monthly.shape[1] == 1:
        return monthly[:, 0] >= k  # type: ignore[no-any-return]
    if monthly.shape[1] == 12 and period.first.month == 1:
        return calendar_shown(monthly, min_count=k).years
    hidden = np.where(monthly >= k, 0, monthly).sum(axis=1)
    return total_shown(monthly.sum(axis=1), hidden, min_count=k)


def _publishable(
    units: Sequence[int] | QuerySet[OrgUnit], totals: IkmTotals, *, pooled: bool
) -> npt.NDArray[np.bool_]:
    """Per cell of `totals`: may its IKM be published? (See the module docstring.)

    Months of single units need nothing but their own count; longer periods and pools read
    the respondents per unit and month (one more query over the same months)."""
    if not pooled and all(len(p.months) == 1 for p in totals.periods):
        return is_shown(totals.respondents)  # type: ignore[no-any-return]
    months = [month for period in totals.periods for month in period.months]
    if pooled:
        within: Any = units.values("pk") if isinstance(units, QuerySet) else list(units)
    else:
        within = [unit for unit in totals.units if unit is not None]
    ids, monthly = _monthly(within, months)
    shown = np.zeros(len(totals.units) * len(totals.periods), bool)
    first = 0
    for j, period in enumerate(totals.periods):
        part = monthly[:, first : first + len(period.months)]
        first += len(period.months)
        unit_shown = _parts_shown(part, period)
        if pooled:
            people = part.sum(axis=1)
            hidden = np.array([people[~unit_shown].sum()])
            total = totals.respondents[j : j + 1]
            shown[j] = total_shown(total, hidden, min_count=min_cell_size())[0]
            continue
        by_unit = dict(zip(ids, unit_shown.tolist(), strict=True))
        for u, unit in enumerate(totals.units):
            shown[u * len(totals.periods) + j] = by_unit.get(unit, False)
    return shown


def scores_for_units(unit_ids: Iterable[int], period: Period) -> dict[int, IkmScore]:
    """IKM of each unit in `unit_ids` over `period` (see `ikm_scores`)."""
    return {s.unit_id: s for s in ikm_scores(list(unit_ids), [period]) if s.unit_id is not None}


def trend(unit: OrgUnit, last: dt.date, months: int = 12) -> list[IkmScore]:
    """Month-by-month IKM of `unit` for the `months` months ending with `last`."""
    first = add_months(last, -(months - 1))
    return ikm_scores([unit.pk], [month_period(add_months(first, i)) for i in range(months)])


def latest_month(unit_ids: QuerySet[OrgUnit] | None = None) -> dt.date | None:
    """The most recent month with any response (among `unit_ids` when given): the month SKM
    pages open on, so a month whose totals were rebuilt to zero never opens empty."""
    rows = SkmUnitPeriod.objects.filter(respondents__gt=0)
    if unit_ids is not None:
        rows = rows.filter(unit__in=unit_ids)
    latest: dt.date | None = rows.aggregate(latest=Max("period"))["latest"]
    return latest
