"""The organisation import: realistic files, upsert by code, parents anywhere in the file,
the tree checked as a whole, all or nothing, every error with row, column and reason."""

import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from openpyxl import Workbook

from sieva.audit.models import AuditEvent
from sieva.org.access import Access, user_access
from sieva.org.imports.units import import_units
from sieva.org.models import OrgKind, OrgUnit, Role
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

HEADER = ["KODE", "NAMA", "JENIS", "KODE_INDUK", "POPULASI_LAYANAN", "AKTIF"]


def xlsx(rows: list[list]) -> io.BytesIO:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def excel_csv(rows: list[list[str]]) -> io.BytesIO:
    """What Excel on an Indonesian Windows saves as "CSV": ";" separators, CRLF, cp1252."""
    text = "\r\n".join(";".join(row) for row in rows) + "\r\n"
    return io.BytesIO(text.encode("cp1252"))


def _import(user_or_access, content, name="unit.csv"):
    access = user_or_access if isinstance(user_or_access, Access) else user_access(user_or_access)
    actor = None if isinstance(user_or_access, Access) else user_or_access
    return import_units(content, name, actor=actor, access=access)


def _errors(result):
    return [(e.row, e.column, e.message) for e in result.errors]


def _consistent(units):
    """Each path is its parent's path plus its own id, each depth the path's length."""
    for unit in units:
        parent_path = unit.parent.path if unit.parent else "/"
        assert unit.path == f"{parent_path}{unit.pk}/", unit.code
        assert unit.depth == unit.path.count("/") - 2, unit.code


def test_the_national_admin_imports_a_province_from_an_xlsx_whose_parents_come_later(nadia, world):
    # A plain header row, codes of regions typed as numbers (BPS codes), children listed
    # before their parents, kinds as people write them.
    content = xlsx(
        [
            ["Kode", "Nama", "Jenis", "Kode Induk", "Populasi Layanan", "Aktif"],
            ["BDG-PKM-PUTER", "UPT Puskesmas Puter", "Unit Layanan", "BDG-DINKES", 18500, "YA"],
            ["BDG-PKM-SUKAJADI", "UPT Puskesmas Sukajadi", "unit layanan", "bdg-dinkes", "12.500", ""],
            ["BDG-DINKES", "Dinas Kesehatan Kota Bandung", "Perangkat Daerah", "PEMKOT-BDG", None, None],
            ["BDG-DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil Kota Bandung", "OPD", "PEMKOT-BDG", None, "Y"],
            ["BDG-MPP", "Mal Pelayanan Publik Kota Bandung", "unit_layanan", "PEMKOT-BDG", 250000, "YA"],
            ["PEMKOT-BDG", "Pemerintah Kota Bandung", "Instansi", 3273, None, None],
            [3273, "Kota Bandung", "Kabupaten/Kota", 32, None, None],
            [32, "Jawa Barat", "Provinsi", "ID", None, None],
        ]
    )  # fmt: skip
    result = _import(nadia, content, "struktur-jabar.xlsx")
    assert _errors(result) == []
    assert (result.created, result.updated, result.unchanged) == (8, 0, 0)
    units = {u.code: u for u in OrgUnit.objects.select_related("parent").filter(code__in=[
        "32", "3273", "PEMKOT-BDG", "BDG-DINKES", "BDG-DISDUKCAPIL", "BDG-PKM-PUTER",
        "BDG-PKM-SUKAJADI", "BDG-MPP",
    ])}  # fmt: skip
    assert units["32"].parent == world.national and units["32"].kind == OrgKind.PROVINCE
    assert units["3273"].kind == OrgKind.CITY
    assert units["BDG-PKM-SUKAJADI"].parent == units["BDG-DINKES"]
    assert units["BDG-PKM-SUKAJADI"].service_population == 12_500
    assert units["BDG-PKM-PUTER"].service_population == 18_500
    assert units["BDG-MPP"].parent == units["PEMKOT-BDG"]
    assert units["BDG-PKM-PUTER"].depth == 5
    _consistent(units.values())
    assert not AuditEvent.objects.filter(action="org_unit.create").exists()
    summary = AuditEvent.objects.get(action="org_unit.import")
    assert summary.actor == nadia
    assert {k: v for k, v in summary.changes.items() if k != "created_codes"} == {
        "file": "struktur-jabar.xlsx", "created": 8, "updated": 0, "unchanged": 0
    }  # fmt: skip
    # Parents first: the order in which the units were written.
    assert summary.changes["created_codes"][:3] == ["32", "3273", "PEMKOT-BDG"]
    assert len(summary.changes["created_codes"]) == 8


