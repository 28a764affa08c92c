import io

import pytest
from openpyxl import Workbook

from sieva.org.access import user_access
from sieva.satisfaction.models import SkmAggregate, SkmImport, SkmResponse
from sieva.satisfaction.services.imports import import_skm
from sieva.satisfaction.services.rebuild import aggregates_compare
from tests.satisfaction.conftest import HEADER, csv_file

pytestmark = pytest.mark.django_db

GOOD = [
    ["MDN-PKM-01", "2026-04-02 08:15:00", 4, 3, 4, 4, 3, 4, 4, 3, 4],
    ["MDN-PKM-01", "03/04/2026 09:30", 3, 3, 3, 2, 3, 3, 4, 3, 3],
    ["mdn-pkm-01", "2026-05-01", 4, 4, 4, 4, 4, 4, 4, 4, 4],
]


def _import(user, rows, header=HEADER, name="skm.csv", columns=None, **kwargs):
    return import_skm(
        csv_file(rows, header, **kwargs),
        name,
        actor=user,
        access=user_access(user),
        columns=columns,
    )


def test_a_clean_file_is_stored_and_folded_into_monthly_aggregates(alice, puskesmas):
    result = _import(alice, GOOD)
    assert result.ok, result.errors
    assert (result.rows, result.unit_months) == (3, 2)
    assert SkmResponse.objects.filter(source="import").count() == 3
    april = SkmAggregate.objects.get(unit=puskesmas, period="2026-04-01", element="biaya")
    assert (april.count, april.total, april.total_sq, april.n2, april.n4) == (2, 6, 20, 1, 1)
    assert aggregates_compare() == []
    assert SkmImport.objects.get().rows == 3


def test_times_are_read_as_wib_and_stored_in_utc(alice, puskesmas):
    _import(alice, GOOD[:1])
    stored = SkmResponse.objects.get()
    assert stored.submitted_at.isoformat() == "2026-04-02T01:15:00+00:00"


def test_an_answer_of_5_is_refused_with_its_row_and_column_and_nothing_is_written(alice, puskesmas):
    rows = [*GOOD, ["MDN-PKM-01", "2026-04-05 10:00", 4, 4, 5, 4, 4, 4, 4, 4, 4]]
    result = _import(alice, rows)
    assert not result.ok
    [error] = result.errors
    assert (error.row, error.column) == (5, "waktu")
    assert "Jawaban 5 tidak sah" in error.message and "4 Sangat cepat" in error.message
    assert SkmResponse.objects.count() == 0 and SkmAggregate.objects.count() == 0
    assert SkmImport.objects.count() == 0


def test_every_problem_in_the_file_is_listed_at_once(alice, puskesmas, palembang_puskesmas):
    rows = [
        ["MDN-PKM-99", "2026-04-02 08:00", 4, 4, 4, 4, 4, 4, 4, 4, 4],
        ["PLG-PKM-01", "2026-04-02 08:00", 4, 4, 4, 4, 4, 4, 4, 4, 4],
        ["MDN-PKM-01", "31/02/2026", 4, 4, 4, 4, 4, 4, 4, 4, 4],
        ["MDN-PKM-01", "2026-08-01", 4, 4, 4, 4, 4, 4, 4, 4, 4],
        ["MDN-PKM-01", "2026-04-02 08:00", "", "", "", "", "", "", "", "", ""],
        ["MDN-PKM-01", "2026-04-02 08:00", "x", 4, 4, 4, 4, 4, 4, 4, 0],
    ]
    result = _import(alice, rows)
    found = {(e.row, e.column) for e in result.errors}
    assert found == {
        (2, "kode_unit"),
        (3, "kode_unit"),  # Palembang is outside alice's scope: same as unknown
        (4, "tanggal"),
        (5, "tanggal"),
        (6, "persyaratan"),
        (7, "persyaratan"),
        (7, "sarana"),
    }
    messages = {(e.row, e.column): e.message for e in result.errors}
    assert "masa depan" in messages[(5, "tanggal")]
    assert "tidak dikenal" in messages[(2, "kode_unit")]
    assert SkmResponse.objects.count() == 0


