"""Streaming an uploaded SKM file (CSV or XLSX) as a header and chunks of raw rows.

CSV is never loaded whole: a first pass computes the SHA-256 (to refuse a file imported
before) and checks the encoding, the second streams rows through `csv.reader`.
"""

import codecs
import csv
import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from django.utils.translation import gettext as _

from sieva.satisfaction.services.imports.errors import UnreadableFile

CHUNK_ROWS = 50_000
_DELIMITERS = (";", ",", "\t")
_BLOCK = 1 << 20


@dataclass
class Source:
    """`chunks` yields (spreadsheet row number of the first row, rows); header is row 1."""

    header: list[str]
    sha256: str
    chunks: Iterator[tuple[int, list[list[Any]]]]


def open_source(file_obj: IO[bytes], filename: str, chunk_rows: int = CHUNK_ROWS) -> Source:
    """Header, hash and row chunks of `file_obj`; UnreadableFile with the reason otherwise."""
    raw = getattr(file_obj, "file", file_obj)  # Django's UploadedFile wraps the real stream
    raw.seek(0)
    name = filename.lower()
    if name.endswith(".csv"):
        return _csv_source(raw, chunk_rows)
    if name.endswith(".xlsx"):
        return _xlsx_source(raw.read(), chunk_rows)
    raise UnreadableFile(_("Format berkas tidak didukung; unggah berkas .csv atau .xlsx."))


def _hash_and_encoding(raw: IO[bytes]) -> tuple[str, str]:
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    encoding = "utf-8-sig"
    while block := raw.read(_BLOCK):
        digest.update(block)
        if encoding == "utf-8-sig":
            try:
                decoder.decode(block)
            except UnicodeDecodeError:
                # Excel's "CSV" on Windows is cp1252, which decodes any byte.
                encoding = "cp1252"
    raw.seek(0)
    return digest.hexdigest(), encoding


def _csv_source(raw: IO[bytes], chunk_rows: int) -> Source:
    sha256, encoding = _hash_and_encoding(raw)
    text = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")  # type: ignore[type-var]
    first_line = text.readline()
    delimiter = max(_DELIMITERS, key=first_line.count)
    header = next(csv.reader([first_line], delimiter=delimiter), [])
    if not any(cell.strip() for cell in header):
        raise UnreadableFile(_("Berkas kosong: baris pertama harus berisi nama kolom."))
    reader = csv.reader(text, delimiter=delimiter)
    return Source([h.strip() for h in header], sha256, _chunked(reader, chunk_rows))


def _chunked(rows: Iterator[list[Any]], size: int) -> Iterator[tuple[int, list[list[Any]]]]:
    number = 2
    while True:
        try:
            chunk = [row for _, row in zip(range(size), rows, strict=False)]
        except csv.Error as exc:
            raise UnreadableFile(
                _("Berkas CSV tidak dapat dibaca: %(reason)s") % {"reason": exc}
            ) from None
        if not chunk:
            return
        yield number, chunk
        number += len(chunk)


def _xlsx_source(content: bytes, chunk_rows: int) -> Source:
    from python_calamine import CalamineWorkbook

    try:
        sheet = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0)
        rows = sheet.to_python(skip_empty_area=False)
    except Exception:  # calamine raises several Rust-side error types
        raise UnreadableFile(
            _("Berkas XLSX tidak dapat dibaca (rusak atau dilindungi sandi).")
        ) from None
    if not rows or not any(str(c).strip() for c in rows[0]):
        raise UnreadableFile(_("Berkas kosong: baris pertama harus berisi nama kolom."))
    header = ["" if c is None else str(c).strip() for c in rows[0]]
    return Source(header, hashlib.sha256(content).hexdigest(), _chunked(iter(rows[1:]), chunk_rows))
