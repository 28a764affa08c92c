"""Reading an uploaded export (CSV or XLSX) into a header and rows of raw cells.

CSV: UTF-8 with or without BOM (Excel and Google Forms write one), falling back to
Windows-1252; the delimiter (``;`` from Indonesian-locale Excel, ``,`` from Google Forms and
LimeSurvey, tab) is the one most frequent *outside quotes* on the header line, because Google
Forms headers are question texts that often contain commas. XLSX: the first sheet, through
python-calamine (DESIGN.md: about 13 times faster than openpyxl).
"""

import csv
import io
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

DELIMITERS = (";", ",", "\t")


class UnreadableFile(ValueError):
    """The file as a whole cannot be read; the message says why, in Indonesian."""


@dataclass(frozen=True)
class Table:
    """`rows[i]` is spreadsheet row ``i + 2`` (row 1 is the header)."""

    header: list[str]
    rows: list[list[Any]]


def read_table(content: bytes, filename: str) -> Table:
    """Header and data rows of a .csv or .xlsx file; UnreadableFile with the reason otherwise."""
    name = filename.lower()
    if name.endswith(".csv"):
        table = _read_csv(content)
    elif name.endswith(".xlsx"):
        table = _read_xlsx(content)
    else:
        raise UnreadableFile(_("Format berkas tidak didukung; unggah berkas .csv atau .xlsx."))
    if not any(table.header):
        raise UnreadableFile(_("Berkas kosong: baris pertama harus berisi nama kolom."))
    rows = [row for row in table.rows if any(not _blank(cell) for cell in row)]
    if not rows:
        raise UnreadableFile(_("Berkas tidak berisi satu baris data pun."))
    return Table(table.header, rows)


def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def sniff_delimiter(line: str) -> str:
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    return max(DELIMITERS, key=lambda d: counts[d])


def _read_csv(content: bytes) -> Table:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp1252", errors="replace")
    first_line = text.split("\n", 1)[0]
    try:
        rows = list(
            csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(first_line))
        )
    except csv.Error as exc:
        raise UnreadableFile(
            _("Berkas CSV tidak dapat dibaca: %(reason)s") % {"reason": exc}
        ) from None
    if not rows:
        raise UnreadableFile(_("Berkas kosong: baris pertama harus berisi nama kolom."))
    return Table([h.strip() for h in rows[0]], rows[1:])


def _read_xlsx(content: bytes) -> Table:
    from python_calamine import CalamineWorkbook

    try:
        sheet = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0)
        rows = sheet.to_python(skip_empty_area=False)
    except Exception:  # calamine raises several Rust-side error types
        raise UnreadableFile(
            _("Berkas XLSX tidak dapat dibaca (rusak atau dilindungi sandi).")
        ) from None
    if not rows:
        raise UnreadableFile(_("Berkas kosong: baris pertama harus berisi nama kolom."))
    header = ["" if c is None else str(c).strip() for c in rows[0]]
    return Table(header, [list(r) for r in rows[1:]])
