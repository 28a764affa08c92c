"""The employee import: every row checked, all or nothing, upsert by NIP inside the scope."""

import csv
import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from sieva.audit.models import AuditEvent
from sieva.org.access import user_access
from sieva.org.imports import error_report_csv, import_employees
from sieva.org.models import Employee, PositionKind
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 1, 15)
HEADER = ["NIP", "NAMA", "JENIS_ASN", "GOLONGAN", "JENIS_JABATAN", "JENJANG_JABATAN"]
HEADER += ["NAMA_JABATAN", "PENDIDIKAN", "KODE_UNIT", "NIP_ATASAN", "TMT_KONTRAK", "AKTIF"]
HEAD = "19700101 199503 1 001"
NURSE = "19900215 201503 2 004"
PPPK = "19880710 2022 21 2 003"


def row(**changes):
    values = {
        "NIP": NURSE,
        "NAMA": "Siti Aminah",
        "JENIS_ASN": "PNS",
        "GOLONGAN": "III/b",
        "JENIS_JABATAN": "Fungsional",
        "JENJANG_JABATAN": "Ahli Pertama",
        "NAMA_JABATAN": "Perawat Ahli Pertama",
        "PENDIDIKAN": "S1",
        "KODE_UNIT": "MDN-PKM-01",
        "NIP_ATASAN": "",
        "TMT_KONTRAK": "",
        "AKTIF": "YA",
    }
    values.update(changes)
    return values


def head_row(**changes):
    values = {
        "NIP": HEAD,
        "NAMA": "Budi Santoso",
        "GOLONGAN": "IV/b",
        "JENIS_JABATAN": "JPT Pratama",
        "JENJANG_JABATAN": "",
        "NAMA_JABATAN": "Kepala Dinas Kesehatan",
        "KODE_UNIT": "MDN-DINKES",
    }
    return row(**{**values, **changes})


def pppk_row(**changes):
    values = {
        "NIP": PPPK,
        "NAMA": "Rina Wati",
        "JENIS_ASN": "PPPK",
        "GOLONGAN": "IX",
        "JENIS_JABATAN": "fungsional_keahlian",
        "JENJANG_JABATAN": "ahli_pertama",
        "TMT_KONTRAK": "01/02/2024",
    }
    return row(**{**values, **changes})


def csv_file(rows, header=HEADER, delimiter=","):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    for values in rows:
        writer.writerow([values.get(column, "") for column in header])
    return io.BytesIO(("\ufeff" + buffer.getvalue()).encode("utf-8"))


def run(user, rows, *, header=HEADER, filename="pegawai.csv", **kwargs):
    return import_employees(
        csv_file(rows, header, **kwargs),
        filename,
        actor=user,
        access=user_access(user),
        today=TODAY,
    )


def problems(result):
    return [(error.row, error.column, error.message) for error in result.errors]


def test_it_creates_employees_with_birth_date_and_gender_from_the_nip(world, alice):
    result = run(alice, [head_row(), row(NIP_ATASAN=HEAD), pppk_row(NIP_ATASAN=HEAD)])
    assert problems(result) == []
    assert (result.created, result.updated) == (3, 0)
    nurse = Employee.objects.get(nip="199002152015032004")
    assert nurse.birth_date == dt.date(1990, 2, 15) and nurse.gender == "P"
    assert nurse.position_kind == PositionKind.FUNCTIONAL_EXPERT
    assert nurse.position_level == "ahli_pertama"
    assert nurse.unit == world.medan_puskesmas
    assert nurse.supervisor.nip == "197001011995031001"
    contract = Employee.objects.get(nip="198807102022212003")
    assert (contract.asn_kind, contract.grade) == ("PPPK", "IX")
    assert contract.contract_start == dt.date(2024, 2, 1)
    event = AuditEvent.objects.get(action="employee.import")
    assert event.actor == alice
    assert event.changes == {"file": "pegawai.csv", "created": 3, "updated": 0}
    assert event.org_path == world.medan.path


