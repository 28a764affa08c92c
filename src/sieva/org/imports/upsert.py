"""Writing validated employee rows: an upsert by NIP through ``executemany``, in batches.

``INSERT ... ON CONFLICT (nip) DO UPDATE SET col = EXCLUDED.col`` is the same SQL on SQLite
(>= 3.24) and PostgreSQL. It is what ``bulk_create(update_conflicts=True)`` emits, without the
per-value preparation that made Django's version 4x slower (docs/decisions/0003).
"""

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any, NamedTuple

from django.db import connection
from django.utils import timezone

from sieva.org.imports.columns import FIELD_OF_OPTIONAL
from sieva.org.imports.rows import EmployeeRow
from sieva.org.models import Employee, OrgUnit

BATCH = 2000
# Always written; the optional columns join only when the file has them.
BASE_FIELDS = [
    "name",
    "asn_kind",
    "gender",
    "birth_date",
    "grade",
    "position_kind",
    "unit",
    "updated_at",
]


def chunks(items: Sequence[str] | list[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def batched(rows: Iterable[EmployeeRow], size: int) -> Iterator[list[EmployeeRow]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


class Existing(NamedTuple):
    id: int
    unit_path: str
    unit_id: int


def existing_employees(nips: Sequence[str]) -> dict[str, Existing]:
    """The id, unit path and unit id of each employee among `nips` already stored (chunked queries)."""
    quote = connection.ops.quote_name
    employee, unit = quote(Employee._meta.db_table), quote(OrgUnit._meta.db_table)
    found: dict[str, Existing] = {}
    with connection.cursor() as cursor:
        for chunk in chunks(nips, 900):  # under SQLite's historical 999-variable limit
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                f"SELECT e.nip, e.id, u.path, u.id FROM {employee} e "  # noqa: S608 - quoted names
                f"JOIN {unit} u ON u.id = e.unit_id WHERE e.nip IN ({marks})",
                list(chunk),
            )
            found.update(
                (nip, Existing(pk, path, unit)) for nip, pk, path, unit in cursor.fetchall()
            )
    return found


def _on_conflict(update_fields: list[str]) -> str:
    quote = connection.ops.quote_name
    updates = ", ".join(
        f"{quote(column)} = EXCLUDED.{quote(column)}"
        for column in (_column(name) for name in update_fields)
    )
    return f"ON CONFLICT ({quote('nip')}) DO UPDATE SET {updates}"


def _statement(update_fields: list[str]) -> str:
    """One-row ``INSERT ... ON CONFLICT (nip) DO UPDATE`` for `executemany`."""
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in COLUMNS)
    marks = ", ".join(["%s"] * len(COLUMNS))
    table = quote(Employee._meta.db_table)
    return f"INSERT INTO {table} ({names}) VALUES ({marks}) {_on_conflict(update_fields)}"  # noqa: S608


def _column(field_name: str) -> str:
    return Employee._meta.get_field(field_name).column  # type: ignore[union-attr]


COLUMNS = [_column(name) for name in ["nip", *BASE_FIELDS, *FIELD_OF_OPTIONAL.values()]]


def _values(row: EmployeeRow, supervisor_id: int | None, now: Any) -> tuple[Any, ...]:
    """The row in `COLUMNS` order, dates adapted for the database in use."""
    date = connection.ops.adapt_datefield_value
    return (
        row.nip,
        row.name,
        row.asn_kind,
        row.gender,
        date(row.birth_date),
        row.grade,
        row.position_kind,
        row.unit_id,
        now,
        row.position_level,
        row.position_name,
        row.education,
        supervisor_id,
        date(row.contract_start),
        row.is_active,
    )


def upsert_employees(
    rows: Sequence[EmployeeRow], optional_fields: list[str], known_ids: dict[str, int]
) -> None:
    """Create or update every row by NIP, then link supervisors that were new in this file.

    `known_ids` maps NIPs already in the database to their ids, so most supervisor links are
    written in the first pass; `optional_fields` are the optional model fields the file fills.
    Runs inside the caller's transaction.
    """
    if connection.vendor == "postgresql":
        _copy_upsert(rows, BASE_FIELDS + optional_fields, known_ids)
        return
    statement = _statement(BASE_FIELDS + optional_fields)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    pending: list[EmployeeRow] = []
    with connection.cursor() as cursor:
        for batch in batched(rows, BATCH):
            values = []
            for row in batch:
                supervisor_id = known_ids.get(row.supervisor_nip) if row.supervisor_nip else None
                if row.supervisor_nip and supervisor_id is None:
                    pending.append(row)
                values.append(_values(row, supervisor_id, now))
            cursor.executemany(statement, values)
        if pending:
            _link_supervisors(cursor, pending)


def _link_supervisors(cursor: Any, rows: list[EmployeeRow]) -> None:
    new_ids = {
        nip: found.id
        for nip, found in existing_employees(sorted({r.supervisor_nip for r in rows})).items()
    }
    quote = connection.ops.quote_name
    statement = (
        f"UPDATE {quote(Employee._meta.db_table)} SET {quote(_column('supervisor'))} = %s "  # noqa: S608
        f"WHERE {quote('nip')} = %s"
    )
    for batch in batched(rows, BATCH):
        cursor.executemany(statement, [(new_ids[row.supervisor_nip], row.nip) for row in batch])


STAGING = "sieva_employee_import"


def _copy_upsert(
    rows: Sequence[EmployeeRow], update_fields: list[str], known_ids: dict[str, int]
) -> None:
    """PostgreSQL: COPY into a staging table, then one upsert and one supervisor update.

    Round trips per row made ``executemany`` 5x slower than COPY on PostgreSQL.
    """
    quote = connection.ops.quote_name
    table = quote(Employee._meta.db_table)
    names = ", ".join(quote(column) for column in COLUMNS)
    supervisor, nip = quote(_column("supervisor")), quote("nip")
    now = timezone.now()
    with connection.cursor() as cursor:
        # Dropped here too: inside a test's outer transaction ON COMMIT never comes.
        cursor.execute(f"DROP TABLE IF EXISTS {STAGING}")
        cursor.execute(
            f"CREATE TEMP TABLE {STAGING} ON COMMIT DROP AS "  # noqa: S608 - quoted model names
            f"SELECT {names}, {nip} AS supervisor_nip FROM {table} WITH NO DATA"
        )
        with cursor.cursor.copy(f"COPY {STAGING} ({names}, supervisor_nip) FROM STDIN") as copy:
            for row in rows:
                supervisor_id = known_ids.get(row.supervisor_nip) if row.supervisor_nip else None
                copy.write_row((*_values(row, supervisor_id, now), row.supervisor_nip or None))
        cursor.execute(
            f"INSERT INTO {table} ({names}) SELECT {names} FROM {STAGING} "  # noqa: S608
            f"{_on_conflict(update_fields)}"
        )
        cursor.execute(
            f"UPDATE {table} e SET {supervisor} = s.id FROM {STAGING} t "  # noqa: S608
            f"JOIN {table} s ON s.{nip} = t.supervisor_nip "
            f"WHERE e.{nip} = t.{nip} AND t.{supervisor} IS NULL"
        )
        cursor.execute(f"DROP TABLE {STAGING}")
