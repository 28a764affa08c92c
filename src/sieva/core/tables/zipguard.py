"""An XLSX file checked before any spreadsheet library opens it.

An XLSX is a zip of XML parts. Here every part is unzipped once, as a stream and without
trusting the sizes the zip declares: the parts together may not unpack past
`max_unzipped_bytes`, nor one part past `MAX_RATIO` times its compressed size (a zip bomb
unpacks a thousandfold). Each part is also scanned for cells (`sheetscan`), and a worksheet
whose declared `<dimension>`, cells or extent exceed the limits is refused, naming the sheet
and the cell to clear. Every part is scanned, not only those the workbook lists as sheets, so
no renamed part slips past.
"""

import io
import posixpath
import struct
import zipfile
import zlib
from collections.abc import Iterator
from xml.parsers import expat

from sieva.core.tables import messages as m
from sieva.core.tables.limits import Limits
from sieva.core.tables.sheetscan import ExactScan, Extent, FastScan, Unusual, declared_size
from sieva.core.tables.table import UnreadableFile

MAX_PARTS = 10_000  # an Excel workbook has a few dozen
MAX_RATIO = 100  # Apache POI's limit; real sheets unpack 10 to 25 times
RATIO_GRACE = 1 << 20  # small parts (styles, themes) compress far better
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted OOXML and old .xls
MAX_CARRY = 4 << 20  # one tag or text longer than this is no spreadsheet's
_INPUT = 16 << 10  # compressed bytes per step: at most ~16.5 MB out at deflate's 1032:1
_PIECE = 1 << 20


def check_xlsx(data: bytes, limits: Limits) -> None:
    """Raise UnreadableFile, in words a user can act on, unless `data` is safe to open."""
    if data.startswith(CFB_MAGIC):
        raise UnreadableFile(m.say(m.PROTECTED))
    count = _part_count(data) if data.startswith(b"PK") else None
    if count is None:
        raise UnreadableFile(m.say(m.NOT_XLSX))
    if count > MAX_PARTS:
        raise UnreadableFile(m.say(m.ZIP_PARTS, count=m.count(count), max=m.count(MAX_PARTS)))
    try:
        parts = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise UnreadableFile(m.say(m.NOT_XLSX)) from None
    for info in parts:
        if info.flag_bits & 0x1:
            raise UnreadableFile(m.say(m.PROTECTED))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise UnreadableFile(m.say(m.ZIP_METHOD))
    view = memoryview(data)
    names = _sheet_names(view, parts)
    left = [limits.max_unzipped_bytes]
    for info in parts:
        scan = FastScan()
        for piece in _unzipped(view, info, left, limits):
            scan.feed(piece)
        if not scan.worksheet:
            continue  # styles, strings, drawings: calamine reads no cells from them
        sheet = names.get(info.filename, info.filename)
        extent = scan.extent
        if scan.unusual or not _fits(extent, limits):
            # A second, slower pass decides: it alone knows an empty <c …/> (skipped by
            # calamine) from a cell, and the rows exactly.
            extent = _exact(view, info, sheet, limits)
        _check_cells_reached(extent, sheet, limits)
        _check_size(extent, sheet, limits)
        _check_declared(scan.extent.declared, sheet, limits)


def _unzipped(
    view: memoryview, info: zipfile.ZipInfo, left: list[int], limits: Limits
) -> Iterator[bytes]:
    """The part's pieces, refusing a zip bomb: `left` is what all parts may still unpack."""
    produced = 0
    for piece, consumed in _pieces(view, info):
        produced += len(piece)
        left[0] -= len(piece)
        if left[0] < 0:
            raise UnreadableFile(m.say(m.ZIP_UNPACKED, max=m.megabytes(limits.max_unzipped_bytes)))
        if produced > RATIO_GRACE and produced > MAX_RATIO * consumed:
            raise UnreadableFile(m.say(m.ZIP_RATIO, part=info.filename, max=MAX_RATIO))
        yield piece


def _part_count(data: bytes) -> int | None:
    """Parts listed by the zip's end record, read before `zipfile` builds one object per part;
    None when there is no end record."""
    tail = data[-(22 + 0xFFFF) :]
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + 22 > len(tail):
        return None
    (count,) = struct.unpack_from("<H", tail, at + 10)
    if count == 0xFFFF:  # Zip64: the count lives in the Zip64 end record
        at64 = tail.rfind(b"PK\x06\x06")
        if at64 < 0 or at64 + 40 > len(tail):
            return None
        (count,) = struct.unpack_from("<Q", tail, at64 + 32)
    return int(count)


def _pieces(view: memoryview, info: zipfile.ZipInfo) -> Iterator[tuple[bytes, int]]:
    """The part unzipped in pieces of about a megabyte that end just before a `<` (so no tag
    is cut), each with the compressed bytes read so far."""
    carry, consumed = b"", 0
    for out, consumed in _inflated(view, info):
        carry += out
        if len(carry) < _PIECE:
            continue
        cut = carry.rfind(b"<")
        if cut <= 0 and len(carry) <= MAX_CARRY:
            continue
        if cut <= 0:  # no tag is this long: binary data (an image) or a giant text
            cut = len(carry)
        yield carry[:cut], consumed
        carry = carry[cut:]
    if carry:
        yield carry, consumed