def test_it_reads_semicolons_lower_case_headers_and_ignores_extra_columns(world, alice):
    header = [h.lower().replace("_", " ") for h in HEADER] + ["KETERANGAN"]
    values = {h.lower().replace("_", " "): v for h, v in row().items()} | {"KETERANGAN": "x"}
    result = run(alice, [values], header=header, delimiter=";")
    assert problems(result) == []
    assert Employee.objects.get().name == "Siti Aminah"


def test_an_excel_unicode_text_export_in_utf16_with_tabs_imports(world, alice):
    text = csv_file([row(NAMA="Siti Aminah Nasution – Perawat")], delimiter="\t").getvalue()
    content = b"\xff\xfe" + text.decode("utf-8-sig").encode("utf-16-le")
    result = import_employees(
        io.BytesIO(content), "pegawai.csv", actor=alice, access=user_access(alice), today=TODAY
    )
    assert problems(result) == []
    assert result.read_as == "dibaca sebagai UTF-16 LE, pemisah tab"
    assert Employee.objects.get().name == "Siti Aminah Nasution – Perawat"


def test_a_supervisor_may_appear_later_in_the_file(world, alice):
    result = run(alice, [row(NIP_ATASAN=HEAD), head_row()])
    assert result.created == 2
    assert Employee.objects.get(nip="199002152015032004").supervisor.name == "Budi Santoso"


def xlsx_file(rows, header=HEADER):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for values in rows:
        sheet.append([values.get(column, "") for column in header])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def test_it_reads_an_xlsx_workbook_with_date_cells(world, alice):
    rows = [head_row(), pppk_row(TMT_KONTRAK=dt.datetime(2024, 3, 1), NIP_ATASAN=HEAD)]
    result = import_employees(
        xlsx_file(rows), "SIASN.XLSX", actor=alice, access=user_access(alice), today=TODAY
    )
    assert problems(result) == []
    assert Employee.objects.get(nip="198807102022212003").contract_start == dt.date(2024, 3, 1)


def test_an_nip_stored_as_an_excel_number_is_refused(world, alice):
    file_obj = xlsx_file([row(NIP=198503122010011003)])
    result = import_employees(file_obj, "a.xlsx", actor=alice, access=user_access(alice))
    assert problems(result)[0][:2] == (2, "NIP")
    assert "tersimpan sebagai angka" in problems(result)[0][2]


