"""Running aggregates of instrument answers: item × matrix row × unit × month (WIB).

Dashboards read these instead of the raw answers, so their cost grows with units and periods,
not with responses (DESIGN.md, "Performance by design"). `fold_responses` adds a batch of
stored responses inside the caller's transaction — a web submission or an import batch — so
the totals commit or roll back with the answers. `rebuild_cells` recomputes everything from
the raw answers for `sieva rebuild_item_aggregates`.

Only responses with a unit are aggregated (a unit is the respondent's unit at submission).
"""

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone

from sieva.instruments.models import Answer, ItemAggregate, Response

Key = tuple[int, str, int, date]  # item id, matrix row ("" otherwise), unit id, month
CHOICE_KINDS = frozenset({"likert4", "likert5", "single", "multiple", "matrix"})
_ANSWER_FIELDS = (
    "item_id",
    "item__kind",
    "response__unit_id",
    "response__submitted_at",
    "value_number",
    "value_text",
    "value_json",
)


@dataclass
class Cell:
    count: int = 0
    numeric_count: int = 0
    total: Decimal = Decimal(0)
    total_sq: Decimal = Decimal(0)
    histogram: Counter[str] = field(default_factory=Counter)

    def add(self, value: Any, *, histogram: bool) -> None:
        self.count += 1
        number = _as_number(value)
        if number is not None:
            self.numeric_count += 1
            self.total += number
            self.total_sq += number * number
        if histogram:
            values = value if isinstance(value, list) else [value]
            self.histogram.update(_label(v) for v in values)

    def as_tuple(self) -> tuple[int, int, Decimal, Decimal, dict[str, int]]:
        return (self.count, self.numeric_count, self.total, self.total_sq, dict(self.histogram))


def _as_number(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None or isinstance(value, list):
        return None
    if isinstance(value, Decimal | int):
        return Decimal(value)
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _label(value: Any) -> str:
    """Histogram key: Likert 4.0000 and "4" are the same answer."""
    number = _as_number(value)
    if number is not None and number == number.to_integral_value():
        return str(int(number))
    return str(value)


def month_of(moment: datetime) -> date:
    return timezone.localtime(moment).date().replace(day=1)


def _cells(rows: Iterable[tuple[Any, ...]]) -> dict[Key, Cell]:
    """Accumulate answer rows (in `_ANSWER_FIELDS` order) into cells."""
    cells: dict[Key, Cell] = {}
    for item_id, kind, unit_id, submitted_at, number, text, payload in rows:
        if unit_id is None:
            continue
        period = month_of(submitted_at)
        if kind == "matrix":
            for row, value in (payload or {}).items():
                key = (item_id, str(row), unit_id, period)
                cells.setdefault(key, Cell()).add(value, histogram=True)
            continue
        if payload is not None:
            value: Any = payload
        elif number is not None and kind != "single":
            value = number
        else:
            value = text
        cell = cells.setdefault((item_id, "", unit_id, period), Cell())
        if kind in ("short_text", "long_text", "date"):
            cell.count += 1
        else:
            cell.add(value, histogram=kind in CHOICE_KINDS)
    return cells


def fold_responses(responses: Iterable[Response]) -> int:
    """Add the stored answers of `responses` to the aggregates; returns cells touched.

    Call inside the transaction that stored the responses. Rows are created first (ignoring
    ones another transaction just created), then locked in primary-key order, so concurrent
    submissions neither lose an increment nor deadlock.
    """
    ids = [r.pk for r in responses]
    if not ids:
        return 0
    rows = Answer.objects.filter(response_id__in=ids).values_list(*_ANSWER_FIELDS)
    cells = _cells(rows)
    if not cells:
        return 0
    keys = sorted(cells)
    with transaction.atomic():
        ItemAggregate.objects.bulk_create(
            [ItemAggregate(item_id=i, row=r, unit_id=u, period=p) for i, r, u, p in keys],
            ignore_conflicts=True,
        )
        locked = ItemAggregate.objects.select_for_update().filter(
            item_id__in={k[0] for k in keys},
            unit_id__in={k[2] for k in keys},
            period__in={k[3] for k in keys},
        )
        changed = []
        for aggregate in locked.order_by("pk"):
            cell = cells.get(
                (aggregate.item_id, aggregate.row, aggregate.unit_id, aggregate.period)
            )
            if cell is None:
                continue
            aggregate.count += cell.count
            aggregate.numeric_count += cell.numeric_count
            aggregate.total += cell.total
            aggregate.total_sq += cell.total_sq
            histogram = Counter(aggregate.histogram)
            histogram.update(cell.histogram)
            aggregate.histogram = dict(sorted(histogram.items()))
            changed.append(aggregate)
        ItemAggregate.objects.bulk_update(
            changed, ["count", "numeric_count", "total", "total_sq", "histogram"]
        )
    return len(changed)


def rebuild_cells() -> dict[Key, Cell]:
    """Every cell recomputed from the raw answers (streams, a chunk at a time)."""
    rows = (
        Answer.objects.filter(response__unit__isnull=False)
        .values_list(*_ANSWER_FIELDS)
        .iterator(chunk_size=5000)
    )
    return _cells(rows)


@dataclass(frozen=True)
class Difference:
    key: Key
    expected: tuple[Any, ...] | None
    stored: tuple[Any, ...] | None


def _stored_cells() -> Iterator[tuple[Key, tuple[Any, ...]]]:
    for agg in ItemAggregate.objects.order_by("pk").iterator(chunk_size=5000):
        key = (agg.item_id, agg.row, agg.unit_id, agg.period)
        histogram = {k: v for k, v in agg.histogram.items() if v}
        yield key, (agg.count, agg.numeric_count, agg.total, agg.total_sq, histogram)


def compare_with_raw() -> tuple[dict[Key, Cell], list[Difference]]:
    """The rebuilt cells and every cell where the stored aggregate differs from them."""
    expected = rebuild_cells()
    differences = []
    seen = set()
    for key, stored in _stored_cells():
        seen.add(key)
        cell = expected.get(key)
        want = cell.as_tuple() if cell else None
        if want != stored and not (want is None and stored[0] == 0):
            differences.append(Difference(key, want, stored))
    for key in expected.keys() - seen:
        differences.append(Difference(key, expected[key].as_tuple(), None))
    return expected, sorted(differences, key=lambda d: d.key)


@transaction.atomic
def replace_all(cells: dict[Key, Cell]) -> None:
    """Make the stored aggregates exactly `cells` (the repair of `--fix`)."""
    ItemAggregate.objects.all().delete()
    ItemAggregate.objects.bulk_create(
        (
            ItemAggregate(
                item_id=i,
                row=r,
                unit_id=u,
                period=p,
                count=c.count,
                numeric_count=c.numeric_count,
                total=c.total,
                total_sq=c.total_sq,
                histogram=dict(sorted(c.histogram.items())),
            )
            for (i, r, u, p), c in sorted(cells.items())
        ),
        batch_size=2000,
    )
