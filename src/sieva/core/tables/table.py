"""A table read from a file: its header, its numbered rows, and how it was read.

Row numbers are those a spreadsheet shows: the header is row 1, the first data row row 2,
and a blank row keeps its number. Cells are the reader's raw values (str for CSV; str, float,
bool, date, datetime, time or timedelta for XLSX, "" when empty), so a validator can tell an
NIP typed as a number from one typed as text.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sieva.core.tables import messages as m
from sieva.core.tables.limits import Limits
from sieva.core.text import CONTROL_CHARACTERS

Row = list[Any]
CHUNK_ROWS = 50_000


class UnreadableFile(ValueError):
    """The file as a whole cannot be read; the message says why, in Indonesian."""


@dataclass(frozen=True)
class Detected:
    """What the reader found: `encoding` and `delimiter` for CSV, `sheet` for XLSX."""

    format: str  # "csv" or "xlsx"
    sha256: str
    size: int  # bytes
    encoding: str = ""  # "UTF-8", "UTF-8 dengan BOM", "UTF-16 LE", "UTF-16 BE", "Windows-1252"
    delimiter: str = ""  # ";", "," or "\t"
    sheet: str = ""

    def describe(self) -> str:
        """ "dibaca sebagai UTF-16 LE, pemisah titik koma" or "dibaca dari lembar “Data”"."""
        if self.format == "xlsx":
            return m.say(m.READ_FROM_SHEET, sheet=self.sheet)
        return m.say(
            m.READ_AS_TEXT,
            encoding=m.say(self.encoding),
            delimiter=m.say(m.DELIMITER_NAMES[self.delimiter]),
        )


class Table:
    """`header` (row 1, as trimmed text) and the data rows, read once, as `rows` — an iterator
    of (row number, cells) — or in `chunks`. Reading past a limit raises UnreadableFile."""

    def __init__(
        self,
        header: list[str],
        read: Callable[[int], list[Row]],
        detected: Detected,
        limits: Limits,
    ) -> None:
        self.header = header
        self.detected = detected
        self._read = read
        self._limits = limits
        self._next_row = 2
        self.rows: Iterator[tuple[int, Row]] = self._numbered()
        self._refuse_control_characters(1, [header])

    def chunks(self, size: int = CHUNK_ROWS) -> Iterator[tuple[int, list[Row]]]:
        """(row number of the first row, up to `size` rows) until the file ends."""
        while batch := self._read(size):
            first = self._next_row
            self._next_row += len(batch)
            self._check(first, batch)
            yield first, batch

    def _numbered(self) -> Iterator[tuple[int, Row]]:
        for first, batch in self.chunks(1000):
            yield from enumerate(batch, start=first)

    def _check(self, first: int, batch: list[Row]) -> None:
        self._refuse_control_characters(first, batch)
        limits = self._limits
        if self._next_row - 2 > limits.max_rows:
            raise UnreadableFile(m.say(m.TOO_MANY_ROWS, max=m.count(limits.max_rows)))
        if max(map(len, batch)) > limits.max_columns:  # one C-speed pass over the widths
            offset, row = next((i, r) for i, r in enumerate(batch) if len(r) > limits.max_columns)
            raise UnreadableFile(
                m.say(
                    m.TOO_MANY_COLUMNS,
                    row=first + offset,
                    count=m.count(len(row)),
                    max=m.count(limits.max_columns),
                )
            )

    def _refuse_control_characters(self, first: int, batch: list[Row]) -> None:
        """UnreadableFile naming the row, column and character of the first text cell holding
        an invisible control character (`sieva.core.text`), which no importer may store."""
        try:  # one C-speed search over the batch; CSV rows hold only text
            text = "\n".join(map("\n".join, batch))
        except TypeError:  # XLSX rows also hold numbers and dates
            text = "\n".join(c for row in batch for c in row if isinstance(c, str))
        if not CONTROL_CHARACTERS.search(text):
            return
        for offset, row in enumerate(batch):
            for index, cell in enumerate(row):
                found = CONTROL_CHARACTERS.search(cell) if isinstance(cell, str) else None
                if found:
                    raise UnreadableFile(
                        m.say(
                            m.CONTROL_CHARACTER,
                            row=first + offset,
                            column=self._column_name(index),
                            code=f"U+{ord(found.group()):04X}",
                        )
                    )

    def _column_name(self, index: int) -> str:
        name = self.header[index] if index < len(self.header) else ""
        if name and not CONTROL_CHARACTERS.search(name):
            return name
        return m.say(m.COLUMN_NUMBER, number=index + 1)


def cell_text(cell: Any) -> str:
    """A cell as trimmed text ("" for empty); spreadsheet numbers such as 1275.0 as "1275"."""
    if isinstance(cell, str):
        return cell.strip()
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def is_blank(cells: Row) -> bool:
    """True when no cell of the row holds anything but spaces."""
    return not any(cell_text(cell) for cell in cells)
