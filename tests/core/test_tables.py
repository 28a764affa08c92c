"""The one table reader: CSV encodings and delimiters, XLSX cell types, limits, and files
built to hurt (the crafted XLSX runs in a subprocess, so a crash fails the test, not pytest)."""

import codecs
import csv
import datetime as dt
import hashlib
import io
import subprocess
import sys
import textwrap
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from openpyxl import Workbook as OpenpyxlWorkbook

from sieva.core.tables import Limits, UnreadableFile, read_table, read_workbook, zipguard
from tests.core.workbooks import MAIN, cell, far_cell_workbook, patched, sheet, workbook

HEADER = ["NIP", "Nama", "Unit"]
ROWS = [["199001012020011001", "Siti Aminah, S.Kom.", "MDN-01"], ["199202022021012002", "Budi", ""]]


def _csv(rows: list[list[str]], delimiter: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def _read(content: bytes, name: str = "data.csv", **limits: int):
    table = read_table(content, name, limits=Limits(**limits))
    return table, list(table.rows)


# --- CSV: encodings -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encode", "encoding"),
    [
        (lambda text: text.encode("utf-8"), "UTF-8"),
        (lambda text: codecs.BOM_UTF8 + text.encode("utf-8"), "UTF-8 dengan BOM"),
        (lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "UTF-16 LE"),
        (lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"), "UTF-16 BE"),
        (lambda text: text.encode("utf-16-le"), "UTF-16 LE"),  # no BOM: the NULs tell
        (lambda text: text.encode("cp1252"), "Windows-1252"),
    ],
)
def test_it_reads_every_encoding_excel_writes_and_says_which(encode, encoding):
    text = _csv([HEADER, ["1", "Dewi – “Kepala” Seksi", "Kantor Pusat é"]], ";")
    table, rows = _read(encode(text))
    assert table.header == HEADER
    assert rows == [(2, ["1", "Dewi – “Kepala” Seksi", "Kantor Pusat é"])]
    assert table.detected.encoding == encoding


def test_excel_unicode_text_reads_as_utf16_with_tabs_and_says_so():
    content = codecs.BOM_UTF16_LE + _csv([HEADER, *ROWS], "\t").encode("utf-16-le")
    table, rows = _read(content, "pegawai.txt")
    assert table.header == HEADER and rows[1] == (3, ROWS[1])
    assert table.detected.describe() == "dibaca sebagai UTF-16 LE, pemisah tab"


def test_a_file_that_is_not_utf8_falls_back_to_windows_1252_without_losing_letters():
    content = "NIP;Nama\r\n1;Andi Pramana – Staf\r\n".encode("cp1252")
    table, rows = _read(content)
    assert rows == [(2, ["1", "Andi Pramana – Staf"])]
    assert table.detected.describe() == "dibaca sebagai Windows-1252, pemisah titik koma"


# --- CSV: delimiters, quotes, rows --------------------------------------------------------


@pytest.mark.parametrize(("delimiter", "name"), [(";", "titik koma"), (",", "koma"), ("\t", "tab")])
def test_it_finds_the_delimiter(delimiter, name):
    table, rows = _read(_csv([HEADER, *ROWS], delimiter).encode())
    assert table.header == HEADER and [cells for _, cells in rows] == ROWS
    assert table.detected.delimiter == delimiter
    assert table.detected.describe() == f"dibaca sebagai UTF-8, pemisah {name}"


def test_commas_inside_quoted_headers_and_decimal_commas_do_not_fool_the_delimiter():
    content = b'"Secara umum, saya puas";Nilai\r\n"Ya, sangat";3,5\r\nTidak;4\r\n'
    table, rows = _read(content)
    assert table.header == ["Secara umum, saya puas", "Nilai"]
    assert rows == [(2, ["Ya, sangat", "3,5"]), (3, ["Tidak", "4"])]


def test_a_quoted_field_may_hold_line_breaks_and_rows_are_numbered_as_excel_shows_them():
    content = b'NIP,Catatan\r\n1,"baris satu\r\nbaris dua; tiga"\r\n2,ok\r\n'
    _, rows = _read(content)
    assert rows == [(2, ["1", "baris satu\r\nbaris dua; tiga"]), (3, ["2", "ok"])]


def test_blank_rows_keep_their_number():
    _, rows = _read(b"NIP,Nama\n1,A\n\n,\n4,D\n")
    assert [number for number, _ in rows] == [2, 3, 4, 5]
    assert rows[3] == (5, ["4", "D"])


@pytest.mark.parametrize("content", [b"", b"\r\n", b" ; ;\r\n1;2\r\n", codecs.BOM_UTF8])
def test_an_empty_file_or_header_is_refused(content):
    with pytest.raises(UnreadableFile, match="Berkas kosong: baris pertama harus berisi nama"):
        read_table(content, "data.csv")


def test_a_header_only_file_has_no_rows():
    table, rows = _read(b"NIP;Nama\r\n")
    assert table.header == ["NIP", "Nama"] and rows == []


def test_a_broken_csv_names_the_row():
    content = b"NIP,Catatan\n1,ok\n2," + b"x" * 200_000 + b"\n"
    table = read_table(content, "data.csv")
    with pytest.raises(UnreadableFile, match="Berkas CSV tidak dapat dibaca pada baris 3"):
        list(table.rows)


def _on_disk(content: bytes) -> TemporaryUploadedFile:
    upload = TemporaryUploadedFile("data.csv", "text/csv", len(content), "utf-8")
    upload.write(content)
    return upload


@pytest.mark.parametrize("upload", [lambda c: SimpleUploadedFile("data.csv", c), _on_disk])
def test_an_upload_stays_open_for_its_caller(upload):
    content = b"NIP;Nama\n1;A\n"
    with upload(content) as file:
        table = read_table(file, file.name)
        assert list(table.rows) == [(2, ["1", "A"])]
        file.seek(0)
        assert file.read() == content


def test_chunks_carry_the_row_number_of_their_first_row():
    content = ("NIP\n" + "".join(f"{n}\n" for n in range(7))).encode()
    table = read_table(content, "data.csv")
    assert [(first, len(rows)) for first, rows in table.chunks(3)] == [(2, 3), (5, 3), (8, 1)]


def test_detected_tells_the_size_and_the_sha256_of_the_file():
    content = b"NIP\n1\n"
    table = read_table(content, "data.csv")
    assert table.detected.size == 6
    assert table.detected.sha256 == hashlib.sha256(content).hexdigest()


def test_other_extensions_are_refused():
    with pytest.raises(UnreadableFile, match="Format berkas tidak didukung"):
        read_table(b"x", "data.ods")


# --- limits, enforced while streaming -----------------------------------------------------


def test_the_row_limit_allows_exactly_its_number_of_data_rows():
    content = b"NIP\n1\n2\n3\n"
    assert len(_read(content, max_rows=3)[1]) == 3
    table = read_table(content + b"4\n", "data.csv", limits=Limits(max_rows=3))
    with pytest.raises(UnreadableFile, match="lebih dari 3 baris data"):
        list(table.rows)


def test_the_size_limit_refuses_before_any_row_is_read():
    with pytest.raises(UnreadableFile, match="melebihi batas impor 1 MB"):
        read_table(b"NIP\n" + b"1\n" * 600_000, "data.csv", limits=Limits(max_bytes=1_000_000))


def test_a_row_wider_than_the_column_limit_is_named():
    table = read_table(b"A,B,C\n1,2,3\n1,2,3,4,5\n", "data.csv", limits=Limits(max_columns=3))
    with pytest.raises(UnreadableFile, match="Baris 3 berisi 5 kolom, melebihi batas impor 3"):
        list(table.rows)


def test_the_limits_come_from_the_settings(settings):
    settings.SIEVA_IMPORT_MAX_ROWS = 1
    table = read_table(b"NIP\n1\n2\n", "data.csv")
    with pytest.raises(UnreadableFile, match="lebih dari 1 baris data"):
        list(table.rows)


# --- XLSX ---------------------------------------------------------------------------------


def _openpyxl(rows: list[list[object]], title: str = "Pegawai") -> bytes:
    book = OpenpyxlWorkbook()
    book.active.title = title
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_xlsx_cells_keep_their_types_dates_included():
    born = dt.date(1990, 1, 1)
    at = dt.datetime(2026, 3, 2, 8, 30)
    content = _openpyxl(
        [
            ["NIP", "Lahir", "Waktu", "Nilai", "Hadir"],
            ["199001012020011001", born, at, 3.5, True],
            [199001012020011001, None, None, 4, False],
        ]
    )
    table = read_table(io.BytesIO(content), "pegawai.xlsx")
    rows = list(table.rows)
    assert table.header == ["NIP", "Lahir", "Waktu", "Nilai", "Hadir"]
    assert rows[0] == (2, ["199001012020011001", born, at, 3.5, True])
    number, cells = rows[1]
    assert number == 3 and isinstance(cells[0], float)  # an NIP typed as a number stays one
    assert cells[1:] == ["", "", 4.0, False]
    assert table.detected.describe() == "dibaca dari lembar “Pegawai”"


def test_a_sheet_starting_right_of_column_a_keeps_its_columns():
    content = workbook(
        sheet(f'<row r="1">{cell("B1", "NIP")}</row><row r="2">{cell("B2", 7)}</row>')
    )
    table = read_table(content, "a.xlsx")
    assert table.header == ["", "NIP"] and list(table.rows) == [(2, ["", 7.0])]


def test_a_workbook_lists_its_sheets_and_reads_each():
    book = OpenpyxlWorkbook()
    book.active.title = "survey"
    book.active.append(["type", "name"])
    book.create_sheet("choices").append(["list_name", "name"])
    book["choices"].append(["ya_tidak", "ya"])
    out = io.BytesIO()
    book.save(out)
    workbook_ = read_workbook(out.getvalue(), "form.xlsx")
    assert workbook_.sheet_names == ["survey", "choices"]
    assert list(workbook_.sheet("choices").rows) == [(2, ["ya_tidak", "ya"])]


@pytest.mark.parametrize(
    ("rows", "limits", "message"),
    [
        ([[f"r{n}"] for n in range(21)], {"max_rows": 10}, "sel A21 berada di luar batas impor"),
        ([list("ABCDE")], {"max_columns": 3}, "sel E1 berada di luar batas impor"),
        ([list("ABCD")] * 4, {"max_cells": 10}, "4 baris × 4 kolom \\(16 sel\\), melebihi"),
    ],
)
def test_xlsx_past_a_limit_is_refused_before_it_is_parsed(rows, limits, message):
    with pytest.raises(UnreadableFile, match=message):
        read_table(_openpyxl(rows), "a.xlsx", limits=Limits(**limits))


def test_a_declared_dimension_past_the_limits_is_refused():
    content = workbook(sheet(cell("A1", "NIP"), dimension="A1:XFD1048576"))
    with pytest.raises(UnreadableFile, match="menyatakan ukuran A1:XFD1048576"):
        read_table(content, "a.xlsx")


@pytest.mark.parametrize(
    "rows",
    [
        # What writers other than Excel do: a namespace prefix on every element (the .NET
        # OpenXML SDK), cells without r, single quotes, line breaks, comments.
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>NIP</x:t></x:is></x:c>'
        '<x:c r="B1" t="inlineStr"><x:is><x:t>Nama</x:t></x:is></x:c></x:row>'
        '<x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c><x:c r="B2" t="inlineStr">'
        "<x:is><x:t>Ani</x:t></x:is></x:c></x:row>",
        "<row><c t='inlineStr'><is><t>NIP</t></is></c><c t='inlineStr'><is><t>Nama</t></is></c>"
        "</row>\n<row><c><v>1</v></c>\n<c t='inlineStr'><is><t>Ani</t></is></c></row>",
        '<!-- ekspor --><row r="1"><c t="inlineStr" r="A1"><is><t>NIP</t></is></c>'
        '<c r = "B1" t="inlineStr"><is><t>Nama</t></is></c></row><row r="2"><c r="A2">'
        '<v>1</v></c><c r="B2" t="inlineStr"><is><t>Ani</t></is></c></row>',
    ],
)
def test_unusual_but_sound_xml_is_followed_exactly_and_read(rows):
    xml = sheet(rows).replace("<worksheet xmlns=", f'<worksheet xmlns:x="{MAIN}" xmlns=')
    table = read_table(workbook(xml), "a.xlsx", limits=Limits(max_rows=2, max_columns=2))
    assert table.header == ["NIP", "Nama"] and list(table.rows) == [(2, [1.0, "Ani"])]


# --- files built to hurt ------------------------------------------------------------------

_CHILD = textwrap.dedent(
    """
    import io, resource, sys
    # A ceiling on memory, so that without the guard this child dies at once instead of
    # swapping the machine; calamine's allocation failure aborts the process either way.
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
    from sieva.core.tables import UnreadableFile, read_table
    try:
        table = read_table(io.BytesIO(sys.stdin.buffer.read()), "serangan.xlsx")
        print("read", len(list(table.rows)))
    except UnreadableFile as exc:
        print("UnreadableFile:", exc)
    """
)


def _read_in_a_child(content: bytes) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _CHILD], input=content, capture_output=True, timeout=120
    )


