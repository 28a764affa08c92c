"""`import_skm`: SKM responses from CSV/XLSX, all or nothing, on the bulk path.

The file is read by `sieva.core.tables` (a CSV is never loaded whole). Rows are streamed in
chunks of `CHUNK_ROWS`, checked column by column and inserted, unpublished, each chunk in a
short transaction of its own; one last transaction folds them into the aggregates and
publishes them (`staging`, decision 0054). Any error anywhere deletes what was inserted and
the result lists every problem (row, column as in the file, reason): all or nothing.
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
from sieva.org.models import OrgUnit
from sieva.satisfaction.mapping import IGNORE, UNIT, WHEN, Mapping, normalise, propose
from sieva.satisfaction.models import SkmImport, SkmResponse
from sieva.satisfaction.selectors import service_units
from sieva.satisfaction.services.imports.errors import RowError
from sieva.satisfaction.services.imports.reimports import Earlier
from sieva.satisfaction.services.imports.saved_mappings import saved_mapping, saved_mapping_store
from sieva.satisfaction.services.imports.staging import Staged, purge_abandoned
from sieva.satisfaction.services.imports.validate import Validator
from sieva.satisfaction.services.imports.wording import row_error
from sieva.satisfaction.services.imports.write import bulk_session, gc_paused

__all__ = ["SkmImportResult", "import_skm", "skm_mapping", "times_in_utc"]
FILE_ROW, HEADER_ROW = 0, 1
CHUNK_ROWS = 50_000
# Kobo writes _submission_time in UTC without saying so; other sources write local time.
_UTC_TIME_COLUMNS = {"submission time"}


def times_in_utc(header: list[str], layout: dict[str, int]) -> bool:
    """Whether the file's time column holds UTC times when it names no offset."""
    return normalise(header[layout[WHEN]]) in _UTC_TIME_COLUMNS


@dataclass
class SkmImportResult:
    """Rows written and unit-months touched; both 0 when there are errors (nothing written).

    ``errors`` holds the first problems (up to `validate.MAX_ERRORS`), ``error_count`` all.
    ``already`` counts the file's rows stored by an earlier import (first on
    ``already_on``): skipped, not counted twice. With ``dry_run`` nothing is written and
    ``rows`` is what would have been.
    """

    rows: int = 0
    unit_months: int = 0
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    read_as: str = ""  # how the file was read ("dibaca sebagai UTF-8, pemisah koma"), if it was
    already: int = 0
    already_on: dt.datetime | None = None
    mapping: Mapping | None = None
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.error_count

    @property
    def file_rows(self) -> int:
        return self.rows + self.already


class _Rollback(Exception):
    pass


def _failed(errors: list[RowError], count: int | None = None) -> SkmImportResult:
    return SkmImportResult(errors=errors, error_count=len(errors) if count is None else count)


def skm_mapping(
    header: list[str], *, access: Access, unit: OrgUnit | None, columns: dict[str, str] | None
) -> Mapping:
    """The mapping of a file with `header`: the user's `columns` over the one saved for the
    same source over recognition. With a unit chosen, a unit-code column is not used."""
    mapping = propose(
        header,
        overrides=columns,
        saved=saved_mapping(access, header),
        need_unit=unit is None,
    )
    if unit is None or UNIT not in mapping.layout:
        return mapping
    return propose(
        header,
        overrides={**(columns or {}), header[mapping.layout[UNIT]]: IGNORE},
        saved=saved_mapping(access, header),
        need_unit=False,
    )