def test_alice_imports_an_excel_csv_in_cp1252_that_adds_renames_moves_and_deactivates(alice, world):
    EmployeeFactory(unit=world.medan_transport, is_active=False)
    content = excel_csv(
        [
            HEADER,
            ["MDN-PU", "Dinas Pekerjaan Umum – Bina Marga Kota Medan", "Perangkat daerah", "PEMKOT-MDN", "", ""],
            ["MDN-PU-JALAN", "Bidang Jalan dan Jembatan", "Perangkat daerah", "MDN-PU", "", ""],
            ["mdn-dinkes", "Dinas Kesehatan Kota Medan", "Perangkat daerah", "", "", ""],
            ["MDN-PKM-01", "UPT Puskesmas Padang Bulan", "Unit layanan", "MDN-PU", "9.800", "YA"],
            ["MDN-DISHUB", "Dinas Perhubungan Kota Medan", "Perangkat daerah", "", "", "TIDAK"],
        ]
    )  # fmt: skip
    result = _import(alice, content)
    assert _errors(result) == []
    assert (result.created, result.updated, result.unchanged) == (2, 2, 1)
    works = OrgUnit.objects.get(code="MDN-PU")
    assert works.name == "Dinas Pekerjaan Umum – Bina Marga Kota Medan"  # the en dash of cp1252
    puskesmas = OrgUnit.objects.select_related("parent").get(pk=world.medan_puskesmas.pk)
    assert puskesmas.parent == works and puskesmas.name == "UPT Puskesmas Padang Bulan"
    assert puskesmas.service_population == 9_800
    assert not OrgUnit.objects.get(pk=world.medan_transport.pk).active
    _consistent(OrgUnit.objects.select_related("parent").filter(path__startswith=world.medan.path))
    moved = AuditEvent.objects.get(action="org_unit.update", object_id=str(puskesmas.pk))
    assert moved.changes["parent_id"] == [world.medan_health.pk, works.pk]
    assert moved.changes["file"] == "unit.csv"


def test_one_bad_row_and_nothing_is_written_every_problem_named(alice, world):
    EmployeeFactory.create_batch(3, unit=world.medan_health)
    content = excel_csv(
        [
            HEADER,
            ["MDN-BAPPEDA", "Bappeda Kota Medan", "Perangkat daerah", "PEMKOT-MDN", "", ""],
            ["MDN-X", "", "Dinas", "PEMKOT-MDN", "", ""],
            ["MDN-Y", "Unit Y", "Unit layanan", "MDN-TIDAK-ADA", "banyak", ""],
            ["MDN-BAPPEDA", "Bappeda lagi", "Perangkat daerah", "PEMKOT-MDN", "", ""],
            ["PLG-DINKES", "Dinkes Palembang", "Perangkat daerah", "PEMKOT-MDN", "", ""],
            ["MDN-DINKES", "Dinas Kesehatan Kota Medan", "Perangkat daerah", "", "", "TIDAK"],
            ["MDN-DISHUB", "Dinas Perhubungan Kota Medan", "Unit layanan", "", "", ""],
            ["MDN-PKM-02", "Puskesmas Teladan", "Unit layanan", "MDN-PKM-01", "", ""],
            ["MDN-BID", "Bidang", "Perangkat daerah", "MDN-BAPPEDA", "500", ""],
            ["PEMKOT-MDN", "Pemkot Medan Baru", "Instansi", "", "", ""],
        ]
    )  # fmt: skip
    result = _import(alice, content)
    assert _errors(result) == [
        (3, "NAMA", "Nama wajib diisi."),
        (3, "JENIS", "Jenis Dinas tidak dikenal; pilihan: Nasional, Provinsi, Kabupaten/Kota, "
         "Instansi, Perangkat daerah / unit kerja, Unit layanan."),
        (4, "POPULASI_LAYANAN", "Populasi layanan harus bilangan bulat 1 sampai 2.000.000.000, "
         "tertulis banyak."),
        (5, "KODE", "Kode ini sudah ada di baris 2."),
        (6, "KODE", "Kode ini sudah dipakai unit di luar cakupan Anda."),
        (7, "AKTIF", "Masih ada 3 pegawai aktif di Dinas Kesehatan Kota Medan; pindahkan atau "
         "nonaktifkan mereka lebih dahulu."),
        (7, "AKTIF", "Masih ada 1 subunit aktif di bawah Dinas Kesehatan Kota Medan: Puskesmas "
         "Padang Bulan (MDN-PKM-01). Nonaktifkan subunit itu lebih dahulu."),
        (8, "JENIS", "Jenis unit yang sudah ada tidak dapat diubah (tersimpan: Perangkat daerah / "
         "unit kerja); buat unit baru dengan kode lain bila perlu."),
        (9, "JENIS", "Unit layanan tidak dapat berada di bawah Unit layanan; induk yang sesuai: "
         "Instansi, Perangkat daerah / unit kerja."),
        (10, "POPULASI_LAYANAN", "Populasi layanan hanya diisi untuk unit layanan."),
        (11, "KODE", "Unit ini puncak cakupan Anda; perubahannya dilakukan oleh admin yang "
         "cakupannya di atasnya."),
    ]  # fmt: skip
    assert not OrgUnit.objects.filter(code__in=["MDN-BAPPEDA", "MDN-PKM-02", "MDN-BID"]).exists()
    assert OrgUnit.objects.get(pk=world.medan_health.pk).active
    assert not AuditEvent.objects.exists()


