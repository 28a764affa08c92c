"""Importing actuals from CSV/XLSX: KODE_UNIT, KODE_INDIKATOR, PERIODE (YYYY-MM), NILAI.

All or nothing: every row is checked first and any problem (row, column, reason) rejects the
whole file. A unit must be in the user's scope and have adopted the indicator; the indicator
code is looked up among definitions owned by the unit's ancestors (nearest first).
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO, Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sieva.core.tables import UnreadableFile, cell_text, import_limits, read_table
from sieva.indicators.access import unit_indicators_for_user
from sieva.indicators.models import ActualSource, IndicatorDefinition
from sieva.indicators.periods import PeriodError, parse_period
from sieva.indicators.services import actuals_save
from sieva.indicators.values import ValueProblem, parse_value
from sieva.org.access import Access

UNIT, CODE, PERIOD, VALUE = "KODE_UNIT", "KODE_INDIKATOR", "PERIODE", "NILAI"
COLUMNS = (UNIT, CODE, PERIOD, VALUE)
MISSING_COLUMNS = _("Kolom wajib tidak ada: %(columns)s.")
REQUIRED = _("Wajib diisi.")
UNKNOWN_UNIT = _("Unit %(value)s tidak dikenal atau di luar cakupan Anda.")
NOT_ADOPTED = _("Unit %(unit)s belum menetapkan indikator %(code)s.")
REPEATED = _("Baris ini mengulang unit, indikator dan periode baris %(first)d.")
NO_ROWS = _("Berkas tidak berisi baris data.")


@dataclass(frozen=True)
class RowError:
    row: int  # 0 = the file as a whole
    column: str
    message: str


@dataclass
class ImportOutcome:
    errors: list[RowError] = field(default_factory=list)
    rows: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    read_as: str = ""  # how the file was read ("dibaca sebagai UTF-8, pemisah koma"), if it was

    @property
    def ok(self) -> bool:
        return not self.errors


def _key(header: str) -> str:
    return "_".join(header.strip().upper().replace("-", " ").replace(".", " ").split())


def _period_cell(cell: Any, frequency: str) -> dt.date:
    # A spreadsheet may turn "2026-03" into a date; take its month.
    if isinstance(cell, dt.date):
        return parse_period(f"{cell:%Y-%m}", frequency)
    return parse_period(cell_text(cell), frequency)


def import_actuals(
    *, actor: Any, access: Access, file_obj: IO[bytes], filename: str
) -> ImportOutcome:
    """Validate every row of the file, then store all of it or nothing."""
    outcome = ImportOutcome()
    try:
        table = read_table(file_obj, filename, limits=import_limits("indicators"))
        outcome.read_as = table.detected.describe()
        rows = list(table.rows)  # reading to the end may still hit a limit
    except UnreadableFile as exc:
        outcome.errors.append(RowError(0, "", str(exc)))
        return outcome
    index = {_key(h): i for i, h in enumerate(table.header)}
    missing = [c for c in COLUMNS if c not in index]
    if missing:
        outcome.errors.append(
            RowError(1, "", str(MISSING_COLUMNS) % {"columns": ", ".join(missing)})
        )
        return outcome
    # unit code -> {indicator code -> definition}, nearest owner first, for adopted pairs only.
    adopted: dict[str, dict[str, IndicatorDefinition]] = defaultdict(dict)
    units: dict[str, int] = {}
    for item in unit_indicators_for_user(access).order_by("-definition__owner__depth"):
        units[item.unit.code.upper()] = item.unit_id
        adopted[item.unit.code.upper()].setdefault(item.definition.code.upper(), item.definition)
    batches: dict[int, dict[tuple[int, dt.date], Decimal | None]] = defaultdict(dict)
    definitions: dict[int, IndicatorDefinition] = {}
    seen: dict[tuple[int, int, dt.date], int] = {}
    for number, cells in rows:
        raw = {c: (cells[index[c]] if index[c] < len(cells) else None) for c in COLUMNS}
        if not any(cell_text(v) for v in raw.values()):
            continue
        outcome.rows += 1
        errors = _check_row(number, raw, units, adopted)
        if isinstance(errors, list):
            outcome.errors.extend(errors)
            continue
        definition, unit_id = errors
        try:
            period = _period_cell(raw[PERIOD], definition.frequency)
        except PeriodError as exc:
            outcome.errors.append(RowError(number, PERIOD, str(exc)))
            period = None
        try:
            value = parse_value(raw[VALUE], definition) if cell_text(raw[VALUE]) else None
        except ValueProblem as exc:
            outcome.errors.append(RowError(number, VALUE, str(exc)))
            continue
        if value is None:
            outcome.errors.append(RowError(number, VALUE, str(REQUIRED)))
            continue
        if period is None:
            continue
        first = seen.setdefault((definition.pk, unit_id, period), number)
        if first != number:
            outcome.errors.append(RowError(number, PERIOD, str(REPEATED) % {"first": first}))
            continue
        definitions[definition.pk] = definition
        batches[definition.pk][(unit_id, period)] = value
    if not outcome.errors and not outcome.rows:
        outcome.errors.append(RowError(0, "", str(NO_ROWS)))
    if outcome.errors:
        return outcome
    totals = {"created": 0, "updated": 0, "deleted": 0}
    with transaction.atomic():
        for pk, values in batches.items():
            counts = actuals_save(
                actor=actor, definition=definitions[pk], values=values, source=ActualSource.IMPORTED
            )
            totals = {k: totals[k] + counts[k] for k in totals}
    outcome.counts = totals
    return outcome


def _check_row(
    number: int,
    raw: dict[str, Any],
    units: dict[str, int],
    adopted: dict[str, dict[str, IndicatorDefinition]],
) -> list[RowError] | tuple[IndicatorDefinition, int]:
    errors = []
    unit_code, code = cell_text(raw[UNIT]).upper(), cell_text(raw[CODE]).upper()
    for column, value in ((UNIT, unit_code), (CODE, code), (PERIOD, cell_text(raw[PERIOD]))):
        if not value:
            errors.append(RowError(number, column, str(REQUIRED)))
    if errors:
        return errors
    if unit_code not in units:
        return [RowError(number, UNIT, str(UNKNOWN_UNIT) % {"value": cell_text(raw[UNIT])})]
    definition = adopted[unit_code].get(code)
    if definition is None:
        return [RowError(number, CODE, str(NOT_ADOPTED) % {"unit": unit_code, "code": code})]
    return definition, units[unit_code]