def import_skm(
    file_obj: IO[bytes],
    filename: str,
    *,
    actor: Any,
    access: Access,
    unit: OrgUnit | None = None,
    columns: dict[str, str] | None = None,
    dry_run: bool = False,
    today: dt.date | None = None,
) -> SkmImportResult:
    """Store the responses in a CSV/XLSX file, or nothing, with the reasons why not.

    `unit` is the service unit of every row (else the file's unit-code column names it, for
    service units inside `access`'s subtree); `columns` are the user's choices (header →
    element code or field, "" for not used) over the recognised mapping, which is saved for
    the next file from the same source. Raises PermissionDenied when the role may not
    collect evidence (EDIT_PROGRAMS).
    """
    if not access.can(Capability.EDIT_PROGRAMS):
        raise PermissionDenied
    if unit is not None and not service_units(access).filter(pk=unit.pk).exists():
        return _failed([RowError(FILE_ROW, "", _("Unit layanan tidak dalam cakupan Anda."))])
    try:
        table = read_table(file_obj, filename)
    except UnreadableFile as exc:
        return _failed([RowError(FILE_ROW, "", str(exc))])
    mapping = skm_mapping(table.header, access=access, unit=unit, columns=columns)
    if not mapping.ok:
        result = _failed([row_error(p) for p in mapping.problems])
    else:
        result = _import(table, filename, actor, access, unit, mapping, dry_run, today)
    result.read_as = table.detected.describe()
    result.mapping = mapping
    return result


def _import(
    table: Table,
    filename: str,
    actor: Any,
    access: Access,
    unit: OrgUnit | None,
    mapping: Mapping,
    dry_run: bool,
    today: dt.date | None,
) -> SkmImportResult:
    sha256 = table.detected.sha256
    earlier = SkmImport.objects.filter(sha256=sha256, published=True).first()
    if earlier is not None:
        when = formats.date_format(timezone.localtime(earlier.imported_at), "DATETIME_FORMAT")
        message = _("Berkas yang sama persis sudah diimpor pada %(when)s (%(name)s).")
        return _failed([RowError(FILE_ROW, "", message % {"when": when, "name": earlier.filename})])
    purge_abandoned()
    units = {code.upper(): pk for code, pk in service_units(access).values_list("code", "id")}
    layout = mapping.layout
    validator = Validator(
        table.header,
        layout,
        units,
        today or timezone.localdate(),
        utc_suffix="+00:00" if connection.vendor == "postgresql" else "",
        fixed_unit=unit.pk if unit else None,
        naive_utc=times_in_utc(table.header, layout),
    )
    known = Earlier.for_units([unit.pk] if unit else None)
    with gc_paused(), bulk_session():
        staged = None if dry_run else Staged.begin(sha256, filename, actor)
        try:
            result = _write(table, validator, known, staged)
        except (_Rollback, UnreadableFile) as exc:
            if staged is not None:
                staged.discard()
            if isinstance(exc, UnreadableFile):
                return _failed([RowError(FILE_ROW, "", str(exc))])
            if validator.error_count:
                return _failed(sorted(validator.errors, key=lambda e: e.row), validator.error_count)
            return _failed([RowError(FILE_ROW, "", _("Berkas tidak berisi satu baris data pun."))])
        if staged is None:
            return result
        with transaction.atomic():
            result.unit_months = staged.publish(result.rows)
            saved_mapping_store(access, table.header, mapping.choices())
            audit_record(
                actor=actor,
                action="skm.import",
                object_type=SkmResponse._meta.label,
                org_path=access.scope_path,
                changes={
                    "file": filename[:200],
                    "unit": unit.code if unit else "",
                    "rows": result.rows,
                    "already_imported": result.already,
                    "unit_months": result.unit_months,
                },
            )
    return result


def _write(
    table: Table, validator: Validator, known: Earlier, staged: Staged | None
) -> SkmImportResult:
    """Check the file chunk by chunk; each clean chunk's new rows go in at once, in a short
    transaction of its own, unpublished (reading and checking the next chunk happens with no
    lock held, so public submissions get in between). Raises _Rollback after errors."""
    rows, seen = 0, 0
    keys: list[Any] = []
    for first, chunk in table.chunks(CHUNK_ROWS):
        checked = validator.check(first, chunk)
        if checked is None:
            continue
        seen += len(checked.rows)
        checked = known.drop_known(checked)
        if staged is not None:
            staged.insert(checked)
        else:
            keys.append(checked.keys)
        rows += len(checked.rows)
    if validator.error_count or not seen:
        raise _Rollback
    result = SkmImportResult(rows=rows, already=known.found, dry_run=staged is None)
    result.already_on = known.first_imported_at()
    if staged is None:
        result.unit_months = len({k for batch in keys for k in set(batch.tolist())})
    else:
        staged.periods = validator.periods
    return result
