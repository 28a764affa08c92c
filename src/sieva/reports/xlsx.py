"""The data annex as XLSX: a summary sheet (scope, hash, version), then one sheet per table
of the document's annex, with raw numbers (n, interval bounds, design) a spreadsheet can use."""

import io
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from sieva.core.exports import XLSX_TYPE

# A leading =, +, - or @ makes a spreadsheet evaluate text as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

__all__ = ["XLSX_TYPE", "render_xlsx_annex"]


def _title(name: str, taken: set[str]) -> str:
    """An Excel sheet name: at most 31 characters, none of []:*?/\\, unique in the book."""
    clean = "".join(c for c in name if c not in "[]:*?/\\")[:31] or "Data"
    title, n = clean, 2
    while title in taken:
        title = f"{clean[:28]} {n}"
        n += 1
    taken.add(title)
    return title


def _value(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _append(sheet: Any, headers: list[str], rows: list[list[Any]]) -> None:
    sheet.append(headers)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_value(v) for v in row])


def render_xlsx_annex(document: dict[str, Any]) -> bytes:
    with translation.override(document.get("language") or "id"):
        book = Workbook()
        summary = book.active
        taken: set[str] = set()
        summary.title = _title(_("Ringkasan"), taken)
        _append(
            summary,
            [_("Butir"), _("Isi")],
            [
                [_("Judul"), document["title"]],
                [_("Cakupan"), document["scope_label"]],
                [_("Periode"), document["period_label"]],
                [_("Disusun oleh"), document["author"]],
                [_("Dibuat"), document["generated_at"]],
                [_("SHA-256 data masukan"), document["input_hash"]],
                [_("Versi SIEVA"), document["software_version"]],
            ],
        )
        for sheet_data in document["annex"]:
            sheet = book.create_sheet(_title(sheet_data["name"], taken))
            _append(sheet, sheet_data["headers"], sheet_data["rows"])
            sheet.freeze_panes = "A2"
        buffer = io.BytesIO()
        book.save(buffer)
    return buffer.getvalue()
