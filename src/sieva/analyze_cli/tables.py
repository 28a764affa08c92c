"""Reading CSV/XLSX sheets and printing results for `sieva analyze`."""

import argparse
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sieva.core.tables import UnreadableFile, is_blank
from sieva.core.tables import read_table as read_file

__all__ = [
    "DataError",
    "Table",
    "cell_error",
    "emit",
    "fmt",
    "fmt_p",
    "parse_number",
    "numeric_column",
    "read_table",
]


class DataError(Exception):
    """A problem in the user's file or arguments, reported in Indonesian."""


@dataclass(frozen=True)
class Table:
    """A sheet: cleaned headers and data rows with their spreadsheet row numbers."""

    headers: list[str]
    rows: list[tuple[int, list[Any]]]

    def column(self, name: str) -> int:
        """Index of the header `name` (exact match first, then case-insensitive)."""
        if name in self.headers:
            return self.headers.index(name)
        folded = [h.casefold() for h in self.headers]
        if name.strip().casefold() in folded:
            return folded.index(name.strip().casefold())
        raise DataError(f'Kolom "{name}" tidak ada. Kolom yang tersedia: {", ".join(self.headers)}')


def read_table(path: str) -> Table:
    """The sheet in `path` (a CSV, or an XLSX's first sheet) through the product's reader,
    rows padded to the header's width and blank ones left out; how the file was read (its
    encoding and delimiter, or its sheet) goes to stderr, so stdout stays the result."""
    file = Path(path)
    if not file.is_file():
        raise DataError(f"Berkas {path} tidak ditemukan.")
    try:
        with file.open("rb") as handle:
            table = read_file(handle, file.name)
            numbered = [(n, cells) for n, cells in table.rows if not is_blank(cells)]
    except UnreadableFile as exc:
        raise DataError(f"Berkas {path}: {exc}") from None
    print(f"Berkas {file.name} {table.detected.describe()}.", file=sys.stderr)
    width = len(table.header)
    rows = [(n, (list(cells) + [""] * width)[:width]) for n, cells in numbered]
    return Table(table.header, rows)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_number(value: Any) -> float | None:
    """None for a blank cell; a float, or ValueError for text that is not a number."""
    if _blank(value):
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        result = float(value)
    else:
        text = str(value).strip()
        if "," in text and "." not in text:
            text = text.replace(",", ".")  # Indonesian decimal comma
        result = float(text)
    if not math.isfinite(result):
        raise ValueError(value)
    return result


def cell_error(row: int, column: str, value: Any, expected: str) -> DataError:
    # Spreadsheets hand whole numbers over as floats; show them as the user typed them.
    shown = f"{value:g}" if isinstance(value, float) else value
    return DataError(f'Baris {row}, kolom "{column}": nilai "{shown}" tidak valid ({expected}).')


def fmt(value: float, decimals: int = 2) -> str:
    """Indonesian number format: 1.234,56."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def fmt_p(value: float) -> str:
    return "< 0,001" if value < 0.001 else fmt(value, 3)


def emit(args: argparse.Namespace, payload: dict[str, Any], lines: list[str]) -> None:
    if args.json:
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print("\n".join(lines))


def numeric_column(table: Table, j: int) -> bool:
    seen = False
    for _, row in table.rows:
        try:
            value = parse_number(row[j])
        except ValueError:
            return False
        seen = seen or value is not None
    return seen
