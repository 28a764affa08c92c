"""Bulk insertion of checked rows and folding their totals, inside the import's transaction.

SQLite gets the connection's `executemany`; PostgreSQL gets `COPY … FROM STDIN` through
psycopg — both an order of magnitude faster than `bulk_create` (DESIGN.md).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
from django.db import connection

from sieva.satisfaction.elements import ELEMENTS
from sieva.satisfaction.models import SkmResponse
from sieva.satisfaction.services.aggregates import fold_rows
from sieva.satisfaction.services.imports.validate import UNIT_SPAN

COLUMNS = (
    "unit_id",
    "period",
    "submitted_at",
    *ELEMENTS,
    "gender",
    "age_band",
    "education",
    "occupation",
    "service",
    "source",
    "dedupe_key",
)
_BATCH = 50_000
SQLITE_CACHE_KIB = 128 * 1024


def insert_rows(rows: list[tuple[Any, ...]]) -> None:
    q = connection.ops.quote_name
    table = q(SkmResponse._meta.db_table)
    names = ", ".join(q(c) for c in COLUMNS)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(COLUMNS))})"  # noqa: S608 - names are ours
        for start in range(0, len(rows), _BATCH):
            cursor.executemany(sql, rows[start : start + _BATCH])


def fold_arrays(keys: list[np.ndarray], answers: list[np.ndarray], periods: list[str]) -> int:
    """Fold all checked chunks into the aggregates; returns the number of unit-months touched."""
    if not keys:
        return 0
    all_keys = np.concatenate(keys)
    all_answers = np.concatenate(answers, axis=1)
    groups, inverse = np.unique(all_keys, return_inverse=True)
    inverse = inverse.ravel()
    size = len(groups)
    respondents = np.bincount(inverse, minlength=size)
    unit_ids = (groups % UNIT_SPAN).tolist()
    months = [periods[i] for i in (groups // UNIT_SPAN).tolist()]
    # (group, element, answer 1..4) counts, group-major like the (period, unit) index.
    hist = np.stack(
        [
            np.bincount(inverse * 5 + all_answers[e], minlength=size * 5).reshape(size, 5)[:, 1:]
            for e in range(len(ELEMENTS))
        ],
        axis=1,
    ).reshape(-1, 4)
    count = hist.sum(axis=1)
    kept = np.flatnonzero(count)
    hist = hist[kept]
    weights = np.array([1, 2, 3, 4])
    group_of = (kept // len(ELEMENTS)).tolist()
    element_rows = list(
        zip(
            [months[g] for g in group_of],
            [unit_ids[g] for g in group_of],
            [ELEMENTS[e] for e in (kept % len(ELEMENTS)).tolist()],
            count[kept].tolist(),
            (hist @ weights).tolist(),
            (hist @ (weights * weights)).tolist(),
            *hist.T.tolist(),
            strict=True,
        )
    )
    fold_rows(
        element_rows, list(zip(months, unit_ids, respondents.tolist(), strict=True)), bulk=True
    )
    return size


@contextmanager
def bulk_session() -> Iterator[None]:
    """A larger SQLite page cache while an import runs: index upserts stay in memory."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        previous = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA cache_size = {-SQLITE_CACHE_KIB}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(previous)}")
