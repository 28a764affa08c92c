"""Reading exports back the way a user's spreadsheet would."""

import csv
import io

from openpyxl import load_workbook


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def xlsx_rows(response) -> list[list]:
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def as_text(value) -> str:
    """A page value as the CSV writer prints it ("" for an undefined rate)."""
    if value is None:
        return ""
    return str(float(value)) if hasattr(value, "as_tuple") else str(value)