@pytest.mark.parametrize(
    ("changes", "column", "reason"),
    [
        ({"NIP": ""}, "NIP", "Wajib diisi."),
        ({"NIP": "1990021520150320"}, "NIP", "NIP harus 18 digit, tertulis 16 digit."),
        ({"NIP": "19901315 201503 2 004"}, "NIP", "Tanggal lahir pada NIP"),
        ({"NIP": "19900215 200503 2 004"}, "NIP", "sebelum pegawai berusia 18 tahun"),
        ({"NIP": "19900215 201503 5 004"}, "NIP", "Digit jenis kelamin"),
        ({"NAMA": " "}, "NAMA", "Wajib diisi."),
        ({"NAMA": "x" * 201}, "NAMA", "Paling banyak 200 karakter"),
        ({"JENIS_ASN": "Honorer"}, "JENIS_ASN", "Jenis ASN Honorer tidak dikenal"),
        ({"GOLONGAN": "III/f"}, "GOLONGAN", "Golongan PNS III/f tidak dikenal"),
        ({"GOLONGAN": ""}, "GOLONGAN", "Golongan kosong."),
        ({"JENIS_JABATAN": "Struktural"}, "JENIS_JABATAN", "Jenis jabatan Struktural"),
        ({"JENJANG_JABATAN": "Ahli Super"}, "JENJANG_JABATAN", "Jenjang jabatan Ahli Super"),
        ({"JENJANG_JABATAN": ""}, "JENJANG_JABATAN", "Jenjang wajib diisi"),
        (
            {"JENIS_JABATAN": "Fungsional keterampilan", "JENJANG_JABATAN": "Ahli Muda"},
            "JENJANG_JABATAN",
            "tidak sesuai dengan jenis jabatan",
        ),
        ({"JENIS_JABATAN": "Pelaksana"}, "JENJANG_JABATAN", "kosongkan untuk Pelaksana"),
        ({"PENDIDIKAN": "S4"}, "PENDIDIKAN", "Pendidikan S4 tidak dikenal"),
        ({"KODE_UNIT": ""}, "KODE_UNIT", "Wajib diisi."),
        ({"KODE_UNIT": "MDN-NOPE"}, "KODE_UNIT", "tidak ditemukan dalam cakupan Anda"),
        ({"NIP_ATASAN": "123"}, "NIP_ATASAN", "NIP atasan harus 18 angka."),
        ({"NIP_ATASAN": NURSE}, "NIP_ATASAN", "sama dengan NIP pegawai itu sendiri"),
        ({"NIP_ATASAN": "196001011985031001"}, "NIP_ATASAN", "tidak ada di berkas ini"),
        ({"TMT_KONTRAK": "2024-01-01"}, "TMT_KONTRAK", "hanya diisi untuk PPPK"),
        ({"TMT_KONTRAK": "31/02/2024"}, "TMT_KONTRAK", "Tanggal 31/02/2024 tidak valid"),
        ({"AKTIF": "mungkin"}, "AKTIF", "Isi YA atau TIDAK"),
    ],
)
def test_each_bad_cell_is_reported_with_its_row_and_column(world, alice, changes, column, reason):
    result = run(alice, [head_row(), row(**changes)])
    assert [(r, c) for r, c, _ in problems(result)] == [(3, column)]
    assert reason in problems(result)[0][2]
    assert Employee.objects.count() == 0


@pytest.mark.parametrize(
    ("changes", "column", "reason"),
    [
        ({"TMT_KONTRAK": ""}, "TMT_KONTRAK", "TMT kontrak wajib diisi untuk PPPK"),
        ({"TMT_KONTRAK": "2020-01-01"}, "TMT_KONTRAK", "sebelum tahun pengangkatan"),
        ({"GOLONGAN": "III/a"}, "GOLONGAN", "PPPK memakai golongan I sampai XVII"),
    ],
)
def test_pppk_rows_follow_the_pppk_rules(world, alice, changes, column, reason):
    result = run(alice, [pppk_row(**changes)])
    assert [(r, c) for r, c, _ in problems(result)] == [(2, column)]
    assert reason in problems(result)[0][2]


def test_it_collects_every_error_of_every_row(world, alice):
    bad = row(NIP="123", GOLONGAN="zz", KODE_UNIT="NOPE")
    result = run(alice, [bad, head_row(), head_row(NAMA="")])
    assert [(r, c) for r, c, _ in problems(result)] == [
        (2, "NIP"),
        (2, "GOLONGAN"),
        (2, "KODE_UNIT"),
        (4, "NAMA"),
    ]


def test_a_missing_required_column_is_reported_on_the_header_row(world, alice):
    header = [h for h in HEADER if h not in ("GOLONGAN", "KODE_UNIT")]
    result = run(alice, [row()], header=header)
    assert problems(result) == [
        (1, "GOLONGAN", "Kolom wajib GOLONGAN tidak ada pada baris judul."),
        (1, "KODE_UNIT", "Kolom wajib KODE_UNIT tidak ada pada baris judul."),
    ]


def test_one_bad_row_writes_nothing_at_all(world, alice):
    existing = EmployeeFactory(nip="197001011995031001", name="Lama", unit=world.medan_health)
    result = run(alice, [head_row(), row(), row(NIP="19900101 201503 1 001", GOLONGAN="V/a")])
    assert result.created == result.updated == 0
    assert [r for r, _, _ in problems(result)] == [4]
    assert list(Employee.objects.values_list("nip", flat=True)) == [existing.nip]
    existing.refresh_from_db()
    assert existing.name == "Lama"
    assert not AuditEvent.objects.filter(action="employee.import").exists()


