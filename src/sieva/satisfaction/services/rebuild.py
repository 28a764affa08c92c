"""Recomputing the aggregates from the raw responses, to prove (or repair) the running totals."""

from dataclasses import dataclass

from django.db import connection, transaction

from sieva.satisfaction.elements import ELEMENTS
from sieva.satisfaction.models import SkmAggregate, SkmImport, SkmResponse, SkmUnitPeriod
from sieva.satisfaction.services.aggregates import STATS

Key = tuple[int, str, str]  # unit id, 'YYYY-MM-DD', element ('' for the respondent count)


@dataclass(frozen=True)
class Difference:
    """One aggregate whose stored value differs from the recomputed one (None = row missing)."""

    unit_id: int
    period: str
    element: str
    stored: tuple[int, ...] | None
    expected: tuple[int, ...] | None


def _period(value: object) -> str:
    return str(value)[:10]


def expected_totals() -> dict[Key, tuple[int, ...]]:
    """Aggregates as the raw responses give them, in one grouped scan of the responses."""
    q = connection.ops.quote_name
    table = q(SkmResponse._meta.db_table)
    parts = ["COUNT(*)"]
    for element in ELEMENTS:
        c = q(element)
        parts += [f"COUNT({c})", f"COALESCE(SUM({c}), 0)", f"COALESCE(SUM({c} * {c}), 0)"]
        parts += [f"SUM(CASE WHEN {c} = {v} THEN 1 ELSE 0 END)" for v in range(1, 5)]
    # Rows of an import not yet published (decision 0054) count nowhere.
    imports = q(SkmImport._meta.db_table)
    unpublished = f"SELECT id FROM {imports} WHERE NOT published"  # noqa: S608 - names are ours
    sql = (
        f"SELECT unit_id, period, {', '.join(parts)} FROM {table} "  # noqa: S608 - names are ours
        f"WHERE imported_in_id IS NULL OR imported_in_id NOT IN ({unpublished}) "
        "GROUP BY unit_id, period"
    )
    out: dict[Key, tuple[int, ...]] = {}
    width = len(STATS)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        for unit_id, period, respondents, *stats in cursor.fetchall():
            month = _period(period)
            out[(unit_id, month, "")] = (int(respondents),)
            for i, element in enumerate(ELEMENTS):
                values = tuple(int(v) for v in stats[i * width : (i + 1) * width])
                if values[0]:
                    out[(unit_id, month, element)] = values
    return out


def stored_totals() -> dict[Key, tuple[int, ...]]:
    out: dict[Key, tuple[int, ...]] = {}
    for unit_id, period, element, *stats in SkmAggregate.objects.values_list(
        "unit_id", "period", "element", *STATS
    ).iterator(chunk_size=10_000):
        if stats[0]:
            out[(unit_id, _period(period), element)] = tuple(stats)
    for unit_id, period, n in SkmUnitPeriod.objects.values_list(
        "unit_id", "period", "respondents"
    ).iterator(chunk_size=10_000):
        if n:
            out[(unit_id, _period(period), "")] = (n,)
    return out


def aggregates_compare() -> list[Difference]:
    """Every aggregate that does not match the raw responses, ordered by unit, month, element."""
    expected, stored = expected_totals(), stored_totals()
    return [
        Difference(key[0], key[1], key[2], stored.get(key), expected.get(key))
        for key in sorted(expected.keys() | stored.keys())
        if expected.get(key) != stored.get(key)
    ]


@transaction.atomic
def aggregates_rebuild() -> None:
    """Replace every aggregate by the totals recomputed from the raw responses."""
    expected = expected_totals()
    SkmAggregate.objects.all().delete()
    SkmUnitPeriod.objects.all().delete()
    SkmAggregate.objects.bulk_create(
        (
            SkmAggregate(unit_id=u, period=p, element=e, **dict(zip(STATS, s, strict=True)))
            for (u, p, e), s in expected.items()
            if e
        ),
        batch_size=2000,
    )
    SkmUnitPeriod.objects.bulk_create(
        (
            SkmUnitPeriod(unit_id=u, period=p, respondents=s[0])
            for (u, p, e), s in expected.items()
            if not e
        ),
        batch_size=2000,
    )