def test_a_parent_missing_from_file_and_scope_is_named_once_the_rows_are_clean(alice, world):
    content = excel_csv(
        [HEADER, ["MDN-Y", "Unit Y", "Unit layanan", "MDN-TIDAK-ADA", "", ""]]
    )  # fmt: skip
    assert _errors(_import(alice, content)) == [
        (2, "KODE_INDUK", "Kode induk MDN-TIDAK-ADA tidak ada di berkas ini maupun dalam cakupan Anda.")
    ]  # fmt: skip


def test_a_loop_of_parents_is_refused(alice, world):
    content = excel_csv(
        [
            HEADER,
            ["MDN-A", "Bidang A", "Perangkat daerah", "MDN-B", "", ""],
            ["MDN-B", "Bidang B", "Perangkat daerah", "MDN-A", "", ""],
            ["MDN-DINKES", "Dinas Kesehatan Kota Medan", "Perangkat daerah", "MDN-A", "", ""],
        ]
    )  # fmt: skip
    result = _import(alice, content)
    assert _errors(result) == [
        (2, "KODE_INDUK", "Induk membentuk lingkaran: MDN-A → MDN-B → MDN-A."),
        (3, "KODE_INDUK", "Induk membentuk lingkaran: MDN-B → MDN-A → MDN-B."),
        (4, "KODE_INDUK", "Induk membentuk lingkaran: MDN-DINKES → MDN-A → MDN-B → MDN-A."),
    ]
    assert not OrgUnit.objects.filter(code="MDN-A").exists()


def test_a_unit_moved_under_its_own_subunit_is_a_loop(alice, world):
    content = excel_csv(
        [HEADER, ["MDN-DINKES", "Dinas Kesehatan Kota Medan", "Perangkat daerah", "MDN-PKM-01", "", ""]]
    )  # fmt: skip
    assert _errors(_import(alice, content)) == [
        (2, "KODE_INDUK", "Induk membentuk lingkaran: MDN-DINKES → MDN-PKM-01 → MDN-DINKES.")
    ]


def test_a_deactivated_branch_goes_in_one_file_when_it_is_empty(alice, world):
    content = excel_csv(
        [
            ["KODE", "NAMA", "JENIS", "KODE_INDUK", "AKTIF"],
            ["MDN-PKM-01", "Puskesmas Padang Bulan", "Unit layanan", "", "TIDAK"],
            ["MDN-DINKES", "Dinas Kesehatan Kota Medan", "Perangkat daerah", "", "TIDAK"],
        ]
    )
    result = _import(alice, content)
    assert _errors(result) == []
    assert not OrgUnit.objects.filter(
        pk__in=[world.medan_health.pk, world.medan_puskesmas.pk], active=True
    ).exists()
    # …and an active unit cannot be added under it afterwards.
    again = excel_csv(
        [HEADER, ["MDN-PKM-09", "Puskesmas Baru", "Unit layanan", "MDN-DINKES", "", ""]]
    )
    assert _errors(_import(alice, again)) == [
        (2, "KODE_INDUK", "Induk Dinas Kesehatan Kota Medan tidak aktif; aktifkan induknya lebih dahulu.")
    ]  # fmt: skip


