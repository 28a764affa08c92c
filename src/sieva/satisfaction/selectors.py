"""Reads for the SKM pages: IKM per unit and period from the aggregates, never the raw rows.

A unit with fewer than ``SIEVA_MIN_CELL_SIZE`` respondents in a period is *suppressed*: no
NRR, IKM or grade is shown or exported for it (DOMAIN.md: never a breakdown below 5).
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import repeat
from typing import Any

import numpy as np
import numpy.typing as npt
from django.conf import settings
from django.db.models import Max, QuerySet
from django.http import Http404

from sieva.analysis.indices.ikm import IkmResult
from sieva.analysis.indices.ikm_batch import IkmBatch, ikm_batch_from_totals
from sieva.core.periods import add_months
from sieva.org.access import Access, get_org_unit_for_user, org_units_for_user
from sieva.org.models import OrgKind, OrgUnit
from sieva.satisfaction.elements import ELEMENTS
from sieva.satisfaction.models import SkmAggregate, SkmUnitPeriod
from sieva.satisfaction.periods import Period, month_period


@dataclass(frozen=True, eq=False)
class UnitScore:
    """The IKM of one unit in one period; ``result`` is None when suppressed or empty.

    Scores come in batches (`ikm_batch_from_totals`); ``result`` is built from row ``row``
    of ``batch`` on first access, so listing 2,000 units does not build 2,000 results.
    """

    unit_id: int
    period: Period
    respondents: int
    batch: IkmBatch | None = field(default=None, repr=False)
    row: int = field(default=-1, repr=False)

    @cached_property
    def result(self) -> IkmResult | None:
        return None if self.batch is None else self.batch.result(self.row)

    @property
    def suppressed(self) -> bool:
        return 0 < self.respondents < min_cell_size()


def min_cell_size() -> int:
    return int(getattr(settings, "SIEVA_MIN_CELL_SIZE", 5))


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
class Totals:
    """Summed aggregates: row i is ``keys[i]`` (a unit id or a month), column j ``codes[j]``."""

    keys: list[Any]
    codes: tuple[str, ...]
    sums: npt.NDArray[np.int64]
    counts: npt.NDArray[np.int64]
    respondents: npt.NDArray[np.int64]


def _totals(
    keys: list[Any], rows: Iterable[tuple[Any, str, int, int]], people: Iterable[tuple[Any, int]]
) -> Totals:
    """Sum (key, element, Σx, n) rows and (key, respondents) rows into arrays, rows in `keys`.

    Rows of other keys are ignored. Columns walk at C speed (`map`, `np.fromiter`): this
    runs over units × elements rows on every dashboard.
    """
    index = {key: i for i, key in enumerate(keys)}
    rows, people = list(rows), list(people)
    key_col, code_col, sum_col, count_col = zip(*rows, strict=True) if rows else ((),) * 4
    codes = ELEMENTS + tuple(sorted(set(code_col) - set(ELEMENTS)))
    row_of = np.fromiter(map(index.get, key_col, repeat(-1)), np.int64, len(rows))
    col_of = np.fromiter(map({c: j for j, c in enumerate(codes)}.get, code_col), np.int64)
    found = row_of >= 0
    flat, cells = (row_of * len(codes) + col_of)[found], len(keys) * len(codes)
    sums, counts = (  # float64 weights add integers exactly below 2**53
        np.bincount(flat, np.fromiter(col, np.float64, len(rows))[found], cells).astype(np.int64)
        for col in (sum_col, count_col)
    )
    person_keys, person_counts = zip(*people, strict=True) if people else ((), ())
    person_row = np.fromiter(map(index.get, person_keys, repeat(-1)), np.int64, len(people))
    weights = np.fromiter(person_counts, np.float64, len(people))
    respondents = np.bincount(person_row[person_row >= 0], weights[person_row >= 0], len(keys))
    shape = (len(keys), len(codes))
    return Totals(
        keys, codes, sums.reshape(shape), counts.reshape(shape), respondents.astype(np.int64)
    )


def unit_totals(unit_ids: list[int], period: Period) -> Totals:
    """Per unit the summed (Σx, n) of each element and the respondents over `period`."""
    months = (period.first, period.last)
    rows = SkmAggregate.objects.filter(period__range=months).values_list(
        "unit_id", "element", "total", "count"
    )
    people = SkmUnitPeriod.objects.filter(period__range=months).values_list(
        "unit_id", "respondents"
    )
    if len(unit_ids) < 500:  # beyond that, scanning the months beats a huge IN list
        rows, people = rows.filter(unit_id__in=unit_ids), people.filter(unit_id__in=unit_ids)
    return _totals(unit_ids, rows, people)


def _scores(totals: Totals, unit_ids: list[int], periods: list[Period]) -> list[UnitScore]:
    """One score per row of `totals`; IKM for rows with enough respondents and any answer."""
    scored = (totals.respondents >= min_cell_size()) & (totals.counts > 0).any(axis=1)
    rows = np.flatnonzero(scored)
    batch = ikm_batch_from_totals(
        totals.sums[rows], totals.counts[rows], totals.respondents[rows], codes=totals.codes
    )
    position = dict(zip(rows.tolist(), range(len(rows)), strict=True))
    return [
        UnitScore(
            unit_ids[i],
            periods[i],
            int(totals.respondents[i]),
            batch if i in position else None,
            position.get(i, -1),
        )
        for i in range(len(totals.keys))
    ]


def scores_for_units(unit_ids: Iterable[int], period: Period) -> dict[int, UnitScore]:
    """IKM of each unit in `unit_ids` over `period`, from two aggregate queries."""
    ids = list(dict.fromkeys(unit_ids))
    if not ids:
        return {}
    scores = _scores(unit_totals(ids, period), ids, [period] * len(ids))
    return {score.unit_id: score for score in scores}


def latest_month(unit_ids: QuerySet[OrgUnit] | None = None) -> dt.date | None:
    """The most recent month with any response (among `unit_ids` when given)."""
    rows = SkmUnitPeriod.objects.all()
    if unit_ids is not None:
        rows = rows.filter(unit__in=unit_ids)
    latest: dt.date | None = rows.aggregate(latest=Max("period"))["latest"]
    return latest


def trend(unit: OrgUnit, last: dt.date, months: int = 12) -> list[UnitScore]:
    """Month-by-month IKM of `unit` for the `months` months ending with `last`."""
    first = add_months(last, -(months - 1))
    month_list = [add_months(first, i) for i in range(months)]
    rows = SkmAggregate.objects.filter(unit=unit, period__range=(first, last)).values_list(
        "period", "element", "total", "count"
    )
    people = SkmUnitPeriod.objects.filter(unit=unit, period__range=(first, last)).values_list(
        "period", "respondents"
    )
    periods = [month_period(m) for m in month_list]
    return _scores(_totals(month_list, rows, people), [unit.pk] * months, periods)
