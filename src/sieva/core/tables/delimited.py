"""CSV (and tab-separated text) read as a stream.

A first pass over the bytes computes the SHA-256, enforces the size limit and settles the
encoding: a BOM names UTF-8 or UTF-16 (Excel's "Unicode Text" and "CSV UTF-8" write one);
without one, NUL bytes in every other place mean UTF-16, text that decodes as UTF-8 is UTF-8,
and anything else is Windows-1252, the "CSV" Excel writes on Indonesian Windows. The second
pass parses with `csv.reader`, so quoted fields may hold delimiters and line breaks.
"""

import codecs
import csv
import hashlib
import io
from collections.abc import Iterator
from itertools import islice
from typing import IO

from sieva.core.tables import messages as m
from sieva.core.tables.limits import Limits
from sieva.core.tables.table import Detected, Row, Table, UnreadableFile

DELIMITERS = (";", ",", "\t")  # Excel on Indonesian Windows writes ";", Google Forms ","
_BLOCK = 1 << 20
_SAMPLE = 1 << 16


def read_delimited(raw: IO[bytes], limits: Limits) -> Table:
    """The header and rows of a CSV stream positioned at its start; the header is [] when
    the file is empty."""
    sha256, size, codec, label = _first_pass(raw, limits)
    sample = codecs.getincrementaldecoder(codec)(errors="replace").decode(raw.read(_SAMPLE))
    delimiter = sniff_delimiter(sample, complete=size <= _SAMPLE)
    raw.seek(0)
    reader = csv.reader(_text(raw, codec), delimiter=delimiter)
    first = _records(reader, 1, 1)
    header = [cell.strip().lstrip("\ufeff") for cell in first[0]] if first else []
    if len(header) > limits.max_columns:
        raise UnreadableFile(
            m.say(
                m.TOO_MANY_COLUMNS,
                row=1,
                count=m.count(len(header)),
                max=m.count(limits.max_columns),
            )
        )
    next_row = 2

    def read(count: int) -> list[Row]:
        nonlocal next_row
        batch = _records(reader, count, next_row)
        next_row += len(batch)
        return batch

    detected = Detected("csv", sha256, size, encoding=label, delimiter=delimiter)
    return Table(header, read, detected, limits)


def sniff_delimiter(sample: str, complete: bool = True) -> str:
    """The delimiter that splits the sample into the most consistent rows.

    Each candidate parses the sample as CSV (quotes respected, so a Google Forms question
    "Jelas, ringkas" does not count); the winner splits the header into more than one column
    and gives the most rows as wide as the header, then the widest header.
    """

    def score(delimiter: str) -> tuple[bool, float, int, int]:
        try:
            records = list(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter))
        except csv.Error:
            return (False, 0.0, 0, 0)
        if not complete:
            records = records[:-1]  # the sample may end inside the last record
        records = [r for r in records if any(field.strip() for field in r)]
        if not records:
            return (False, 0.0, 0, 0)
        width, rest = len(records[0]), records[1:]
        share = sum(len(r) == width for r in rest) / len(rest) if rest else 1.0
        return (width > 1, share, width, -DELIMITERS.index(delimiter))

    return max(DELIMITERS, key=score)


def _first_pass(raw: IO[bytes], limits: Limits) -> tuple[str, int, str, str]:
    """SHA-256, size, codec and the encoding's name as shown to users."""
    digest, size = hashlib.sha256(), 0
    block = raw.read(_BLOCK)
    codec, label = _declared_encoding(block)
    utf8 = codecs.getincrementaldecoder("utf-8")()
    undecided = codec == ""
    while block:
        size += len(block)
        if size > limits.max_bytes:
            whole = raw.seek(0, io.SEEK_END) if raw.seekable() else size  # the size it really is
            raise UnreadableFile(
                m.say(m.TOO_LARGE, size=m.megabytes(whole), max=m.megabytes(limits.max_bytes))
            )
        digest.update(block)
        if undecided:
            try:
                utf8.decode(block)
            except UnicodeDecodeError:
                undecided, codec, label = False, "cp1252", "Windows-1252"
        block = raw.read(_BLOCK)
    if undecided:
        try:
            utf8.decode(b"", final=True)
            codec, label = "utf-8", "UTF-8"
        except UnicodeDecodeError:  # the file ends inside a character
            codec, label = "cp1252", "Windows-1252"
    raw.seek(0)
    return digest.hexdigest(), size, codec, label


def _declared_encoding(head: bytes) -> tuple[str, str]:
    """Codec and name from a BOM or from NUL bytes; ("", "") when only decoding can tell."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", m.UTF8_BOM
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # The "utf-16" codec reads the BOM and drops it.
        return "utf-16", "UTF-16 LE" if head.startswith(codecs.BOM_UTF16_LE) else "UTF-16 BE"
    sample = head[:4096]
    if sample.count(0) * 4 >= len(sample) > 0:  # ASCII text in UTF-16: every other byte is 0
        if sample[1::2].count(0) > sample[0::2].count(0):
            return "utf-16-le", "UTF-16 LE"
        return "utf-16-be", "UTF-16 BE"
    return "", ""


def _records(reader: Iterator[list[str]], count: int, first: int) -> list[Row]:
    batch: list[Row] = []
    try:
        batch.extend(islice(reader, count))  # keeps the rows read before an error
    except csv.Error as exc:
        raise UnreadableFile(m.say(m.UNREADABLE_CSV, row=first + len(batch), reason=exc)) from None
    return batch


class _Borrowed(io.RawIOBase):
    """Reads `raw` without ever closing it: an upload stays usable for its caller."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: "memoryview | bytearray") -> int:  # type: ignore[override]
        data = self._raw.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _text(raw: IO[bytes], codec: str) -> io.TextIOWrapper:
    # newline="" hands line breaks inside quoted fields to csv.reader untouched.
    buffered = io.BufferedReader(_Borrowed(raw), _BLOCK)
    return io.TextIOWrapper(buffered, encoding=codec, errors="replace", newline="")
