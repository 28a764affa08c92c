"""`import_employees`: the whole employee import, all or nothing.

Every row is checked (cells, then duplicates, supervisors and scope across rows) before
anything is written; one error anywhere and nothing is written. A clean file is upserted by
NIP in one transaction and leaves one audit event with the counts.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.audit.services import audit_record
from sieva.core.tables import ProblemLog, Table, UnreadableFile, import_limits, read_table
from sieva.org.access import Access, Capability
from sieva.org.hooks import employees_moved, units_changed
from sieva.org.imports import columns as col
from sieva.org.imports.rows import EmployeeRow, RowCheck, check_row, is_blank
from sieva.org.imports.upsert import Existing, existing_employees, upsert_employees
from sieva.org.models import Employee, OrgUnit
from sieva.org.services.employees import NIP_TAKEN

DUPLICATE_NIP = _("NIP ini sudah ada di baris %(first)d.")
SUPERVISOR_NOT_FOUND = _("NIP atasan %(nip)s tidak ada di berkas ini maupun dalam cakupan Anda.")
UNIT_INACTIVE = _(
    "Unit %(code)s tidak aktif; pegawai aktif harus berada di unit yang aktif (AKTIF = TIDAK "
    "untuk pegawai yang tidak lagi bekerja)."
)
NO_ROWS = _("Berkas tidak berisi satu baris data pun.")
FILE_ROW = 0  # RowError.row for a problem with the file as a whole


@dataclass(frozen=True)
class RowError:
    """A problem to fix: `row` as numbered in a spreadsheet (1 = header, 0 = whole file)."""

    row: int
    column: str
    message: str


@dataclass
class ImportResult:
    """The counts written (both 0 when `errors` is non-empty, as nothing is written then).
    `errors` holds the first problems (`ProblemLog`), `error_count` all of them."""

    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)
    read_as: str = ""  # how the file was read ("dibaca sebagai UTF-8, pemisah koma"), if it was
    error_count: int = 0

    def __post_init__(self) -> None:
        self.error_count = max(self.error_count, len(self.errors))

    @property
    def ok(self) -> bool:
        return not self.error_count

    @property
    def total(self) -> int:
        return self.created + self.updated


def import_employees(
    file_obj: IO[bytes],
    filename: str,
    *,
    actor: Any,
    access: Access,
    today: dt.date | None = None,
) -> ImportResult:
    """Create or update the employees in a CSV/XLSX file, or write nothing and list why not.

    Units must lie inside `access`'s subtree; existing employees outside it are refused.
    Raises PermissionDenied when the role may not edit people.
    """
    if not access.can(Capability.EDIT_PEOPLE):
        raise PermissionDenied
    try:
        table = read_table(file_obj, filename, limits=import_limits("employees"))
    except UnreadableFile as exc:
        return _failed([RowError(FILE_ROW, "", str(exc))])
    result = _import(table, actor, access, today or timezone.localdate(), filename)
    result.read_as = table.detected.describe()
    return result


def _import(
    table: Table, actor: Any, access: Access, today: dt.date, filename: str
) -> ImportResult:
    layout, header_problems = col.match_header(table.header)
    if header_problems:
        return _failed(RowError(col.HEADER_ROW, c, m) for c, m in header_problems)
    errors: ProblemLog[RowError] = ProblemLog()
    try:
        rows = _check_rows(table.rows, layout, access, today, errors)
    except UnreadableFile as exc:  # a limit reached while the rows were read
        return _failed([RowError(FILE_ROW, "", str(exc))])
    if not rows and not errors:
        return _failed([RowError(FILE_ROW, "", str(NO_ROWS))])
    nips = {row.nip for row in rows} | {row.supervisor_nip for row in rows if row.supervisor_nip}
    with transaction.atomic():
        # Read and write in one transaction, so the counts and scope checks stay true.
        existing = existing_employees(sorted(nips))
        errors.extend(_cross_row_errors(rows, existing, access))
        if errors:
            return _failed(errors.kept, errors.count)
        return _write(rows, layout, existing, actor=actor, access=access, filename=filename)


def _failed(errors: Iterable[RowError], count: int = 0) -> ImportResult:
    order = {name: index for index, name in enumerate(col.ALL)}
    ordered = sorted(errors, key=lambda e: (e.row, order.get(e.column, -1)))
    return ImportResult(errors=ordered, error_count=count)


def _check_rows(
    raw_rows: Iterable[tuple[int, list[Any]]],
    layout: col.Layout,
    access: Access,
    today: dt.date,
    errors: ProblemLog[RowError],
) -> list[EmployeeRow]:
    units = list(
        OrgUnit.objects.filter(path__startswith=access.scope_path).values_list(
            "code", "id", "active"
        )
    )
    unit_ids = {code.upper(): pk for code, pk, _on in units} | {c: pk for c, pk, _on in units}
    inactive = {pk: code for code, pk, active in units if not active}
    check = RowCheck(layout, unit_ids, today)
    rows: list[EmployeeRow] = []
    for number, raw in raw_rows:
        if is_blank(raw):
            continue
        row = check_row(number, raw, check)
        if row is not None and row.is_active and row.unit_id in inactive:
            message = str(UNIT_INACTIVE) % {"code": inactive[row.unit_id]}
            errors.add(RowError(number, col.UNIT, message))
        elif row is not None:
            rows.append(row)
        errors.extend(RowError(number, column, message) for column, message in check.problems)
    return rows


def _cross_row_errors(
    rows: list[EmployeeRow], existing: dict[str, Existing], access: Access
) -> list[RowError]:
    """Duplicate NIPs, employees stored outside the scope, supervisors nowhere to be found."""
    errors: list[RowError] = []
    first_row: dict[str, int] = {}
    scope = access.scope_path
    for row in rows:
        if row.nip in first_row:
            params = {"first": first_row[row.nip]}
            errors.append(RowError(row.row, col.NIP, str(DUPLICATE_NIP) % params))
            continue
        first_row[row.nip] = row.row
        stored = existing.get(row.nip)
        if stored is not None and not stored.unit_path.startswith(scope):
            # The employee form's words for a taken NIP: neither where nor who (decision 0066).
            errors.append(RowError(row.row, col.NIP, str(NIP_TAKEN) % {"nip": row.nip}))
    for row in rows:
        if not row.supervisor_nip or row.supervisor_nip in first_row:
            continue
        stored = existing.get(row.supervisor_nip)
        if stored is None or not stored.unit_path.startswith(scope):
            message = str(SUPERVISOR_NOT_FOUND) % {"nip": row.supervisor_nip}
            errors.append(RowError(row.row, col.SUPERVISOR, message))
    return errors


def _write(
    rows: list[EmployeeRow],
    layout: col.Layout,
    existing: dict[str, Existing],
    *,
    actor: Any,
    access: Access,
    filename: str,
) -> ImportResult:
    updated = sum(1 for row in rows if row.nip in existing)
    known_ids = {nip: stored.id for nip, stored in existing.items()}
    upsert_employees(rows, layout.present_optional_fields, known_ids)
    employees_moved(
        existing[row.nip].id
        for row in rows
        if row.nip in existing and row.unit_id != existing[row.nip].unit_id
    )
    # Any row may add someone or change a kind, contract or activity: every unit it names,
    # and the units people left, are counted again.
    units_changed(
        {row.unit_id for row in rows}
        | {existing[row.nip].unit_id for row in rows if row.nip in existing}
    )
    result = ImportResult(created=len(rows) - updated, updated=updated)
    audit_record(
        actor=actor,
        action="employee.import",
        object_type=Employee._meta.label,
        org_path=access.scope_path,
        changes={"file": filename[:200], "created": result.created, "updated": updated},
    )
    return result
