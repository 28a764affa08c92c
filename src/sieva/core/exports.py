"""Tabular exports (CSV and XLSX): the one writer every downloaded table goes through.

Callers hand over rows the selectors already built, so the same columns reach the screen and
the file and nothing is recomputed here. Every text cell of both formats is cleaned the same
way: characters a workbook cannot hold (NUL, \\x01 … the C0 controls other than tab and line
breaks) are dropped, and text a spreadsheet would run as a formula is neutralised (CSV: a
leading apostrophe; XLSX: a text cell marked "quote prefix", so the value itself is kept).

An XLSX list opens with a title block saying what it is (`ExportTitle`): title, organisation
scope, filters in force and when it was made (WIB), then the bold, frozen header row. A CSV
is a bare table, header row first, so that it re-imports.
"""

import csv
import io
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from itertools import chain, islice
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

__all__ = [
    "CSV_TYPE",
    "DATE_FORMAT",
    "DATETIME_FORMAT",
    "EXPORT_FORMATS",
    "JP_FORMAT",
    "MONEY_FORMAT",
    "PERCENT_FORMAT",
    "XLSX_TYPE",
    "ExportTitle",
    "Sheet",
    "clean_text",
    "render_csv",
    "render_workbook",
    "render_xlsx",
    "table_response",
]

EXPORT_FORMATS = ("csv", "xlsx")
MONEY_FORMAT = "#,##0"
JP_FORMAT = "0.0"
PERCENT_FORMAT = "0.0"  # report percentages are already ×100 with one decimal
DATE_FORMAT = "dd/mm/yyyy"  # day first, as on the pages (decision 0016)
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# A leading =, +, - or @ (or a tab or carriage return before one) makes spreadsheet programs
# evaluate a cell as a formula: OWASP "CSV injection".
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MAX_CELL_TEXT = 32_767  # Excel's limit; a longer cell makes Excel "repair" the whole file
_SHEET_NAME_FORBIDDEN = "[]:*?/\\"
_WIDTH_SAMPLE = 200  # rows read to size the columns; the rest stream through
_MIN_WIDTH, _MAX_WIDTH = 8, 60
_TITLE_FONT = Font(bold=True, size=14)
_BOLD = Font(bold=True)


@dataclass(frozen=True)
class ExportTitle:
    """What a downloaded table is: the block above an XLSX table (never in a CSV).

    `scope` is the organisation subtree it covers, `filters` the (label, value) pairs in force
    (see `sieva.core.views.form_filters`), `made_at` the moment of the download."""

    title: str
    scope: str
    filters: tuple[tuple[str, str], ...] = ()
    made_at: datetime = field(default_factory=timezone.now)

    def lines(self) -> list[str]:
        """The title, then one line each for scope, filters and date (WIB, local format)."""
        if self.filters:
            shown = "; ".join(f"{label}: {value}" for label, value in self.filters)
        else:
            shown = _("tidak ada (semua data dalam cakupan)")
        when = date_format(timezone.localtime(self.made_at), "DATETIME_FORMAT")
        return [
            str(self.title),
            _("Cakupan: %(scope)s") % {"scope": self.scope},
            _("Filter: %(filters)s") % {"filters": shown},
            _("Diunduh: %(when)s WIB") % {"when": when},
        ]


@dataclass(frozen=True)
class Sheet:
    """One worksheet: a header row and its rows, below a title block when `title` is given.

    `number_formats` maps a column index to an Excel format (`MONEY_FORMAT`, `JP_FORMAT`);
    dates get `DATE_FORMAT` without asking."""

    name: str
    headers: Sequence[str]
    rows: Iterable[Sequence[Any]]
    title: ExportTitle | None = None
    number_formats: Mapping[int, str] = field(default_factory=dict)


def clean_text(value: str) -> str:
    """`value` without the control characters a workbook rejects (tab and newlines stay)."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def _is_formula(text: str) -> bool:
    return text.startswith(_FORMULA_START)


def _value(value: Any) -> Any:
    """A Python value as a spreadsheet cell: numbers and dates stay typed (a whole Decimal as
    an integer: rupiah and JP read "20", not "20.0"), text is cleaned, None and non-finite
    numbers become empty cells (Excel has no NaN)."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        if not value.is_finite():
            return None
        if value == value.to_integral_value():
            return int(value)
        return float(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, date | int):  # bool is an int
        return value
    return clean_text(str(value))


def _csv_cell(value: Any) -> Any:
    value = _value(value)
    if value is None:
        return ""
    if isinstance(value, str) and _is_formula(value):
        return "'" + value
    return value


