"""One row of an export → the answers, identity and time it will be stored with, or the
problems that stop it, each naming the column as the file spells it."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from sieva.core.tables import UnreadableFile, import_limits, is_blank, read_table
from sieva.instruments.answers import FormSpec, ItemSpec, check_answers
from sieva.instruments.imports import values
from sieva.instruments.imports.headers import NIP, SUBJECT_NIP, WHEN


@dataclass(frozen=True)
class RowError:
    """`row` as numbered in a spreadsheet (1 = header, 0 = the file as a whole)."""

    row: int
    column: str
    reason: str

    def as_list(self) -> list[Any]:
        return [self.row, self.column, self.reason]


NumberedRow = tuple[int, list[Any]]  # (row number as a spreadsheet shows it, raw cells)


@dataclass(frozen=True)
class FileRows:
    header: list[str]
    rows: list[NumberedRow]  # only those that hold anything
    read_as: str  # "dibaca sebagai UTF-8, pemisah koma"


def file_rows(content: bytes, filename: str) -> FileRows:
    """The file as read by the shared reader; UnreadableFile says why it cannot be, also for
    a file without a single row that holds anything."""
    table = read_table(content, filename, limits=import_limits("responses"))
    rows = [(number, cells) for number, cells in table.rows if not is_blank(cells)]
    if not rows:
        raise UnreadableFile(_("Berkas tidak berisi satu baris data pun."))
    return FileRows(table.header, rows, table.detected.describe())


@dataclass
class ReadRow:
    row: int
    answers: dict[str, Any] = field(default_factory=dict)  # cleaned by check_answers
    nip: str = ""
    subject_nip: str = ""
    submitted_at: dt.datetime | None = None
    fingerprint: tuple[str, ...] = ()
    errors: list[RowError] = field(default_factory=list)


def _nip(cell: Any) -> str | values.Unreadable:
    if isinstance(cell, float):
        # 18 digits do not survive a spreadsheet number (float keeps about 15).
        return values.Unreadable(
            _(
                "NIP tersimpan sebagai angka sehingga digit terakhirnya hilang; format kolom NIP sebagai teks."
            )
        )
    return values.text_of(cell).lstrip("'").replace(" ", "")


class RowReader:
    """Reads rows of one file with one confirmed mapping (`targets` parallel to `header`)."""

    def __init__(self, header: list[str], targets: list[str], spec: FormSpec) -> None:
        self.spec = spec
        self.items = spec.by_code()
        self.plan = [(i, header[i] or f"#{i + 1}", t) for i, t in enumerate(targets) if t]
        self.column_of: dict[str, str] = {}
        for _i, name, target in self.plan:
            self.column_of.setdefault(target.split("[", 1)[0], name)

    def _column(self, code: str) -> str:
        return self.column_of.get(code, code)

    def read(self, number: int, cells: list[Any]) -> ReadRow:
        out = ReadRow(row=number)
        raw: dict[str, Any] = {}
        broken: set[str] = set()
        fingerprint = []
        for index, name, target in self.plan:
            cell = cells[index] if index < len(cells) else None
            fingerprint.append("" if values.blank(cell) else values.text_of(cell))
            if values.blank(cell):
                continue
            value = self._value(target, cell, raw)
            if isinstance(value, values.Unreadable):
                out.errors.append(RowError(number, name, value.reason))
                broken.add(target.split("[", 1)[0])
            elif target == NIP:
                out.nip = value
            elif target == SUBJECT_NIP:
                out.subject_nip = value
            elif target == WHEN:
                out.submitted_at = value
        out.fingerprint = tuple(fingerprint)
        check = check_answers(self.spec, {k: v for k, v in raw.items() if k not in broken})
        for code, reason in check.errors.items():
            if code not in broken:
                out.errors.append(RowError(number, self._column(code), reason))
        out.answers = check.cleaned
        return out

    def _value(self, target: str, cell: Any, raw: dict[str, Any]) -> Any:
        if target in (NIP, SUBJECT_NIP):
            return _nip(cell)
        if target == WHEN:
            return values.timestamp(cell)
        code, _sep, sub = target.partition("[")
        item = self.items[code]
        if sub:
            return self._part(item, sub.rstrip("]"), cell, raw)
        value = _whole(item, cell)
        if not isinstance(value, values.Unreadable):
            raw[code] = value
        return value

    def _part(self, item: ItemSpec, sub: str, cell: Any, raw: dict[str, Any]) -> Any:
        if item.kind == "matrix":
            value = values.choice(item, cell)
            if not isinstance(value, values.Unreadable):
                raw.setdefault(item.code, {})[sub] = value
            return value
        label = dict(item.choices).get(sub, sub)
        ticked = values.ticked(cell, label)
        if ticked is True:
            raw.setdefault(item.code, []).append(sub)
        return ticked


def _whole(item: ItemSpec, cell: Any) -> Any:
    kind = item.kind
    if kind in ("likert4", "likert5", "single"):
        return values.choice(item, cell)
    if kind == "multiple":
        return values.multiple(item, cell)
    if kind == "number":
        return values.number_value(cell)
    if kind == "date":
        return values.date_value(cell)
    return values.text_of(cell)
