"""The one export writer: what reaches a CSV and an XLSX, cell by cell, read back with the
libraries a user's spreadsheet stands for (csv, openpyxl) and from the raw sheet XML."""

import csv
import datetime as dt
import io
import zipfile
from decimal import Decimal

import pytest
from django import forms
from django.utils import translation
from openpyxl import load_workbook

from sieva.core.exports import (
    JP_FORMAT,
    MONEY_FORMAT,
    ExportTitle,
    Sheet,
    render_csv,
    render_workbook,
    render_xlsx,
    table_response,
)
from sieva.core.report_table import COUNT, JP, MONEY, PCT, TEXT, ReportTable
from sieva.core.views import form_filters
from sieva.org.models import OrgUnit
from tests.test_translations import compiled_catalogue

__all__ = ["compiled_catalogue"]

# 03:15 UTC is 10:15 WIB (UTC+7, no daylight saving).
MADE_AT = dt.datetime(2026, 5, 4, 3, 15, tzinfo=dt.UTC)
TITLE = ExportTitle(
    "Daftar pegawai",
    "Pemerintah Kota Medan beserta unit di bawahnya",
    (("Status", "Aktif"), ("Jenis ASN", "PNS")),
    made_at=MADE_AT,
)


def _csv(headers, rows) -> list[list[str]]:
    content = render_csv(headers, rows)
    assert content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def _sheet(content: bytes):
    return load_workbook(io.BytesIO(content)).active


