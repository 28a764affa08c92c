"""An LMS completion report (CSV/XLSX) read into statements, all or nothing.

Columns (case, spaces and dots ignored): NIP, ID_AKTIVITAS, STATUS, TANGGAL; optional
DURASI_MENIT and NILAI (0–100). STATUS takes the xAPI verbs or their Indonesian words
(selesai, lulus, tidak lulus, hadir). Each row gets a statement id made from its content,
so uploading the same report twice changes nothing the second time (docs/lms-integration.md).
"""

import datetime as dt
import re
import uuid
from dataclasses import dataclass, field
from typing import IO, Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sieva.api.xapi.statements import Statement
from sieva.core.tables import UnreadableFile, import_limits, read_table
from sieva.org.imports.cells import CellError, date, nip_text, text

NIP, ACTIVITY, STATUS, DAY, MINUTES, SCORE = (
    "NIP",
    "ID_AKTIVITAS",
    "STATUS",
    "TANGGAL",
    "DURASI_MENIT",
    "NILAI",
)
REQUIRED = (NIP, ACTIVITY, STATUS, DAY)
OPTIONAL = (MINUTES, SCORE)
ALIASES = {"NIP_BARU": NIP, "ACTIVITY_ID": ACTIVITY, "AKTIVITAS": ACTIVITY, "TANGGAL_SELESAI": DAY}
STATUS_WORDS = {
    "completed": "completed",
    "selesai": "completed",
    "passed": "passed",
    "lulus": "passed",
    "failed": "failed",
    "tidak lulus": "failed",
    "gagal": "failed",
    "attended": "attended",
    "hadir": "attended",
}
# Row ids are UUID 5 in SIEVA's own namespace, from the row's content.
NAMESPACE = uuid.UUID("5f1c7b0e-6a43-4c1e-9f7e-1b2d3c4e5f60")
MISSING_COLUMN = gettext_lazy("Kolom wajib %(column)s tidak ada pada baris judul.")
NO_ROWS = gettext_lazy("Berkas tidak berisi satu baris data pun.")
_SEPARATORS = re.compile(r"[\s.\-]+")


@dataclass
class Report:
    """The statements read and, by row, where each came from; `errors` as (row, column, msg)."""

    statements: list[Statement] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    errors: list[tuple[int, str, str]] = field(default_factory=list)


def _key(header: str) -> str:
    key = _SEPARATORS.sub("_", header.strip()).strip("_").upper()
    return ALIASES.get(key, key)


def _number(cell: Any, low: float, high: float) -> float | None:
    value = text(cell).replace(",", ".")
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        raise CellError(_("“%(value)s” bukan angka.") % {"value": value}) from None
    if not low <= number <= high:
        raise CellError(_("Harus antara %(low)s dan %(high)s.") % {"low": low, "high": high})
    return number


def read_report(file_obj: IO[bytes], filename: str) -> Report:
    report = Report()
    try:
        table = read_table(file_obj, filename, limits=import_limits("completions"))
        positions = {}
        for index, header in enumerate(table.header):
            positions.setdefault(_key(header), index)
        missing = [c for c in REQUIRED if c not in positions]
        if missing:
            report.errors = [(1, c, str(MISSING_COLUMN) % {"column": c}) for c in missing]
            return report
        for number, raw in table.rows:
            if not any(text(cell) for cell in raw):
                continue
            _read_row(number, raw, positions, report)
    except UnreadableFile as exc:
        report.errors = [(0, "", str(exc))]
        return report
    if not report.statements and not report.errors:
        report.errors = [(0, "", str(NO_ROWS))]
    return report


def _read_row(number: int, raw: list[Any], positions: dict[str, int], report: Report) -> None:
    def cell(column: str) -> Any:
        index = positions.get(column)
        return raw[index] if index is not None and index < len(raw) else None

    values: dict[str, Any] = {}
    for column, read in (
        (NIP, lambda c: nip_text(c).replace(" ", "")),
        (ACTIVITY, text),
        (STATUS, lambda c: STATUS_WORDS.get(text(c).lower(), "")),
        (DAY, date),
        (MINUTES, lambda c: _number(c, 0, 100_000)),
        (SCORE, lambda c: _number(c, 0, 100)),
    ):
        try:
            values[column] = read(cell(column))
        except CellError as exc:
            report.errors.append((number, column, str(exc)))
            return
    for column in REQUIRED:
        if not values[column]:
            message = _("Wajib diisi.")
            if column == STATUS and text(cell(STATUS)):
                message = _(
                    "Status “%(value)s” tidak dikenal; tulis selesai, lulus, tidak lulus atau hadir."
                ) % {"value": text(cell(STATUS))}
            report.errors.append((number, column, message))
            return
    day: dt.date = values[DAY]
    verb = values[STATUS]
    content = f"{values[NIP]}|{values[ACTIVITY]}|{verb}|{day.isoformat()}"
    stamp = timezone.make_aware(dt.datetime.combine(day, dt.time(12)))
    minutes, score = values[MINUTES], values[SCORE]
    report.statements.append(
        Statement(
            id=uuid.uuid5(NAMESPACE, content),
            nip=values[NIP],
            verb=verb,
            activity_id=values[ACTIVITY][:500],
            activity_name="",
            timestamp=stamp,
            duration_seconds=round(minutes * 60) if minutes is not None else None,
            score_scaled=score / 100 if score is not None else None,
        )
    )
    report.rows.append(number)