def test_duplicate_rows_are_refused(alice, puskesmas):
    result = _import(alice, [GOOD[0], GOOD[1], GOOD[0]])
    [error] = result.errors
    assert error.row == 4 and "baris 2" in error.message
    with_ids = [["A1", *GOOD[0]], ["A2", *GOOD[1]], ["A1", *GOOD[2]]]
    result = _import(alice, with_ids, header=["id_respon", *HEADER])
    [error] = result.errors
    assert (error.row, error.column) == (4, "id_respon")


def test_the_same_file_is_not_counted_twice(alice, puskesmas):
    assert _import(alice, GOOD).ok
    again = _import(alice, GOOD, name="salinan.csv")
    assert not again.ok and "sudah diimpor" in again.errors[0].message
    assert SkmResponse.objects.count() == 3


def test_bare_u8_and_u9_are_refused_until_the_user_names_their_elements(alice, puskesmas):
    header = ["kode_unit", "tanggal", *[f"U{i}" for i in range(1, 10)]]
    result = _import(alice, GOOD, header=header)
    assert [(e.row, e.column) for e in result.errors] == [(1, "U8"), (1, "U9")]
    assert "pengaduan" in result.errors[0].message and "sarana" in result.errors[0].message
    assert SkmResponse.objects.count() == 0
    # The file's U8 holds sarana (the questionnaire's 8th question); U1–U7 are unambiguous.
    confirmed = _import(alice, GOOD, header=header, columns={"U8": "sarana", "U9": "pengaduan"})
    assert confirmed.ok, confirmed.errors
    first = SkmResponse.objects.get(period="2026-04-01", persyaratan=4)
    assert (first.sarana, first.pengaduan, first.perilaku) == (3, 4, 4)


def test_semicolon_csv_with_profile_columns_and_an_xlsx_file_both_import(alice, puskesmas):
    header = [*HEADER, "jenis_kelamin", "usia", "pendidikan", "pekerjaan", "layanan"]
    rows = [[*GOOD[0], "Perempuan", "34", "S1", "Wiraswasta", "Imunisasi"]]
    assert _import(alice, rows, header=header, delimiter=";").ok
    stored = SkmResponse.objects.get()
    assert (stored.gender, stored.age_band, stored.education, stored.occupation) == (
        "P",
        "30-39",
        "D4-S1",
        "wirausaha",
    )
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(["MDN-PKM-01", "2026-04-09 11:00", 1, 2, 3, 4, 1, 2, 3, 4, 1])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    result = import_skm(buffer, "skm.xlsx", actor=alice, access=user_access(alice))
    assert result.ok, result.errors
    assert SkmResponse.objects.count() == 2
    assert aggregates_compare() == []


def test_a_leader_may_not_import(lina, puskesmas):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        _import(lina, GOOD)


def test_an_excel_unicode_text_export_imports(alice, puskesmas):
    text = "\r\n".join("\t".join(str(c) for c in row) for row in [HEADER, *GOOD]) + "\r\n"
    content = io.BytesIO(b"\xff\xfe" + text.encode("utf-16-le"))
    result = import_skm(content, "skm.csv", actor=alice, access=user_access(alice))
    assert result.ok, result.errors
    assert result.read_as == "dibaca sebagai UTF-16 LE, pemisah tab"
    assert SkmResponse.objects.count() == 3


def test_a_file_past_the_row_limit_stores_nothing(settings, alice, puskesmas):
    settings.SIEVA_IMPORT_MAX_ROWS = 2
    result = _import(alice, GOOD)
    assert [(e.row, e.message) for e in result.errors] == [
        (0, "Berkas berisi lebih dari 2 baris data, batas impor; pecah menjadi beberapa berkas.")
    ]
    assert SkmResponse.objects.count() == 0 and SkmAggregate.objects.count() == 0
    assert SkmImport.objects.count() == 0