def _far_cell(tag: str) -> bytes:
    return workbook(sheet(f'<row r="1">{cell("A1", "NIP")}{tag}</row>'))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (far_cell_workbook(), "sel XFD1048576 berada di luar batas impor"),
        (far_cell_workbook("A1:XFD1048576"), "sel XFD1048576 berada di luar batas impor"),
        (far_cell_workbook("A1:B2"), "sel XFD1048576 berada di luar batas impor"),  # a lie
        # The same cell hidden from a naive search: calamine honours each of these.
        (_far_cell('<c s="1" r="XFD1048576"><v>1</v></c>'), "sel XFD1048576"),
        (_far_cell("<c r='XFD1048576'><v>1</v></c>"), "sel XFD1048576"),
        (_far_cell('<c\nr = "xfd1048576"><v>1</v></c>'), "sel XFD1048576"),
        (_far_cell('<q:c xmlns:q="urn:x" r="XFD1048576"><v>1</v></q:c>'), "sel XFD1048576"),
        (_far_cell('<c foo=">" r="XFD1048576"><v>1</v></c>'), "sel XFD1048576"),
        (_far_cell('<c s="1"r="XFD1048576"><v>1</v></c>'), "tersusun tidak wajar"),  # glued
        (_far_cell('<c r="A2" r="XFD1048576"><v>1</v></c>'), "tersusun tidak wajar"),  # 2nd r wins
        (
            workbook(sheet(cell("A1", "NIP") + '<row r="1048576"><c><v>1</v></c></row>')),
            "sel B1048576 berada di luar batas impor",  # calamine: column after A1
        ),
    ],
)
def test_a_crafted_xlsx_cannot_abort_the_process_and_is_refused_in_indonesian(content, message):
    done = _read_in_a_child(content)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    output = done.stdout.decode()
    assert output.startswith("UnreadableFile: Lembar “Data”") and message in output, output


