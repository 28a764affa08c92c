"""Reading an uploaded table (CSV or XLSX) into a header and numbered rows of raw cells.

Row numbers are those a spreadsheet shows: the header is row 1, the first data row row 2.
Cells are returned as the reader gives them (str for CSV; str, int, float, bool, date or
datetime for XLSX), so the validator can tell an NIP typed as a number from one typed as text.
"""

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from django.utils.translation import gettext_lazy as _

UNSUPPORTED_FORMAT = _("Format berkas tidak didukung; unggah berkas .csv atau .xlsx.")
UNREADABLE_XLSX = _("Berkas XLSX tidak dapat dibaca (rusak atau dilindungi kata sandi).")
UNREADABLE_CSV = _("Berkas CSV tidak dapat dibaca: %(reason)s")
EMPTY_FILE = _("Berkas kosong: baris pertama harus berisi nama kolom.")

# Excel on Indonesian Windows writes ";"-separated CSV; others write "," or tabs.
_DELIMITERS = (";", ",", "\t")


class UnreadableFile(ValueError):
    """The file as a whole cannot be read; the message says why, in Indonesian."""


@dataclass
class Table:
    header: list[str]
    rows: Iterator[tuple[int, list[Any]]]  # (row number as shown in a spreadsheet, cells)


def read_table(file_obj: IO[bytes], filename: str) -> Table:
    """The header and data rows of `file_obj`, chosen by the extension of `filename`.

    Raises `UnreadableFile` for an unknown extension, an empty file or a broken workbook.
    """
    name = filename.lower()
    if name.endswith(".csv"):
        return _read_csv(file_obj.read())
    if name.endswith(".xlsx"):
        return _read_xlsx(file_obj)
    raise UnreadableFile(str(UNSUPPORTED_FORMAT))


def _numbered(rows: Iterator[list[Any]]) -> Table:
    first = next(rows, None)
    if first is None or not any(_text(cell) for cell in first):
        raise UnreadableFile(str(EMPTY_FILE))
    header = [_text(cell) for cell in first]
    return Table(header, ((number, row) for number, row in enumerate(rows, start=2)))


def _text(cell: Any) -> str:
    return "" if cell is None else str(cell).strip()


def _read_csv(content: bytes) -> Table:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel's "CSV" on Windows is cp1252; latin-1 cannot fail, so this always decodes.
        text = content.decode("cp1252", errors="replace")
    first_line = text.split("\n", 1)[0]
    delimiter = max(_DELIMITERS, key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)

    def rows() -> Iterator[list[Any]]:
        try:
            yield from reader
        except csv.Error as exc:
            raise UnreadableFile(str(UNREADABLE_CSV) % {"reason": exc}) from None

    return _numbered(rows())


def _read_xlsx(file_obj: IO[bytes]) -> Table:
    content = file_obj.read()
    try:
        return _numbered(_calamine_rows(content))
    except UnreadableFile:
        raise
    except Exception:  # noqa: S110 - calamine raises several Rust-side error types
        pass  # openpyxl is ten times slower but reads a few workbooks calamine rejects.
    try:
        return _numbered(_openpyxl_rows(content))
    except UnreadableFile:
        raise
    except Exception:  # zipfile, XML and openpyxl errors alike
        raise UnreadableFile(str(UNREADABLE_XLSX)) from None


def _calamine_rows(content: bytes) -> Iterator[list[Any]]:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_filelike(io.BytesIO(content))
    sheet = workbook.get_sheet_by_index(0)
    # Read eagerly so a broken sheet fails here, where the openpyxl fallback can take over.
    return iter(sheet.to_python(skip_empty_area=False))


def _openpyxl_rows(content: bytes) -> Iterator[list[Any]]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    sheet = workbook.worksheets[0]
    return iter([list(row) for row in sheet.iter_rows(values_only=True)])
