"""Bulk insertion of checked rows and folding their totals, inside the import's transaction.

SQLite gets the connection's `executemany`; PostgreSQL gets `COPY … FROM STDIN` through
psycopg — both an order of magnitude faster than `bulk_create` (DESIGN.md).
"""

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any

import numpy as np
from django.db import connection

from sieva.satisfaction.elements import ELEMENTS
from sieva.satisfaction.models import SkmResponse
from sieva.satisfaction.services.aggregates import fold_rows
from sieva.satisfaction.services.imports.validate import TEXT_COLUMNS, UNIT_SPAN

COLUMNS = ("unit_id", "period", "submitted_at", *ELEMENTS, *TEXT_COLUMNS)
_BATCH = 50_000
SQLITE_CACHE_KIB = 128 * 1024


def insert_rows(
    rows: Iterable[tuple[Any, ...]], constants: dict[str, str | int] | None = None
) -> None:
    """Insert rows in `COLUMNS` order, leaving out the columns named in `constants`.

    `constants` holds columns equal in every row (e.g. ``source``, or ``imported_in_id``,
    which is not in `COLUMNS`); SQLite gets them as literals in the statement, so fewer
    values are bound per row.
    """
    constants = constants or {}
    varying = [c for c in COLUMNS if c not in constants]
    q = connection.ops.quote_name
    table = q(SkmResponse._meta.db_table)
    names = ", ".join(q(c) for c in (*varying, *constants))
    if connection.vendor == "postgresql":
        tail = tuple(constants.values())
        copy_sql = f"COPY {table} ({names}) FROM STDIN"
        with connection.cursor() as cursor, cursor.cursor.copy(copy_sql) as copy:
            for row in rows:
                copy.write_row(row + tail if tail else row)
        return
    values = ", ".join(["?"] * len(varying) + [_sqlite_literal(v) for v in constants.values()])
    sql = f"INSERT INTO {table} ({names}) VALUES ({values})"  # noqa: S608 - names are ours
    # The raw sqlite3 connection: no placeholder rewriting or DEBUG logging per call.
    connection.ensure_connection()
    iterator = iter(rows)
    while batch := list(islice(iterator, _BATCH)):
        connection.connection.executemany(sql, batch)


def _sqlite_literal(value: str | int) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise TypeError("only text and integer columns can be written as literals")
    return "'" + value.replace("'", "''") + "'"


def fold_arrays(keys: list[np.ndarray], answers: list[np.ndarray], periods: list[str]) -> int:
    """Fold all checked chunks into the aggregates; returns the number of unit-months touched.

    Totals per (unit-month, element) are summed here with `bincount`, so the database sees one
    row per aggregate key, sorted like its unique index (period, unit, element).
    """
    if not keys:
        return 0
    # Period slots are numbered in order of first appearance; renumber them chronologically
    # ("YYYY-MM-01" sorts as text) so the group keys below come out in index order.
    chronological = sorted(range(len(periods)), key=periods.__getitem__)
    rank = np.empty(len(periods), dtype=np.int64)
    rank[chronological] = np.arange(len(periods))
    months_sorted = [periods[i] for i in chronological]
    all_keys = np.concatenate(keys)
    all_keys = rank[all_keys // UNIT_SPAN] * UNIT_SPAN + all_keys % UNIT_SPAN
    all_answers = np.concatenate(answers, axis=1)
    groups, inverse = np.unique(all_keys, return_inverse=True)
    inverse = inverse.ravel()
    size = len(groups)
    respondents = np.bincount(inverse, minlength=size)
    unit_ids = (groups % UNIT_SPAN).tolist()
    months = [months_sorted[i] for i in (groups // UNIT_SPAN).tolist()]
    # (group, element, answer 1..4) counts; elements in the text order of their codes, as the
    # unique index (period, unit, element) compares them.
    by_code = sorted(range(len(ELEMENTS)), key=ELEMENTS.__getitem__)
    hist = np.stack(
        [
            np.bincount(inverse * 5 + all_answers[e], minlength=size * 5).reshape(size, 5)[:, 1:]
            for e in by_code
        ],
        axis=1,
    ).reshape(-1, 4)
    count = hist.sum(axis=1)
    kept = np.flatnonzero(count)
    hist = hist[kept]
    weights = np.array([1, 2, 3, 4])
    group_of = (kept // len(ELEMENTS)).tolist()
    codes = [ELEMENTS[e] for e in by_code]
    element_rows = list(
        zip(
            [months[g] for g in group_of],
            [unit_ids[g] for g in group_of],
            [codes[e] for e in (kept % len(ELEMENTS)).tolist()],
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
    """SQLite settings for the import's connection, restored afterwards.

    A larger page cache keeps the index pages being written in memory; `temp_store = MEMORY`
    keeps the aggregate staging tables (and any sorter) off disk. SQLite allows the latter only
    outside a transaction, so enter this before `transaction.atomic()` (inside an outer
    transaction — tests — it is skipped). Both are per connection and change nothing about
    durability: the import still commits once, through the WAL.
    """
    if connection.vendor != "sqlite":
        yield
        return
    settings = {"cache_size": -SQLITE_CACHE_KIB}
    if not connection.in_atomic_block:
        settings["temp_store"] = 2  # MEMORY
    with connection.cursor() as cursor:
        previous = {}
        for name, value in settings.items():
            cursor.execute(f"PRAGMA {name}")
            previous[name] = int(cursor.fetchone()[0])
            cursor.execute(f"PRAGMA {name} = {int(value)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for name, value in previous.items():
                cursor.execute(f"PRAGMA {name} = {value}")


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while an import runs.

    Reading and checking create millions of short-lived lists and tuples; each 700 new
    objects the collector would walk the growing set of live ones (the chunk's rows), which
    cost more time than building the rows themselves. They hold no reference cycles —
    reference counting frees them — so collection resumes, unchanged, afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
