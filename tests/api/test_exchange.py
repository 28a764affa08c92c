"""Exchange in files: the employee export uploads again unchanged (round trip), and the JP
recap says what the 20 JP report says."""

import csv
import datetime as dt
import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.models import model_to_dict
from django.urls import reverse

from sieva.org.models import Employee
from tests.evaluation.factories import attend
from tests.factories import (
    CohortFactory,
    EmployeeFactory,
    EnrollmentFactory,
    ProgramFactory,
    SessionFactory,
)


def _rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=","))


def _people(world):
    boss = EmployeeFactory(unit=world.medan_health, name="Kepala Dinas")
    EmployeeFactory(unit=world.medan_health, supervisor=boss, position_name="Analis")
    EmployeeFactory(unit=world.medan_transport, is_active=False, name="Pensiun, S.H.")
    return boss


def test_the_employee_export_imports_back_without_changing_anything(api_as, alice, world):
    _people(world)
    before = {e.nip: model_to_dict(e) for e in Employee.objects.all()}
    exported = api_as(alice).get("/api/v1/employees/export/", {"format": "csv"})
    assert exported.status_code == 200
    header = _rows(exported)[0]
    assert header == ["NIP", "NAMA", "JENIS_ASN", "GOLONGAN", "JENIS_JABATAN", "KODE_UNIT",
                      "JENJANG_JABATAN", "NAMA_JABATAN", "PENDIDIKAN", "NIP_ATASAN",
                      "TMT_KONTRAK", "AKTIF"]  # fmt: skip
    upload = SimpleUploadedFile("pegawai.csv", exported.content, content_type="text/csv")
    imported = api_as(alice, "write").upload("/api/v1/employees/import/", file=upload)
    assert imported.status_code == 200, imported.json()
    assert imported.json() == {"created": 0, "updated": 3}
    after = {e.nip: model_to_dict(e) for e in Employee.objects.all()}
    assert after == before


def test_a_bad_import_names_row_and_column_and_writes_nothing(api_as, alice, world):
    content = "NIP,NAMA,JENIS_ASN,GOLONGAN,JENIS_JABATAN,KODE_UNIT\n123,Ani,PNS,III/a,pelaksana,MDN-DINKES\n"
    response = api_as(alice, "write").upload(
        "/api/v1/employees/import/", file=SimpleUploadedFile("p.csv", content.encode())
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "file.2.NIP"
    assert not Employee.objects.exists()


def test_the_jp_recap_has_one_row_per_employee_with_the_reports_jp(api_as, client, alice, world):
    program = ProgramFactory(owner=world.medan)
    cohort = CohortFactory(program=program, start_date=dt.date(2026, 3, 2))
    sessions = [SessionFactory(cohort=cohort, jp=Decimal(jp)) for jp in ("12", "8.5")]
    busy = EmployeeFactory(unit=world.medan_health, asn_kind="PNS", name="Rajin")
    EmployeeFactory(unit=world.medan_health, asn_kind="PNS", name="Santai")
    attend(EnrollmentFactory(cohort=cohort, employee=busy), *sessions)
    rows = _rows(api_as(alice).get("/api/v1/jp/recap/", {"year": 2026}))
    assert rows[0][:5] == ["NIP", "NAMA", "JENIS_ASN", "KODE_UNIT", "TAHUN"]
    by_name = {row[1]: row for row in rows[1:]}
    # 12 + 8.5 = 20.5 JP >= 20: meets the minimum; the other attended nothing.
    assert by_name["Rajin"][4:] == ["2026", "2026-01-01", "2026-12-31", "20.5", "min 20", "YA"]
    assert by_name["Santai"][7:] == ["0", "min 20", "TIDAK"]
    client.force_login(alice)
    page = client.get(reverse("programs:jp_recap"), {"year": 2026, "format": "csv"})
    assert _rows(page) == rows


def test_a_leader_gets_no_recap(api_as, client, lina, world):
    assert api_as(lina).get("/api/v1/jp/recap/").status_code == 403
    client.force_login(lina)
    assert client.get(reverse("programs:jp_recap"), {"format": "csv"}).status_code == 403
