"""Tabular exports (CSV and XLSX) of any list page, from rows the selectors already built.

Every list export goes through `table_response`, so the same columns reach the screen and
the file, and nothing is recomputed here.
"""

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

EXPORT_FORMATS = ("csv", "xlsx")
MONEY_FORMAT = "#,##0"
JP_FORMAT = "0.0"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# A leading =, +, - or @ makes spreadsheet programs evaluate a cell as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe_text(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _cell(value: Any, *, whole_numbers: bool = False) -> Any:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        if whole_numbers and value == value.to_integral_value():
            return int(value)  # whole rupiah and JP read "20", not "20.0"
        return float(value)
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, date | int | float | bool):
        return value
    return _safe_text(str(value))


def render_csv(
    headers: Sequence[str], rows: Iterable[Sequence[Any]], *, whole_numbers: bool = False
) -> bytes:
    """UTF-8 CSV with a BOM so Excel opens Indonesian text correctly. With `whole_numbers`,
    a whole Decimal is written as an integer ("236217000", not "236217000.0")."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([str(h) for h in headers])
    for row in rows:
        writer.writerow([_cell(v, whole_numbers=whole_numbers) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def render_xlsx(
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    title: str = "Data",
    number_formats: Mapping[int, str] | None = None,
    whole_numbers: bool = False,
) -> bytes:
    """An XLSX workbook with one sheet, a bold frozen header row and real number/date cells.

    `number_formats` maps a column index to an Excel format (MONEY "#,##0", JP "0.0")."""
    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append([str(h) for h in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for row in rows:
        sheet.append([_cell(v, whole_numbers=whole_numbers) for v in row])
    for column, number_format in (number_formats or {}).items():
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column + 1, max_col=column + 1):
            cell.number_format = number_format
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def table_response(
    fmt: str,
    *,
    filename: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    number_formats: Mapping[int, str] | None = None,
    whole_numbers: bool = False,
) -> HttpResponse:
    """An attachment response in `fmt` ('csv' or 'xlsx'); ValueError for any other format.
    `number_formats` only affects XLSX (see `render_xlsx`); `whole_numbers` both formats."""
    if fmt == "csv":
        content = render_csv(headers, rows, whole_numbers=whole_numbers)
        content_type = "text/csv; charset=utf-8"
    elif fmt == "xlsx":
        content = render_xlsx(
            headers, rows, number_formats=number_formats, whole_numbers=whole_numbers
        )
        content_type = XLSX_TYPE
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
