"""Reading export files and turning their cells into answers."""

import datetime as dt

import pytest
from django.utils import timezone

from sieva.core.tables import UnreadableFile
from sieva.instruments.answers import ItemSpec
from sieva.instruments.imports import values
from sieva.instruments.imports.rows import file_rows
from tests.instruments.import_files import csv_bytes, xlsx_bytes

L5 = ItemSpec("puas", "likert5", "Saya puas.")
L4 = ItemSpec("bosan", "likert4", "Saya bosan.")
MODA = ItemSpec("moda", "single", "Moda", choices=(("kelas", "Kelas"), ("daring", "Daring")))
TOPIK = ItemSpec(
    "topik", "multiple", "Topik", choices=(("a", "Materi A"), ("b", "Materi B"), ("c", "C"))
)


@pytest.mark.parametrize(
    ("item", "cell", "expected"),
    [
        (L5, "Sangat setuju", "5"),
        (L5, "sangat  SETUJU", "5"),
        (L5, "Netral", "3"),
        (L4, "Sangat setuju", "4"),  # four points: no neutral, "sangat setuju" is the top
        (L4, "Setuju", "3"),
        (L5, "4 - Setuju", "4"),
        (L5, 4.0, "4"),
        (L5, "6", "6"),  # a number passes through; the range check rejects it later
        (MODA, "Daring", "daring"),
        (MODA, "kelas", "kelas"),
        (MODA, "Hybrid", "Hybrid"),
    ],
)
def test_likert_and_choice_cells_become_values(item, cell, expected):
    assert values.choice(item, cell) == expected


def test_an_unknown_likert_word_is_unreadable_with_the_scale_named():
    got = values.choice(L4, "Lumayan")
    assert isinstance(got, values.Unreadable)
    assert "Lumayan" in got.reason and "1–4" in got.reason


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Materi A, Materi B", ["a", "b"]),
        ("Materi A;C", ["a", "c"]),
        ("a b", ["a", "b"]),
        ("Materi A", ["a"]),
        ("Materi A, Lain", ["a", "Lain"]),
    ],
)
def test_multiple_choice_cells_split_on_commas_semicolons_or_spaces(cell, expected):
    assert values.multiple(TOPIK, cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("5/6/2026", dt.date(2026, 6, 5)),
        ("05-06-2026", dt.date(2026, 6, 5)),
        ("2026-06-05", dt.date(2026, 6, 5)),
        (dt.datetime(2026, 6, 5, 8, 0), dt.date(2026, 6, 5)),
    ],
)
def test_dates_read_day_first_or_iso(cell, expected):
    assert values.date_value(cell) == expected


def test_an_impossible_date_is_unreadable():
    assert isinstance(values.date_value("31/2/2026"), values.Unreadable)


def test_timestamps_without_a_zone_are_wib_and_iso_offsets_are_kept():
    local = values.timestamp("1/6/2026 10:15:30")
    assert local == dt.datetime(2026, 6, 1, 3, 15, 30, tzinfo=dt.UTC)
    assert values.timestamp("2026-06-01T09:05:00.000+07:00") == dt.datetime(
        2026, 6, 1, 2, 5, tzinfo=dt.UTC
    )
    assert values.timestamp("2026-06-01T02:05:00Z") == dt.datetime(2026, 6, 1, 2, 5, tzinfo=dt.UTC)
    assert timezone.is_aware(values.timestamp(dt.datetime(2026, 6, 1, 10, 0)))
    assert isinstance(values.timestamp("kemarin"), values.Unreadable)


def test_per_option_columns_read_y_1_or_the_option_label():
    assert values.ticked("Y", "Materi A") is True
    assert values.ticked("1", "Materi A") is True
    assert values.ticked("Materi A", "Materi A") is True
    assert values.ticked("N", "Materi A") is False
    assert isinstance(values.ticked("mungkin", "Materi A"), values.Unreadable)


def test_csv_with_bom_and_semicolons_is_read():
    read = file_rows(csv_bytes(["NIP", "Umur"], [["1", "30"]], delimiter=";"), "a.csv")
    assert read.header == ["NIP", "Umur"] and read.rows == [(2, ["1", "30"])]
    assert read.read_as == "dibaca sebagai UTF-8 dengan BOM, pemisah titik koma"


def test_commas_inside_quoted_google_headers_do_not_fool_the_delimiter():
    content = b'"Secara umum, saya puas, sungguh";"Umur"\n"Ya, puas";30\n'
    read = file_rows(content, "a.csv")
    assert read.header == ["Secara umum, saya puas, sungguh", "Umur"]
    assert read.rows == [(2, ["Ya, puas", "30"])]


def test_blank_xlsx_rows_are_left_out_and_the_rest_keep_their_numbers():
    read = file_rows(xlsx_bytes(["NIP", "Umur"], [["1", 30], [None, None], ["2", 41]]), "a.xlsx")
    assert read.header == ["NIP", "Umur"]
    assert [(number, cells[1]) for number, cells in read.rows] == [(2, 30), (4, 41)]


@pytest.mark.parametrize(
    ("content", "name", "reason"),
    [
        (b"a,b\n", "a.csv", "tidak berisi satu baris data"),
        (b"", "a.csv", "kosong"),
        (b"PK\x03\x04 rusak", "a.xlsx", "tidak dapat dibaca"),
        (b"x", "a.ods", "tidak didukung"),
    ],
)
def test_unreadable_files_say_why(content, name, reason):
    with pytest.raises(UnreadableFile, match=reason):
        file_rows(content, name)
