"""Reading exports back the way a user's spreadsheet would."""

import csv
import io

from openpyxl import load_workbook


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _sheet(response):
    return load_workbook(io.BytesIO(response.content)).active


def _header_row(sheet) -> int:
    """The header is the row above the frozen pane (exports freeze the table's header)."""
    return sheet.freeze_panes and int(sheet.freeze_panes[1:]) - 1 or 1


def xlsx_rows(response) -> list[list]:
    """The table of an XLSX export, header row first, without the title block above it."""
    sheet = _sheet(response)
    return [list(row) for row in sheet.iter_rows(min_row=_header_row(sheet), values_only=True)]


def xlsx_title(response) -> list[str]:
    """The lines of the title block above an XLSX export's table (empty when there is none)."""
    sheet = _sheet(response)
    above = range(1, _header_row(sheet))
    return [sheet.cell(row, 1).value for row in above if sheet.cell(row, 1).value is not None]
