"""Reading exports back the way a user's spreadsheet would."""

from tests.core.readback import csv_rows, xlsx_rows

__all__ = ["as_text", "csv_rows", "xlsx_rows"]


def as_text(value) -> str:
    """A page value as the CSV writer prints it ("" for an undefined rate)."""
    if value is None:
        return ""
    if hasattr(value, "as_tuple"):  # a Decimal: a whole one is written as an integer
        return str(int(value)) if value == value.to_integral_value() else str(float(value))
    return str(value)
