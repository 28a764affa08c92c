"""Cost of the safe table reader: `python benchmarks/read_tables.py [--rows 100000]`.

Writes an SKM-shaped XLSX (15 columns) the way Excel does (shared strings, dates as styled
numbers), then times, best of three in CPU seconds: python-calamine reading every row alone,
the XLSX check `sieva.core.tables` runs before calamine opens a file, and the whole
`read_table`. Also times the CSV reader over the same rows. Prints the check's overhead;
exit status 1 when it passes the target.
"""

import argparse
import csv
import io
import random
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from python_calamine import CalamineWorkbook

from sieva.core.tables import Limits, read_table
from sieva.core.tables.zipguard import check_xlsx

TARGET_OVERHEAD = 0.60  # the check may cost at most this share of calamine's own read
ELEMENTS = ("persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "pengaduan", "sarana")  # fmt: skip
HEADER = ["kode_unit", "tanggal", *ELEMENTS, "jenis_kelamin", "usia", "pendidikan", "pekerjaan"]
PROFILE = (
    ("L", "P"),
    ("<20", "20-29", "30-39", "40-49"),
    ("SMA", "D4-S1", "S2"),
    ("pns", "swasta"),
)
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _rows(count: int) -> list[list[object]]:
    rng = random.Random(2026)
    rows = []
    for index in range(count):
        answers = [rng.randint(1, 4) for _ in ELEMENTS]
        profile = [values[index % len(values)] for values in PROFILE]
        serial = 45658 + index % 365 + (8 + index % 9) / 24  # an Excel date-time serial
        rows.append([f"PKM-{index % 2000:04d}", serial, *answers, *profile])
    return rows


def _column(index: int) -> str:
    return chr(65 + index)  # 15 columns: A to O


def excel_like_xlsx(rows: list[list[object]]) -> bytes:
    """What Excel writes: text in sharedStrings.xml, numbers inline, the date column styled."""
    strings: dict[str, int] = {}
    parts = []
    for number, row in enumerate([HEADER, *rows], start=1):
        cells = []
        for index, value in enumerate(row):
            reference = f"{_column(index)}{number}"
            if isinstance(value, str):
                position = strings.setdefault(value, len(strings))
                cells.append(f'<c r="{reference}" t="s"><v>{position}</v></c>')
            elif index == 1:
                cells.append(f'<c r="{reference}" s="1"><v>{value}</v></c>')
            else:
                cells.append(f'<c r="{reference}"><v>{value}</v></c>')
        parts.append(f'<row r="{number}" spans="1:15">{"".join(cells)}</row>')
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        f'<worksheet xmlns="{_MAIN}" xmlns:r="{_DOC}"><dimension ref="A1:O{len(rows) + 1}"/>'
        f"<sheetData>{''.join(parts)}</sheetData>"
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        "</worksheet>"
    )
    shared = "".join(f"<si><t>{escape(text)}</t></si>" for text in strings)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            "</Types>",
        )
        book.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" Type="{_DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        book.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{_MAIN}" xmlns:r="{_DOC}"><sheets><sheet name="SKM" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        book.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{_RELS}">'
            f'<Relationship Id="rId1" Type="{_DOC}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{_DOC}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rId3" Type="{_DOC}/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>",
        )
        book.writestr(
            "xl/styles.xml",
            f'<styleSheet xmlns="{_MAIN}"><cellXfs count="2"><xf numFmtId="0"/>'
            '<xf numFmtId="22" applyNumberFormat="1"/></cellXfs></styleSheet>',
        )
        book.writestr(
            "xl/sharedStrings.xml",
            f'<sst xmlns="{_MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">{shared}</sst>',
        )
        book.writestr("xl/worksheets/sheet1.xml", sheet)
    return buffer.getvalue()


def _cpu(run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return best


def _calamine(data: bytes) -> None:
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0)
    for _row in sheet.iter_rows():
        pass


def _read_all(data: bytes | Path, name: str) -> None:
    source = data.open("rb") if isinstance(data, Path) else data
    for _first, _rows_read in read_table(source, name).chunks():
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    rows = _rows(args.rows)
    data = excel_like_xlsx(rows)
    sheet_xml = zipfile.ZipFile(io.BytesIO(data)).getinfo("xl/worksheets/sheet1.xml").file_size
    print(
        f"XLSX: {args.rows:,} rows × 15 columns, {len(data) / 1e6:.1f} MB, sheet XML {sheet_xml / 1e6:.0f} MB"
    )
    calamine = _cpu(lambda: _calamine(data))
    check = _cpu(lambda: check_xlsx(data, Limits()))
    whole = _cpu(lambda: _read_all(data, "skm.xlsx"))
    print(f"  calamine alone, every row: {calamine:.3f} s CPU")
    print(f"  check before calamine:     {check:.3f} s CPU ({check / calamine:.0%} of calamine)")
    print(f"  read_table, every row:     {whole:.3f} s CPU")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "skm.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows([HEADER, *rows])
        reading = _cpu(lambda: _read_all(path, "skm.csv"))
        print(
            f"CSV: {path.stat().st_size / 1e6:.1f} MB read by read_table in {reading:.3f} s CPU "
            f"= {args.rows / reading:,.0f} rows per CPU-second"
        )
    passed = check / calamine <= TARGET_OVERHEAD
    print(
        f"{'PASS' if passed else 'FAIL'}  check overhead {check / calamine:.0%} <= {TARGET_OVERHEAD:.0%}"
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