def render_csv(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """UTF-8 CSV with a BOM so Excel opens Indonesian text correctly; the header row first and
    nothing above it, so the file re-imports."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in chain([headers], rows):
        writer.writerow([_csv_cell(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _sheet_name(name: str, taken: set[str]) -> str:
    """An Excel sheet name: at most 31 characters, none of []:*?/\\, unique in the book."""
    clean = "".join(c for c in clean_text(str(name)) if c not in _SHEET_NAME_FORBIDDEN)
    clean = clean.strip().strip("'")[:31] or "Data"
    title, n = clean, 2
    while title.casefold() in taken:
        title = f"{clean[:28]} {n}"
        n += 1
    taken.add(title.casefold())
    return title


def _display_width(value: Any) -> int:
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    if isinstance(value, float):
        return len(f"{value:,.1f}")
    if isinstance(value, int):
        return len(f"{value:,}")
    return max((len(line) for line in str(value).splitlines()), default=0)


def _widths(headers: Sequence[str], sample: list[list[Any]]) -> list[int]:
    widths = [_display_width(h) for h in headers]
    for row in sample:
        for i, value in enumerate(row[: len(widths)]):
            if value is not None:
                widths[i] = max(widths[i], _display_width(value))
    return [min(max(w + 2, _MIN_WIDTH), _MAX_WIDTH) for w in widths]


def _cell(
    sheet: Any, value: Any, number_format: str | None = None, font: Font | None = None
) -> Any:
    """The value to append for one cell. Plain text and unformatted numbers go as they are
    (openpyxl's fast path); a cell needing a style, and formula-like text, which must be
    forced to stay text (see module doc), become a write-only cell."""
    if isinstance(value, str):
        value = value[:_MAX_CELL_TEXT]
    if isinstance(value, datetime):
        number_format = DATETIME_FORMAT
    elif isinstance(value, date):
        number_format = DATE_FORMAT
    elif not isinstance(value, int | float) or isinstance(value, bool):
        number_format = None
    formula_like = isinstance(value, str) and _is_formula(value)
    if not (number_format or font or formula_like):
        return value
    cell = WriteOnlyCell(sheet, value)
    if formula_like:
        cell.data_type = "s"  # openpyxl would store "=…" as a formula
        cell.quotePrefix = True  # and Excel keeps it text even after an edit
    if number_format:
        cell.number_format = number_format
    if font is not None:
        cell.font = font
    return cell


def _write_sheet(book: Workbook, sheet: Sheet, name: str) -> None:
    ws = book.create_sheet(name)
    headers = [clean_text(str(h)) for h in sheet.headers]
    rows: Iterator[list[Any]] = ([_value(v) for v in row] for row in sheet.rows)
    sample = list(islice(rows, _WIDTH_SAMPLE))
    # Widths and panes go to the file before the first row: a write-only sheet streams.
    for index, width in enumerate(_widths(headers, sample), start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    lines = [clean_text(line) for line in sheet.title.lines()] if sheet.title else []
    header_row = len(lines) + 2 if lines else 1  # a blank row between block and table
    ws.freeze_panes = f"A{header_row + 1}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    if lines:
        ws.append([_cell(ws, lines[0], font=_TITLE_FONT)])
        for line in lines[1:]:
            ws.append([_cell(ws, line)])
        ws.append([])
    ws.append([_cell(ws, h, font=_BOLD) for h in headers])
    formats = sheet.number_formats
    last_row = header_row
    for row in chain(sample, rows):
        ws.append([_cell(ws, v, formats.get(i)) for i, v in enumerate(row)])
        last_row += 1
    if headers:
        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(headers))}{last_row}"


def render_workbook(sheets: Iterable[Sheet]) -> bytes:
    """An XLSX workbook of `sheets` in order (names made valid and unique), each with its
    title block, a bold header row that stays in view and prints on every page, a filter on
    the header, column widths from the contents and real number/date cells.

    Written in openpyxl's write-only mode: memory stays flat however many rows stream in."""
    book = Workbook(write_only=True)
    taken: set[str] = set()
    for sheet in sheets:
        _write_sheet(book, sheet, _sheet_name(sheet.name, taken))
    if not book.worksheets:
        book.create_sheet("Data")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def render_xlsx(
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    title: ExportTitle | None,
    number_formats: Mapping[int, str] | None = None,
) -> bytes:
    """One table as a one-sheet workbook (see `render_workbook`), the sheet named after the
    title; `title=None` gives a bare table with the header on row 1 (import templates)."""
    name = title.title if title is not None else "Data"
    sheet = Sheet(str(name), headers, rows, title, number_formats or {})
    return render_workbook([sheet])


def table_response(
    fmt: str,
    *,
    filename: str,
    title: ExportTitle | None,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    number_formats: Mapping[int, str] | None = None,
) -> HttpResponse:
    """An attachment response in `fmt` ('csv' or 'xlsx'); ValueError for any other format.

    `title` is what the list is (XLSX title block; a CSV never carries it). None is for files
    that must stay a bare table: import templates, error reports to fix and upload again.
    `number_formats` only affects XLSX. Exports hold personal data, so no cache keeps them."""
    if fmt == "csv":
        content = render_csv(headers, rows)
        content_type = CSV_TYPE
    elif fmt == "xlsx":
        content = render_xlsx(headers, rows, title=title, number_formats=number_formats)
        content_type = XLSX_TYPE
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, f"{filename}.{fmt}")
    response["Cache-Control"] = "no-store"
    return response
