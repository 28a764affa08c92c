"""Folding responses into the running aggregates, and rebuilding them from the raw rows.

`Tally` accumulates a batch in memory; `tally_fold` adds it to the stored totals with
``INSERT … ON CONFLICT … DO UPDATE SET x = x + excluded.x`` (the same SQL on SQLite and
PostgreSQL) — row by row for a submission, set-based from a staging table for a large batch —
so it must run inside the transaction that stores the responses.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction

from sieva.satisfaction.elements import ELEMENTS
from sieva.satisfaction.models import SkmAggregate, SkmUnitPeriod

# count, total, total_sq, n1, n2, n3, n4
STATS = ("count", "total", "total_sq", "n1", "n2", "n3", "n4")
STAGE_FROM = 500  # rows; fewer are upserted one statement each


@dataclass
class Tally:
    """Totals of a batch: per (unit id, 'YYYY-MM-01', element) the seven `STATS`."""

    elements: dict[tuple[int, str, str], list[int]] = field(
        default_factory=lambda: defaultdict(lambda: [0] * len(STATS))
    )
    respondents: dict[tuple[int, str], int] = field(default_factory=lambda: defaultdict(int))

    def add_histogram(self, unit_id: int, period: str, element: str, hist: list[int]) -> None:
        """Add counts of answers 1..4 (`hist[0]` answers of 1, …)."""
        stats = self.elements[(unit_id, period, element)]
        n = sum(hist)
        stats[0] += n
        stats[1] += hist[0] + 2 * hist[1] + 3 * hist[2] + 4 * hist[3]
        stats[2] += hist[0] + 4 * hist[1] + 9 * hist[2] + 16 * hist[3]
        for i in range(4):
            stats[3 + i] += hist[i]

    def add_response(self, unit_id: int, period: str, answers: dict[str, int | None]) -> None:
        self.respondents[(unit_id, period)] += 1
        for element in ELEMENTS:
            value = answers.get(element)
            if value is not None:
                hist = [0, 0, 0, 0]
                hist[value - 1] = 1
                self.add_histogram(unit_id, period, element, hist)


def _upsert_sql(table: str, keys: tuple[str, ...], values: tuple[str, ...]) -> str:
    q = connection.ops.quote_name
    columns = ", ".join(q(c) for c in keys + values)
    placeholders = ", ".join(["%s"] * (len(keys) + len(values)))
    updates = ", ".join(f"{q(v)} = {q(table)}.{q(v)} + excluded.{q(v)}" for v in values)
    conflict = ", ".join(q(k) for k in keys)
    return (
        f"INSERT INTO {q(table)} ({columns}) VALUES ({placeholders}) "  # noqa: S608 - our names
        f"ON CONFLICT ({conflict}) DO UPDATE SET {updates}"
    )


def tally_fold(tally: Tally) -> None:
    """Add `tally` to the stored aggregates; call inside the transaction that wrote the rows."""
    fold_rows(
        sorted((p, u, e, *stats) for (u, p, e), stats in tally.elements.items()),
        sorted((p, u, n) for (u, p), n in tally.respondents.items()),
    )


def fold_rows(
    element_rows: Sequence[tuple[Any, ...]],
    period_rows: Sequence[tuple[Any, ...]],
    *,
    bulk: bool = False,
) -> None:
    """Add rows ``(period, unit_id, element, *STATS)`` and ``(period, unit_id, respondents)``.

    Rows sorted like the unique keys (period, unit, element) write fastest. A few rows (one web
    submission) are upserted directly; `bulk` or more than `STAGE_FROM` rows go through a
    staging table and one set-based upsert.

    Raises RuntimeError outside a transaction: totals and responses must commit together.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("aggregates must be folded inside the transaction storing responses")
    tables = (
        (SkmAggregate._meta.db_table, ("period", "unit_id", "element"), STATS, element_rows),
        (SkmUnitPeriod._meta.db_table, ("period", "unit_id"), ("respondents",), period_rows),
    )
    with connection.cursor() as cursor:
        for table, keys, values, rows in tables:
            if not rows:
                continue
            if bulk or len(rows) > STAGE_FROM:
                _fold_staged(cursor, table, keys, values, rows)
                continue
            sql = _upsert_sql(table, keys, values)
            cursor.executemany(sql, list(rows))


def _fold_staged(
    cursor: Any,
    table: str,
    keys: tuple[str, ...],
    values: tuple[str, ...],
    rows: Iterable[tuple[Any, ...]],
) -> None:
    """Load the batch's totals into a temporary table, then add them with one upsert.

    Per-row upserts cost a statement each (SQLite: a VDBE run per row; PostgreSQL: a round
    trip); the staging table is filled by a plain `executemany` (SQLite) or `COPY`
    (PostgreSQL) and the single ``INSERT … SELECT … ON CONFLICT DO UPDATE`` walks the unique
    index in C, in key order when the rows come sorted.
    """
    q = connection.ops.quote_name
    staging = q(f"{table}_fold")
    columns = ", ".join(q(c) for c in keys + values)
    if connection.vendor == "postgresql":
        cursor.execute(
            f"CREATE TEMPORARY TABLE {staging} ON COMMIT DROP AS "  # noqa: S608 - our names
            f"SELECT {columns} FROM {q(table)} WITH NO DATA"
        )
        with cursor.cursor.copy(f"COPY {staging} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        # Untyped, unindexed and TEMP (memory with temp_store=MEMORY, never in the WAL).
        cursor.execute(f"CREATE TEMP TABLE {staging} ({columns})")
        marks = ", ".join(["?"] * (len(keys) + len(values)))
        # The raw sqlite3 connection: no placeholder rewriting or query logging per batch.
        connection.connection.executemany(f"INSERT INTO {staging} VALUES ({marks})", rows)  # noqa: S608
    updates = ", ".join(f"{q(v)} = {q(table)}.{q(v)} + excluded.{q(v)}" for v in values)
    # "WHERE true" tells SQLite's parser that ON CONFLICT belongs to the INSERT, not a join.
    cursor.execute(
        f"INSERT INTO {q(table)} ({columns}) SELECT {columns} FROM {staging} WHERE true "  # noqa: S608
        f"ON CONFLICT ({', '.join(q(k) for k in keys)}) DO UPDATE SET {updates}"
    )
    cursor.execute(f"DROP TABLE {staging}")
