"""`import_skm`: SKM responses from CSV/XLSX, all or nothing, on the bulk path.

The file is read by `sieva.core.tables` (a CSV is never loaded whole). Rows are streamed in
chunks of `CHUNK_ROWS`, checked column by column, inserted in the same transaction and
folded into the aggregates before it commits. Any error anywhere rolls everything back and
the result lists every problem (row, column as in the file, reason).
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import IO, Any

from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from sieva.audit.services import audit_record
from sieva.core.tables import Table, UnreadableFile, read_table
from sieva.org.access import Access, Capability
from sieva.satisfaction.models import SkmImport, SkmResponse
from sieva.satisfaction.selectors import service_units
from sieva.satisfaction.services.imports import columns
from sieva.satisfaction.services.imports.errors import RowError
from sieva.satisfaction.services.imports.validate import Validator
from sieva.satisfaction.services.imports.write import (
    bulk_session,
    fold_arrays,
    gc_paused,
    insert_rows,
)

__all__ = ["SkmImportResult", "import_skm"]
FILE_ROW, HEADER_ROW = 0, 1
CHUNK_ROWS = 50_000


@dataclass
class SkmImportResult:
    """Rows written and unit-months touched; both 0 when there are errors (nothing written).

    ``errors`` holds the first problems (up to `validate.MAX_ERRORS`), ``error_count`` all.
    """

    rows: int = 0
    unit_months: int = 0
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    read_as: str = ""  # how the file was read ("dibaca sebagai UTF-8, pemisah koma"), if it was

    @property
    def ok(self) -> bool:
        return not self.error_count


class _Rollback(Exception):
    pass


def _failed(errors: list[RowError], count: int | None = None) -> SkmImportResult:
    return SkmImportResult(errors=errors, error_count=len(errors) if count is None else count)


def import_skm(
    file_obj: IO[bytes],
    filename: str,
    *,
    actor: Any,
    access: Access,
    today: dt.date | None = None,
) -> SkmImportResult:
    """Store the responses in a CSV/XLSX file, or nothing, with the reasons why not.

    Unit codes must name service units inside `access`'s subtree. Raises PermissionDenied
    when the role may not collect evidence (EDIT_PROGRAMS).
    """
    if not access.can(Capability.EDIT_PROGRAMS):
        raise PermissionDenied
    try:
        table = read_table(file_obj, filename)
    except UnreadableFile as exc:
        return _failed([RowError(FILE_ROW, "", str(exc))])
    result = _import(table, filename, actor, access, today)
    result.read_as = table.detected.describe()
    return result


def _import(
    table: Table, filename: str, actor: Any, access: Access, today: dt.date | None
) -> SkmImportResult:
    layout, problems = columns.match_header(table.header)
    if problems:
        return _failed([RowError(HEADER_ROW, c, m) for c, m in problems])
    sha256 = table.detected.sha256
    earlier = SkmImport.objects.filter(sha256=sha256).first()
    if earlier is not None:
        when = formats.date_format(timezone.localtime(earlier.imported_at), "DATETIME_FORMAT")
        message = _("Berkas yang sama persis sudah diimpor pada %(when)s (%(name)s).")
        return _failed([RowError(FILE_ROW, "", message % {"when": when, "name": earlier.filename})])
    units = {code.upper(): pk for code, pk in service_units(access).values_list("code", "id")}
    validator = Validator(
        table.header,
        layout,
        units,
        today or timezone.localdate(),
        utc_suffix="+00:00" if connection.vendor == "postgresql" else "",
    )
    try:
        with gc_paused(), bulk_session(), transaction.atomic():
            result = _write(table, validator)
            SkmImport.objects.create(
                sha256=sha256,
                filename=filename[:200],
                rows=result.rows,
                actor=actor if getattr(actor, "is_authenticated", False) else None,
            )
            audit_record(
                actor=actor,
                action="skm.import",
                object_type=SkmResponse._meta.label,
                org_path=access.scope_path,
                changes={
                    "file": filename[:200],
                    "rows": result.rows,
                    "unit_months": result.unit_months,
                },
            )
    except _Rollback:
        if not validator.error_count:
            return _failed([RowError(FILE_ROW, "", _("Berkas tidak berisi satu baris data pun."))])
        return _failed(sorted(validator.errors, key=lambda e: e.row), validator.error_count)
    except UnreadableFile as exc:
        return _failed([RowError(FILE_ROW, "", str(exc))])
    return result


def _write(table: Table, validator: Validator) -> SkmImportResult:
    keys, answers, rows = [], [], 0
    for first, chunk in table.chunks(CHUNK_ROWS):
        checked = validator.check(first, chunk)
        if checked is None:
            continue
        insert_rows(checked.rows, checked.constants)
        keys.append(checked.keys)
        answers.append(checked.answers)
        rows += len(checked.rows)
    if validator.error_count or not rows:
        raise _Rollback
    return SkmImportResult(rows=rows, unit_months=fold_arrays(keys, answers, validator.periods))