def test_the_crafted_file_is_the_tiny_one_from_the_report():
    assert len(far_cell_workbook()) < 2000


def test_a_zip_bomb_is_refused_by_its_compression_ratio():
    filler = "<!--" + " " * 50_000_000 + "-->"  # 50 MB of spaces zip to about 50 KB
    content = workbook(sheet(cell("A1", "NIP") + filler))
    with pytest.raises(UnreadableFile, match="mengembang lebih dari 100 kali"):
        read_table(content, "bom.xlsx")


def test_a_part_that_lies_about_its_size_is_measured_as_it_unzips():
    rows = "".join(
        f'<row r="{n}">{cell(f"A{n}", f"nilai {n:07d}")}</row>' for n in range(1, 60_000)
    )
    content = patched(workbook(sheet(rows)), "xl/worksheets/sheet1.xml", size=100)
    with pytest.raises(UnreadableFile, match="isinya melebihi 1 MB setelah dibuka"):
        read_table(content, "a.xlsx", limits=Limits(max_unzipped_bytes=1_000_000))


def test_too_many_parts_are_refused_before_the_zip_is_opened(monkeypatch):
    monkeypatch.setattr(zipguard, "MAX_PARTS", 5)
    with pytest.raises(UnreadableFile, match="berisi 6 bagian, batasnya 5"):
        read_table(workbook(sheet(cell("A1", "NIP")), {"docProps/app.xml": b"<a/>"}), "a.xlsx")