def _sheet_xml(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as book:
        return book.read("xl/worksheets/sheet1.xml").decode()


def _table(sheet) -> list[list]:
    header = int(sheet.freeze_panes[1:]) - 1
    return [list(r) for r in sheet.iter_rows(min_row=header, values_only=True)]


def test_a_csv_is_a_bare_table_with_the_header_first_even_when_a_title_is_given():
    response = table_response(
        "csv", filename="pegawai", title=TITLE, headers=["NIP", "Nama"], rows=[["1", "Ani"]]
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [["NIP", "Nama"], ["1", "Ani"]]
    assert response["Content-Type"] == "text/csv; charset=utf-8"


@pytest.mark.parametrize("text", ["=1+1", "+62811", "-5 poin", "@SUM(A1)", "\t=x", "\r=x"])
def test_text_a_spreadsheet_would_run_as_a_formula_gets_an_apostrophe_in_csv(text):
    rows = _csv([text], [[text, 5, -5]])
    assert rows[0] == ["'" + text]
    assert rows[1] == ["'" + text, "5", "-5"]  # numbers are numbers, never guarded


def test_a_control_character_cannot_hide_a_formula_from_the_guard():
    # Dropping \x01 first leaves "=cmd": the guard must look at the cleaned text.
    assert _csv(["h"], [["\x01=cmd|' /C calc'!A0"]])[1] == ["'=cmd|' /C calc'!A0"]
    sheet = _sheet(render_xlsx(["h"], [["\x01=cmd"]], title=None))
    assert sheet["A2"].value == "=cmd" and sheet["A2"].data_type == "s"


def test_xlsx_keeps_formula_like_text_whole_as_a_text_cell_with_a_quote_prefix():
    content = render_xlsx(["=kode"], [['=HYPERLINK("http://x")', "Ani"]], title=None)
    sheet = _sheet(content)
    assert sheet["A1"].value == "=kode" and sheet["A1"].quotePrefix
    assert sheet["A2"].value == '=HYPERLINK("http://x")'
    assert sheet["A2"].data_type == "s" and sheet["A2"].quotePrefix
    assert not sheet["B2"].quotePrefix
    assert "<f>" not in _sheet_xml(content)  # no formula anywhere in the file


def test_control_characters_are_dropped_from_every_text_cell_in_both_formats():
    name = "Ani\x00 Les\x01tari\x1b"
    note = "baris satu\nbaris\tdua"  # newline and tab are text, they stay
    assert _csv(["Na\x02ma"], [[name, note]]) == [["Nama"], ["Ani Lestari", note]]
    sheet = _sheet(render_xlsx(["Na\x02ma"], [[name, note]], title=TITLE))
    assert _table(sheet) == [["Nama", None], ["Ani Lestari", note]]


def test_the_xlsx_title_block_says_what_the_list_is_its_scope_filters_and_wib_time():
    sheet = _sheet(render_xlsx(["NIP"], [["1"]], title=TITLE))
    block = [sheet.cell(row, 1).value for row in range(1, 5)]
    assert block == [
        "Daftar pegawai",
        "Cakupan: Pemerintah Kota Medan beserta unit di bawahnya",
        "Filter: Status: Aktif; Jenis ASN: PNS",
        "Diunduh: 4 Mei 2026, 10.15 WIB",
    ]
    assert sheet["A1"].font.b and sheet["A1"].font.sz == 14
    assert sheet["A5"].value is None and sheet["A6"].value == "NIP"
    assert sheet.title == "Daftar pegawai"


def test_a_list_without_filters_says_so_and_the_block_follows_the_language(compiled_catalogue):
    title = ExportTitle("Unit kerja", "Seluruh unit", made_at=MADE_AT)
    sheet = _sheet(render_xlsx(["Unit"], [], title=title))
    assert sheet["A3"].value == "Filter: tidak ada (semua data dalam cakupan)"
    with translation.override("en"):
        sheet = _sheet(render_xlsx(["Unit"], [], title=title))
    assert [sheet[f"A{n}"].value for n in (3, 4)] == [
        "Filters: none (all data in scope)",
        "Downloaded: 4 May 2026, 10:15 WIB",
    ]


def test_the_header_row_is_bold_frozen_filtered_and_printed_on_every_page():
    rows = [[f"Pegawai {n}", n] for n in range(3)]
    content = render_xlsx(["Nama", "No"], rows, title=TITLE)
    sheet = _sheet(content)
    assert sheet.freeze_panes == "A7"  # everything down to the header row stays in view
    assert all(cell.font.b for cell in sheet[6])
    assert not sheet["A7"].font.b
    assert sheet.auto_filter.ref == "A6:B9"
    assert sheet.print_title_rows == "$6:$6"


def test_a_bare_table_has_its_header_on_row_one():
    sheet = _sheet(render_xlsx(["NIP", "Nama"], [], title=None))
    assert [c.value for c in sheet[1]] == ["NIP", "Nama"]
    assert sheet.freeze_panes == "A2" and sheet.title == "Data"


def test_numbers_and_dates_are_real_cells_with_their_formats():
    rows = [
        [Decimal("236217000"), Decimal("12.5"), dt.date(2026, 3, 2), dt.datetime(2026, 3, 2, 1, 30, tzinfo=dt.UTC)],
        [Decimal("1000.40"), 3, None, None],
    ]  # fmt: skip
    formats = {0: MONEY_FORMAT, 1: JP_FORMAT}
    sheet = _sheet(
        render_xlsx(["Biaya", "JP", "Mulai", "Dikirim"], rows, title=None, number_formats=formats)
    )
    money, jp, day, moment = sheet[2]
    assert (money.value, money.number_format, money.data_type) == (236217000, "#,##0", "n")
    assert (jp.value, jp.number_format) == (12.5, "0.0")
    assert (day.value, day.number_format) == (dt.datetime(2026, 3, 2), "dd/mm/yyyy")
    # Stored in UTC, shown in WIB.
    assert (moment.value, moment.number_format) == (
        dt.datetime(2026, 3, 2, 8, 30),
        "dd/mm/yyyy hh:mm",
    )
    assert sheet["A3"].value == pytest.approx(1000.4) and sheet["B3"].number_format == "0.0"
    assert sheet["C3"].value is None


def test_whole_decimals_are_integers_and_missing_values_are_empty_in_csv():
    rows = _csv(
        ["a", "b", "c", "d", "e"],
        [[Decimal("20.0"), Decimal("2.5"), None, float("nan"), dt.date(2026, 1, 2)]],
    )
    assert rows[1] == ["20", "2.5", "", "", "2026-01-02"]


def test_a_number_excel_cannot_hold_becomes_an_empty_cell():
    sheet = _sheet(render_xlsx(["x", "y"], [[float("inf"), Decimal("NaN")]], title=None))
    assert [sheet["A2"].value, sheet["B2"].value] == [None, None]


def test_text_longer_than_an_excel_cell_is_cut_at_excels_limit():
    sheet = _sheet(render_xlsx(["Catatan"], [["x" * 40_000]], title=None))
    assert len(sheet["A2"].value) == 32_767


def test_column_widths_follow_the_contents_within_bounds():
    rows = [["Dinas Kesehatan Kota Medan", "x" * 200, 1]]
    sheet = _sheet(render_xlsx(["Unit kerja", "Catatan", "No"], rows, title=None))
    widths = [sheet.column_dimensions[c].width for c in "ABC"]
    assert widths == [len("Dinas Kesehatan Kota Medan") + 2, 60, 8]


def test_sheet_names_are_made_valid_and_unique():
    sheets = [Sheet(name, ["h"], []) for name in ("L0/L1: [ringkas]?", "Data", "data", "x" * 40)]
    book = load_workbook(io.BytesIO(render_workbook(sheets)))
    assert book.sheetnames == ["L0L1 ringkas", "Data", "data 2", "x" * 31]


def test_an_unknown_format_is_refused_and_a_download_is_never_cached():
    with pytest.raises(ValueError, match="pdf"):
        table_response("pdf", filename="x", title=None, headers=[], rows=[])
    response = table_response("xlsx", filename="pegawai", title=TITLE, headers=["h"], rows=[])
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Disposition"] == 'attachment; filename="pegawai.xlsx"'


def test_a_file_name_with_quotes_or_non_ascii_letters_stays_one_safe_header():
    response = table_response("csv", filename='kode "é"', title=None, headers=["h"], rows=[])
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; filename*=utf-8''") and '"' not in disposition


class _Filters(forms.Form):
    q = forms.CharField(label="Cari", required=False)
    kind = forms.ChoiceField(
        label="Jenis", required=False, choices=[("", "Semua"), ("pelatihan", "Pelatihan")]
    )
    year = forms.TypedChoiceField(
        label="Tahun",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Semua"), (2026, "2026")],
    )
    active = forms.ChoiceField(
        label="Status", required=False, choices=[("aktif", "Aktif"), ("semua", "Semua")]
    )
    grade = forms.ChoiceField(
        label="Golongan", required=False, choices=[("", "Semua"), ("PNS", [("III/a", "III/a")])]
    )
    unit = forms.ModelChoiceField(label="Unit", required=False, queryset=OrgUnit.objects.all())
    archived = forms.BooleanField(label="Termasuk arsip", required=False)
    since = forms.DateField(label="Sejak", required=False)


@pytest.mark.django_db
def test_form_filters_names_each_filter_in_force_as_the_form_shows_it(world):
    data = {"q": "ani", "kind": "pelatihan", "year": "2026", "grade": "III/a", "unit": world.medan.pk, "archived": "on", "since": "2026-01-31"}  # fmt: skip
    assert form_filters(_Filters(data)) == (
        ("Cari", "ani"),
        ("Jenis", "Pelatihan"),
        ("Tahun", "2026"),
        ("Status", "Aktif"),  # no "all" choice: the first option is in force
        ("Golongan", "III/a"),
        ("Unit", "Pemerintah Kota Medan"),
        ("Termasuk arsip", "Ya"),
        ("Sejak", "31/01/2026"),
    )


@pytest.mark.django_db
def test_form_filters_leaves_out_what_is_blank_and_trusts_no_invalid_form(world):
    assert form_filters(_Filters({"active": "semua"})) == (("Status", "Semua"),)
    assert form_filters(_Filters({"kind": "nope", "q": "ani"})) == ()
    assert form_filters(_Filters()) == ()


def test_a_report_table_formats_its_money_jp_and_percentage_columns():
    table = ReportTable(
        "budget",
        "Anggaran",
        (("Program", TEXT), ("Peserta", COUNT), ("Biaya", MONEY), ("JP", JP), ("Hadir", PCT)),
        [("Prima", 12, Decimal("10500000"), Decimal("32"), 87.5)],
    )
    assert table.number_formats == {2: "#,##0", 3: "0.0", 4: "0.0"}
    content = render_xlsx(
        table.headers, table.export_rows(), title=None, number_formats=table.number_formats
    )
    assert [(c.value, c.number_format) for c in _sheet(content)[2]] == [
        ("Prima", "General"), (12, "General"), (10500000, "#,##0"), (32, "0.0"), (87.5, "0.0"),
    ]  # fmt: skip