def test_a_second_import_updates_by_nip_without_duplicates(world, alice):
    run(alice, [head_row(), row(NIP_ATASAN=HEAD)])
    first_ids = dict(Employee.objects.values_list("nip", "id"))
    result = run(alice, [head_row(), row(NAMA="Siti Aminah, S.Kep.", GOLONGAN="3c", AKTIF="tidak")])
    assert (result.created, result.updated) == (0, 2)
    assert dict(Employee.objects.values_list("nip", "id")) == first_ids
    nurse = Employee.objects.get(nip="199002152015032004")
    assert (nurse.name, nurse.grade, nurse.is_active) == ("Siti Aminah, S.Kep.", "III/c", False)
    assert nurse.supervisor is None  # an empty NIP_ATASAN cell clears the link


def test_a_column_left_out_of_the_file_keeps_the_stored_values(world, alice):
    run(alice, [head_row(), row(NIP_ATASAN=HEAD, PENDIDIKAN="S2")])
    header = [h for h in HEADER if h not in ("NIP_ATASAN", "PENDIDIKAN")]
    result = run(alice, [row(NAMA="Siti A.")], header=header)
    assert (result.created, result.updated) == (0, 1)
    nurse = Employee.objects.get(nip="199002152015032004")
    assert (nurse.name, nurse.education, nurse.supervisor.nip) == (
        "Siti A.",
        "S2",
        HEAD.replace(" ", ""),
    )


def test_a_supervisor_already_stored_is_linked(world, alice):
    EmployeeFactory(nip="197001011995031001", unit=world.medan_health)
    assert run(alice, [row(NIP_ATASAN=HEAD)]).created == 1
    assert Employee.objects.get(nip="199002152015032004").supervisor.nip == "197001011995031001"


def test_the_same_nip_twice_in_a_file_is_an_error(world, alice):
    result = run(alice, [row(), head_row(), row(NAMA="Siti Lagi")])
    assert problems(result) == [(4, "NIP", "NIP ini sudah ada di baris 2.")]


def test_a_unit_outside_the_scope_reads_as_unknown(world, alice):
    result = run(alice, [row(KODE_UNIT="PLG-DINKES")])
    assert problems(result) == [
        (2, "KODE_UNIT", "Kode unit PLG-DINKES tidak ditemukan dalam cakupan Anda.")
    ]


def test_an_employee_stored_outside_the_scope_is_not_overwritten_nor_located(world, alice, bob):
    EmployeeFactory(nip="199002152015032004", name="Pegawai Palembang", unit=world.palembang_health)
    result = run(alice, [row()])
    # The words of the employee form for any NIP already taken, in scope or not: neither
    # where nor who (decision 0066).
    assert problems(result) == [
        (2, "NIP", "NIP 199002152015032004 sudah terdaftar untuk pegawai lain.")
    ]
    assert Employee.objects.get().name == "Pegawai Palembang"


def test_a_supervisor_outside_the_scope_is_not_found(world, alice):
    EmployeeFactory(nip="197001011995031001", unit=world.palembang_health)
    result = run(alice, [row(NIP_ATASAN=HEAD)])
    assert [(r, c) for r, c, _ in problems(result)] == [(2, "NIP_ATASAN")]


def test_a_national_admin_imports_anywhere(world, nadia):
    result = run(nadia, [row(KODE_UNIT="PLG-DINKES"), head_row()])
    assert result.created == 2


def test_a_role_that_may_not_edit_people_is_refused(world, olga):
    with pytest.raises(PermissionDenied):
        run(olga, [row()])