def test_the_unit_list_csv_goes_back_in_unchanged(client, alice, world):
    client.force_login(alice)
    exported = client.get(reverse("org:unit_list"), {"format": "csv"})
    content = io.BytesIO(
        b"".join(exported.streaming_content) if exported.streaming else exported.content
    )
    result = _import(alice, content, "unit-kerja.csv")
    assert _errors(result) == []
    assert (result.created, result.updated, result.unchanged) == (0, 0, 4)
    assert not AuditEvent.objects.filter(action="org_unit.update").exists()


def test_a_file_without_the_required_columns_is_refused_at_the_header(alice, world):
    result = _import(alice, excel_csv([["KODE", "NAMA", "KODE"], ["A", "B", "C"]]))
    assert _errors(result) == [
        (1, "KODE", "Kolom KODE muncul lebih dari sekali."),
        (1, "JENIS", "Kolom wajib JENIS tidak ada pada baris judul."),
        (1, "KODE_INDUK", "Kolom wajib KODE_INDUK tidak ada pada baris judul."),
    ]


def test_an_empty_or_unreadable_file_is_one_error_on_row_zero(alice, world):
    assert _errors(_import(alice, excel_csv([HEADER]))) == [
        (0, "", "Berkas tidak berisi satu baris data pun.")
    ]
    assert _errors(_import(alice, io.BytesIO(b"PK\x03\x04 rusak"), "unit.xlsx")) == [
        (
            0,
            "",
            "Berkas XLSX tidak dapat dibaca: rusak atau bukan berkas Excel .xlsx. Buka di Excel lalu simpan ulang sebagai .xlsx.",
        )
    ]


def test_a_new_national_root_needs_an_admin_of_the_whole_tree(nadia, db):
    content = excel_csv([HEADER, ["ID2", "Indonesia", "Nasional", "", "", ""]])
    assert _errors(_import(nadia, content)) == [
        (2, "JENIS", "Unit Nasional baru hanya dapat dibuat oleh admin seluruh pohon.")
    ]
    whole_tree = Access(0, Role.NATIONAL_ADMIN, "/", None, None)
    assert _import(whole_tree, excel_csv([HEADER, ["ID2", "Indonesia", "Nasional", "", "", ""]])).ok


@pytest.mark.parametrize("persona", ["olga", "lina"])
def test_only_admins_import_units(persona, request, world):
    with pytest.raises(PermissionDenied):
        _import(request.getfixturevalue(persona), excel_csv([HEADER]))


def test_the_command_imports_and_reports_errors(tmp_path, world, capsys):
    good = tmp_path / "unit.csv"
    good.write_bytes(
        excel_csv(
            [HEADER, ["MDN-BAPPEDA", "Bappeda Kota Medan", "OPD", "PEMKOT-MDN", "", ""]]
        ).getvalue()
    )
    call_command("import_org", str(good), "--scope-unit", "PEMKOT-MDN")
    assert "Selesai: 1 unit baru, 0 diperbarui, 0 tidak berubah." in capsys.readouterr().out
    bad = tmp_path / "salah.csv"
    bad.write_bytes(excel_csv([HEADER, ["PLG-X", "X", "OPD", "PEMKOT-PLG", "", ""]]).getvalue())
    report = tmp_path / "galat.csv"
    with pytest.raises(CommandError) as exc:
        call_command(
            "import_org", str(bad), "--scope-unit", "PEMKOT-MDN", "--errors-csv", str(report)
        )
    assert exc.value.returncode == 1
    assert "baris 2\tKODE_INDUK\tKode induk PEMKOT-PLG tidak ada" in capsys.readouterr().err
    assert "PEMKOT-PLG" in report.read_bytes().decode("utf-8-sig")


def test_one_file_moves_a_puskesmas_out_of_a_dinas_it_closes(alice, world):
    content = excel_csv(
        [
            ["KODE", "NAMA", "JENIS", "KODE_INDUK", "AKTIF"],
            ["MDN-DINKES", "Dinas Kesehatan Kota Medan", "Perangkat daerah", "", "TIDAK"],
            ["MDN-PKM-01", "Puskesmas Padang Bulan", "Unit layanan", "MDN-DISHUB", "YA"],
        ]
    )
    assert _errors(_import(alice, content)) == []
    puskesmas = OrgUnit.objects.get(pk=world.medan_puskesmas.pk)
    assert puskesmas.active and puskesmas.is_within(world.medan_transport)
    assert not OrgUnit.objects.get(pk=world.medan_health.pk).active
