"""Problems found in an SKM file: one per row and column, in Indonesian, for the user to fix."""

from dataclasses import dataclass


@dataclass(frozen=True)
class RowError:
    """`row` as numbered in a spreadsheet (1 = header, 0 = the file as a whole)."""

    row: int
    column: str
    message: str


def error_rows(errors: list[RowError]) -> list[list[object]]:
    """Rows of the downloadable report: Baris, Kolom, Masalah."""
    return [[e.row or "", e.column, e.message] for e in errors]