def _inflated(view: memoryview, info: zipfile.ZipInfo) -> Iterator[tuple[bytes, int]]:
    """Raw inflation of the part's compressed bytes: the declared size is not trusted."""
    start = info.header_offset
    if view[start : start + 4].tobytes() != b"PK\x03\x04":
        raise UnreadableFile(m.say(m.NOT_XLSX))
    name_length, extra_length = struct.unpack_from("<HH", view, start + 26)
    begin = start + 30 + name_length + extra_length
    raw = view[begin : begin + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED:
        for at in range(0, len(raw), _PIECE):
            yield bytes(raw[at : at + _PIECE]), min(len(raw), at + _PIECE)
        return
    inflater = zlib.decompressobj(-15)
    try:
        for at in range(0, len(raw), _INPUT):
            out = inflater.decompress(raw[at : at + _INPUT])
            if out:
                yield out, min(len(raw), at + _INPUT)
            if inflater.eof:
                return
    except zlib.error:
        raise UnreadableFile(m.say(m.NOT_XLSX)) from None


def _exact(view: memoryview, info: zipfile.ZipInfo, sheet: str, limits: Limits) -> Extent:
    scan = ExactScan()
    try:
        for piece, _consumed in _pieces(view, info):
            scan.feed(piece)
            if not _fits(scan.extent, limits):
                # The extent only grows: the sheet is refused already, the rest need not be
                # read (a million implied rows took seconds to walk to the end).
                return scan.extent
        scan.close()
    except Unusual:
        raise UnreadableFile(m.say(m.SHEET_STRUCTURE, sheet=sheet)) from None
    return scan.extent


def _fits(extent: Extent, limits: Limits) -> bool:
    return (
        extent.max_column <= limits.max_columns
        and extent.max_row <= limits.max_rows + 1
        and extent.max_row * extent.max_column <= limits.max_cells
        and extent.cells <= limits.max_cells
    )


def _check_cells_reached(extent: Extent, sheet: str, limits: Limits) -> None:
    """A cell beyond the last column or row an import accepts."""
    beyond_columns = extent.max_column > limits.max_columns
    if beyond_columns or extent.max_row > limits.max_rows + 1:
        raise UnreadableFile(
            m.say(
                m.SHEET_CELL,
                sheet=sheet,
                cell=extent.widest if beyond_columns else extent.deepest,
                max_rows=m.count(limits.max_rows),
                max_columns=m.count(limits.max_columns),
            )
        )


def _check_size(extent: Extent, sheet: str, limits: Limits) -> None:
    spanned = extent.max_row * extent.max_column
    if extent.cells > limits.max_cells or spanned > limits.max_cells:
        raise UnreadableFile(
            m.say(
                m.SHEET_CELLS,
                sheet=sheet,
                rows=m.count(extent.max_row),
                columns=m.count(extent.max_column),
                cells=m.count(max(spanned, extent.cells)),
                max=m.count(limits.max_cells),
            )
        )


def _check_declared(declared: str, sheet: str, limits: Limits) -> None:
    """A `<dimension>` claiming more than an import accepts, however few its cells: no
    honest sheet claims that, and readers may size buffers by it (calamine caps its own)."""
    if not declared:
        return
    rows, columns = declared_size(declared)
    if (
        rows > limits.max_rows + 1
        or columns > limits.max_columns
        or rows * columns > limits.max_cells
    ):
        raise UnreadableFile(
            m.say(
                m.SHEET_DECLARED,
                sheet=sheet,
                ref=declared,
                rows=m.count(rows),
                columns=m.count(columns),
                max_rows=m.count(limits.max_rows),
                max_columns=m.count(limits.max_columns),
                max_cells=m.count(limits.max_cells),
            )
        )


def _sheet_names(view: memoryview, parts: list[zipfile.ZipInfo]) -> dict[str, str]:
    """Part name → sheet name as the workbook lists it, for messages only; {} when unclear."""
    by_name = {info.filename: info for info in parts}
    relations = _elements(view, by_name.get("xl/_rels/workbook.xml.rels"), "Relationship")
    targets = {}
    for attributes in relations:
        target = attributes.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        targets[attributes.get("Id", "")] = posixpath.normpath(path)
    names = {}
    for attributes in _elements(view, by_name.get("xl/workbook.xml"), "sheet"):
        relation = next((v for k, v in attributes.items() if k.rpartition(":")[2] == "id"), "")
        if relation in targets:
            names[targets[relation]] = attributes.get("name", "")
    return names


def _elements(view: memoryview, info: zipfile.ZipInfo | None, name: str) -> list[dict[str, str]]:
    """The attributes of each `name` element of a small part; [] when it is not small XML."""
    found: list[dict[str, str]] = []
    if info is None:
        return found

    def start(tag: str, attributes: dict[str, str]) -> None:
        if tag.rpartition(":")[2] == name:
            found.append(attributes)

    def doctype(*_args: object) -> None:
        raise expat.ExpatError("DOCTYPE")  # no entities, however small the part

    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = doctype
    size = 0
    try:
        for piece, _consumed in _inflated(view, info):
            size += len(piece)
            if size > MAX_CARRY:
                return []
            parser.Parse(piece, False)
        parser.Parse(b"", True)
    except expat.ExpatError:
        return []
    return found