def _a_zip_but_no_workbook() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        # Excel saves a password-protected workbook as an encrypted OLE file, like old .xls.
        (zipguard.CFB_MAGIC + bytes(1024), "dilindungi kata sandi atau berformat Excel lama"),
        (
            patched(far_cell_workbook(), "xl/worksheets/sheet1.xml", flags=0x1),
            "dilindungi kata sandi",
        ),
        (b"PK\x03\x04 rusak", "tidak dapat dibaca: rusak atau bukan berkas Excel"),
        (far_cell_workbook()[:700], "tidak dapat dibaca: rusak atau bukan berkas Excel"),
        (b"%PDF-1.7", "tidak dapat dibaca: rusak atau bukan berkas Excel"),
        (patched(far_cell_workbook(), "xl/workbook.xml", method=9), "kompresi yang tidak dikenal"),
        (_a_zip_but_no_workbook(), "Berkas XLSX tidak dapat dibaca \\(rusak"),
    ],
)
def test_protected_corrupt_and_odd_files_say_why(content, message):
    with pytest.raises(UnreadableFile, match=message):
        read_table(content, "a.xlsx")


@pytest.mark.parametrize(
    "xml",
    [
        # A DOCTYPE may define entities that expand into cells; no spreadsheet writes one.
        sheet(cell("A1", "NIP")).replace("\r\n", '\r\n<!DOCTYPE worksheet [<!ENTITY e "x">]>'),
        # The same attribute twice (calamine would take the second) across a line break.
        sheet(f'<row r="1">{cell("A1", "NIP")}<c r="A2"\nr="B2"><v>1</v></c></row>'),
        sheet('<row r="1"><c r="1A"><v>1</v></c></row>\n'),  # a reference no one can place
    ],
)
def test_a_sheet_that_cannot_be_followed_safely_is_refused(xml):
    with pytest.raises(UnreadableFile, match="Lembar “Data” tersusun tidak wajar"):
        read_table(workbook(xml), "a.xlsx")
