"""The one safe reader of uploaded tables (CSV or XLSX) for every importer and `sieva analyze`.

    table = read_table(upload, upload.name)     # UnreadableFile says why, in Indonesian
    table.header                                # row 1, trimmed text
    for number, cells in table.rows: ...        # number as a spreadsheet shows it (data from 2)
    for first, rows in table.chunks(50_000): ...
    table.detected.describe()                   # "dibaca sebagai UTF-16 LE, pemisah titik koma"

Cells keep their raw type (str for CSV; str, float, bool, date or datetime for XLSX; "" when
empty) and blank rows keep their number: each importer validates and skips as it sees fit.
Every read is bounded by `Limits` (settings `SIEVA_IMPORT_MAX_*`), enforced while streaming;
an XLSX file is inspected before python-calamine opens it (`zipguard`). Decision 0018.
"""

import io
from pathlib import PurePath
from typing import IO

from sieva.core.tables import messages as m
from sieva.core.tables.delimited import read_delimited, sniff_delimiter
from sieva.core.tables.limits import Limits, import_limits
from sieva.core.tables.problems import ProblemLog, more_problems
from sieva.core.tables.table import Detected, Table, UnreadableFile, cell_text, is_blank
from sieva.core.tables.workbook import Workbook

__all__ = [
    "Detected",
    "Limits",
    "ProblemLog",
    "Table",
    "UnreadableFile",
    "Workbook",
    "cell_text",
    "import_limits",
    "is_blank",
    "more_problems",
    "read_table",
    "read_workbook",
    "sniff_delimiter",
]

TEXT_SUFFIXES = (".csv", ".tsv", ".txt")  # Excel's "Unicode Text" is a tab-separated .txt
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")

Source = IO[bytes] | bytes


def read_table(source: Source, filename: str, *, limits: Limits | None = None) -> Table:
    """The header and rows of a CSV or XLSX file (its first sheet), told apart by the
    extension of `filename`. Raises UnreadableFile for any other extension, an empty or
    broken file, or one past the limits."""
    limits = limits or Limits.from_settings()
    if PurePath(filename).suffix.lower() in TEXT_SUFFIXES:
        table = read_delimited(_stream(source), limits)
    else:
        workbook = read_workbook(source, filename, limits=limits)
        table = workbook.sheet(workbook.sheet_names[0])
    if not any(table.header):
        raise UnreadableFile(m.say(m.EMPTY_FILE))
    return table


def read_workbook(source: Source, filename: str, *, limits: Limits | None = None) -> Workbook:
    """All sheets of an XLSX file, checked before they are opened."""
    limits = limits or Limits.from_settings()
    if PurePath(filename).suffix.lower() not in WORKBOOK_SUFFIXES:
        raise UnreadableFile(m.say(m.UNSUPPORTED_FORMAT))
    if isinstance(source, bytes):
        return Workbook(source, limits)
    stream = _stream(source)
    size = stream.seek(0, io.SEEK_END) if stream.seekable() else 0
    if size > limits.max_bytes:  # said with the file's real size, before reading any of it
        raise UnreadableFile(
            m.say(m.TOO_LARGE, size=m.megabytes(size), max=m.megabytes(limits.max_bytes))
        )
    stream.seek(0)
    return Workbook(stream.read(limits.max_bytes + 1), limits)


def _stream(source: Source) -> IO[bytes]:
    """A readable, seekable stream at its start (Django's uploads wrap theirs in `.file`)."""
    if isinstance(source, bytes):
        return io.BytesIO(source)
    stream: IO[bytes] = getattr(source, "file", source)
    stream.seek(0)
    return stream
