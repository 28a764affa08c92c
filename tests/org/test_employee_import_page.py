"""The employee import page: upload, counts, the table of problems and its CSV report."""

import io

import pytest
import time_machine
from django.urls import reverse
from openpyxl import Workbook

from sieva.org.imports import columns
from sieva.org.models import Employee
from tests.evaluation.helpers import csv_rows, xlsx_rows
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

LIST = reverse("org:employee_list")
IMPORT = reverse("org:employee_import")
ANI_NIP = "198503122010011003"


@pytest.fixture(autouse=True)
def _mid_2026():
    with time_machine.travel("2026-06-15 10:00 +0700", tick=False):
        yield


@pytest.fixture
def staff(world):
    return {"ani": EmployeeFactory(name="Ani Lestari", nip=ANI_NIP, unit=world.medan_health)}


def _upload(name, rows):
    if name.endswith(".csv"):
        text = "\n".join(";".join(row) for row in rows)
        content = text.encode("utf-8")
    else:
        workbook = Workbook()
        for row in rows:
            workbook.active.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        content = buffer.getvalue()
    file = io.BytesIO(content)
    file.name = name
    return file


HEADER = ["NIP", "NAMA", "JENIS_ASN", "GOLONGAN", "JENIS_JABATAN", "KODE_UNIT"]


@pytest.mark.parametrize("name", ["pegawai.csv", "pegawai.xlsx"])
def test_alice_imports_a_file_and_sees_the_counts(client, alice, staff, name):
    client.force_login(alice)
    rows = [
        HEADER,
        ["19850312 201001 1 003", "Ani Lestari Putri", "PNS", "III/d", "pelaksana", "MDN-DINKES"],
        ["198001012005012001", "Eko Prasetyo", "PNS", "4a", "pelaksana", "MDN-DISHUB"],
    ]
    response = client.post(IMPORT, {"file": _upload(name, rows)}, follow=True)
    assert response.redirect_chain[-1][0] == LIST
    assert "Impor selesai: 1 pegawai baru, 1 diperbarui." in response.content.decode()
    assert Employee.objects.get(nip=ANI_NIP).grade == "III/d"
    assert Employee.objects.get(nip="198001012005012001").grade == "IV/a"


def test_an_import_with_errors_lists_them_offers_a_report_and_writes_nothing(client, alice, staff):
    client.force_login(alice)
    rows = [
        HEADER,
        ["198001012005012001", "Eko Prasetyo", "PNS", "4a", "pelaksana", "MDN-DISHUB"],
        ["198513122010011003", "Salah Tanggal", "PNS", "III/a", "pelaksana", "PLG-DINKES"],
    ]
    response = client.post(IMPORT, {"file": _upload("pegawai.csv", rows)})
    errors = [(e.row, e.column) for e in response.context["result"].errors]
    assert errors == [(3, "NIP"), (3, "KODE_UNIT")]
    page = response.content.decode()
    assert "Tanggal lahir pada NIP (digit 1-8: 19851312) tidak valid." in page
    assert "Berkas dibaca sebagai UTF-8, pemisah titik koma." in page
    assert reverse("org:employee_import_errors") in page
    assert not Employee.objects.filter(nip="198001012005012001").exists()
    report = csv_rows(client.get(reverse("org:employee_import_errors")))
    assert report[0] == ["Baris", "Kolom", "Masalah"]
    assert [row[:2] for row in report[1:]] == [["3", "NIP"], ["3", "KODE_UNIT"]]


def test_the_error_report_is_404_without_a_failed_import(client, alice):
    client.force_login(alice)
    assert client.get(reverse("org:employee_import_errors")).status_code == 404


def test_an_import_file_must_be_csv_or_xlsx(client, alice):
    client.force_login(alice)
    response = client.post(IMPORT, {"file": _upload("pegawai.txt", [HEADER])})
    assert response.context["form"].errors["file"] == [
        "Unggah berkas CSV atau XLSX (berakhiran .csv atau .xlsx)."
    ]


def test_the_import_template_has_the_documented_columns(client, alice):
    client.force_login(alice)
    url = reverse("org:employee_import_template")
    assert csv_rows(client.get(url, {"format": "csv"})) == [list(columns.ALL)]
    assert xlsx_rows(client.get(url, {"format": "xlsx"})) == [list(columns.ALL)]
    assert url in client.get(IMPORT).content.decode()