@pytest.mark.parametrize(
    ("content", "filename", "reason"),
    [
        (b"NIP,NAMA\n", "pegawai.pdf", "Format berkas tidak didukung"),
        (b"", "pegawai.csv", "Berkas kosong"),
        (b"not a zip", "pegawai.xlsx", "Berkas XLSX tidak dapat dibaca"),
        (",".join(HEADER).encode(), "pegawai.csv", "tidak berisi satu baris data pun"),
    ],
)
def test_an_unreadable_file_is_one_error_for_the_whole_file(
    world, alice, content, filename, reason
):
    result = import_employees(io.BytesIO(content), filename, actor=alice, access=user_access(alice))
    assert len(result.errors) == 1 and result.errors[0].row == 0
    assert reason in result.errors[0].message


def test_blank_rows_are_skipped_but_keep_the_row_numbers(world, alice):
    result = run(alice, [head_row(), {}, row(GOLONGAN="??")])
    assert [(r, c) for r, c, _ in problems(result)] == [(4, "GOLONGAN")]


def test_a_windows_1252_csv_is_read(world, alice):
    text = ",".join(HEADER) + "\n" + ",".join(row(NAMA="José Ñúñez").values()) + "\n"
    file_obj = io.BytesIO(text.encode("cp1252"))
    result = import_employees(
        file_obj, "p.csv", actor=alice, access=user_access(alice), today=TODAY
    )
    assert problems(result) == []
    assert Employee.objects.get().name == "José Ñúñez"


def test_the_error_report_is_a_csv_of_row_column_and_reason(world, alice):
    result = run(alice, [row(KODE_UNIT="NOPE")])
    lines = error_report_csv(result.errors).decode("utf-8-sig").splitlines()
    assert lines[0] == "Baris,Kolom,Masalah"
    assert lines[1] == "2,KODE_UNIT,Kode unit NOPE tidak ditemukan dalam cakupan Anda."


def test_the_command_imports_a_file_and_prints_the_counts(world, tmp_path, capsys):
    path = tmp_path / "pegawai.csv"
    path.write_bytes(csv_file([head_row(), row(NIP_ATASAN=HEAD)]).getvalue())
    call_command("import_employees", str(path), "--scope-unit", "PEMKOT-MDN")
    assert "2 pegawai baru, 0 diperbarui" in capsys.readouterr().out
    assert Employee.objects.count() == 2


def test_the_command_exits_with_1_and_lists_the_errors(world, tmp_path, capsys):
    path = tmp_path / "pegawai.csv"
    path.write_bytes(csv_file([row()]).getvalue())
    report = tmp_path / "kesalahan.csv"
    with pytest.raises(CommandError) as caught:
        call_command(
            "import_employees", str(path), "--scope-unit", "PEMKOT-PLG", "--errors-csv", str(report)
        )
    assert caught.value.returncode == 1
    assert "baris 2\tKODE_UNIT" in capsys.readouterr().err
    assert "KODE_UNIT" in report.read_text(encoding="utf-8-sig")
    assert Employee.objects.count() == 0


def test_the_command_acts_for_a_named_user(world, alice, tmp_path):
    path = tmp_path / "pegawai.csv"
    path.write_bytes(csv_file([head_row()]).getvalue())
    call_command("import_employees", str(path), "--user", "alice")
    assert AuditEvent.objects.get(action="employee.import").actor == alice
    with pytest.raises(CommandError, match="Pengguna nobody"):
        call_command("import_employees", str(path), "--user", "nobody")


def test_an_active_employee_cannot_be_placed_in_an_inactive_unit(world, alice):
    world.medan_puskesmas.active = False
    world.medan_puskesmas.save()
    result = run(alice, [row(), head_row(), pppk_row(AKTIF="TIDAK")])
    assert problems(result) == [
        (
            2,
            "KODE_UNIT",
            "Unit MDN-PKM-01 tidak aktif; pegawai aktif harus berada di unit yang aktif "
            "(AKTIF = TIDAK untuk pegawai yang tidak lagi bekerja).",
        )
    ]
    assert problems(run(alice, [row(AKTIF="TIDAK"), head_row()])) == []
