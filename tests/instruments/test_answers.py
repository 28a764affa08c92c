"""check_answers: every kind of error, keyed by item code, honouring display conditions."""

import datetime as dt
from decimal import Decimal

import pytest

from sieva.instruments.answers import check_answers
from sieva.instruments.selectors import spec_for_version
from tests.instruments.conftest import VALID_ANSWERS


@pytest.fixture
def spec(medan_instrument):
    return spec_for_version(medan_instrument.versions.get())


def test_it_accepts_valid_answers_and_types_them(spec):
    answers = {
        **VALID_ANSWERS,
        "topik": ["b", "a"],
        "tgl": "2026-03-02",
        "nilai": {"materi": "3", "waktu": 4},
    }
    check = check_answers(spec, answers)
    assert check.errors == {}
    assert check.cleaned["puas"] == 4
    assert check.cleaned["umur"] == Decimal("30")
    assert check.cleaned["topik"] == ["a", "b"]
    assert check.cleaned["tgl"] == dt.date(2026, 3, 2)
    assert check.cleaned["nilai"] == {"materi": "3", "waktu": "4"}


def test_it_reports_a_missing_required_answer(spec):
    check = check_answers(spec, {"moda": "kelas", "umur": "30"})
    assert check.errors == {"puas": "Wajib diisi."}


def test_it_reports_a_likert_answer_out_of_range(spec):
    check = check_answers(spec, {**VALID_ANSWERS, "puas": "6", "bosan": "0"})
    assert check.errors == {
        "puas": "Nilai harus antara 1 dan 5.",
        "bosan": "Nilai harus antara 1 dan 4.",
    }


def test_it_reports_a_number_outside_its_bounds(spec):
    assert check_answers(spec, {**VALID_ANSWERS, "umur": "12"}).errors == {
        "umur": "Nilai minimal 18."
    }
    assert check_answers(spec, {**VALID_ANSWERS, "umur": "70"}).errors == {
        "umur": "Nilai maksimal 65."
    }


def test_it_reports_wrong_types(spec):
    check = check_answers(
        spec, {**VALID_ANSWERS, "umur": "tiga puluh", "tgl": "02/03/2026", "puas": "baik"}
    )
    assert check.errors == {
        "umur": "Harus berupa angka.",
        "tgl": "Tanggal tidak valid; gunakan format TTTT-BB-HH.",
        "puas": "Harus berupa angka 1 sampai 5.",
    }


def test_it_reports_unknown_choices_and_matrix_rows(spec):
    check = check_answers(
        spec,
        {**VALID_ANSWERS, "moda": "pos", "topik": ["a", "z"], "nilai": {"materi": "5"}},
    )
    assert check.errors["moda"] == "Pilihan “pos” tidak dikenal."
    assert check.errors["topik"] == "Pilihan “z” tidak dikenal."
    assert check.errors["nilai"] == "Materi: Pilihan “5” tidak dikenal."
    unknown_row = check_answers(spec, {**VALID_ANSWERS, "nilai": {"gaji": "1"}})
    assert unknown_row.errors == {"nilai": "Baris “gaji” tidak dikenal."}


def test_it_reports_an_unknown_item_code(spec):
    check = check_answers(spec, {**VALID_ANSWERS, "hantu": "1"})
    assert check.errors == {"hantu": "Butir tidak dikenal pada instrumen ini."}


def test_a_hidden_section_is_neither_required_nor_kept(spec):
    hidden = check_answers(spec, {**VALID_ANSWERS, "catatan": "tersimpan?"})
    assert hidden.errors == {}
    assert "catatan" not in hidden.cleaned
    shown = check_answers(spec, {**VALID_ANSWERS, "moda": "daring"})
    assert shown.errors == {"koneksi": "Wajib diisi."}


def test_an_open_answer_with_an_invisible_control_character_is_refused(spec):
    answers = {**VALID_ANSWERS, "moda": "daring", "koneksi": "baik", "catatan": "bagus\x01 sekali"}
    check = check_answers(spec, answers)
    assert "karakter kendali tak terlihat (U+0001)" in check.errors["catatan"]
