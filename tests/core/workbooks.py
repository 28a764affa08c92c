"""XLSX files built byte by byte with zipfile: what Excel writes, and what an attacker might."""

import io
import struct
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    f'<workbook xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)


def sheet(rows: str, dimension: str = "") -> str:
    """A worksheet part around `rows` (the XML inside <sheetData>), as Excel lays it out."""
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        f'<worksheet xmlns="{MAIN}">{declared}<sheetData>{rows}</sheetData></worksheet>'
    )


def cell(reference: str, value: object) -> str:
    if isinstance(value, str):
        return f'<c r="{reference}" t="inlineStr"><is><t>{value}</t></is></c>'
    return f'<c r="{reference}"><v>{value}</v></c>'


def workbook(sheet_xml: str, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal XLSX whose only sheet, "Data", is `sheet_xml`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", _TYPES)
        book.writestr("_rels/.rels", _ROOT_RELS)
        book.writestr("xl/workbook.xml", _WORKBOOK)
        book.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        book.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        for name, content in (extra or {}).items():
            book.writestr(name, content)
    return buffer.getvalue()


def far_cell_workbook(dimension: str = "") -> bytes:
    """The 1.5 KB file that aborted the server: a header in A1 and one number at XFD1048576,
    which asks calamine for a grid of 1,048,576 × 16,384 cells."""
    return workbook(sheet(cell("A1", "NIP") + '<c r="XFD1048576"><v>1</v></c>', dimension))


def patched(data: bytes, part: str, *, flags: int | None = None, method: int | None = None,
            size: int | None = None) -> bytes:  # fmt: skip
    """`data` with the zip headers of `part` rewritten: flag bits, compression method or the
    declared uncompressed size, in both the local header and the central directory."""
    out = bytearray(data)
    name = part.encode()
    for signature, flags_at, method_at, size_at, name_at in (
        (b"PK\x03\x04", 6, 8, 22, 30),
        (b"PK\x01\x02", 8, 10, 24, 46),
    ):
        at = out.find(signature)
        while at >= 0:
            if out[at + name_at : at + name_at + len(name)] == name:
                if flags is not None:
                    struct.pack_into("<H", out, at + flags_at, flags)
                if method is not None:
                    struct.pack_into("<H", out, at + method_at, method)
                if size is not None:
                    struct.pack_into("<I", out, at + size_at, size)
            at = out.find(signature, at + 4)
    return bytes(out)
