"""Unbounded uploads are bounded: the request body, each importer's size and rows, and the
problems kept ("… dan N masalah lain"). The crafted files are built by the test."""

import io
import zipfile

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from sieva.org.models import Employee
from tests.core.workbooks import sheet, workbook
from tests.org.test_employee_import_page import HEADER

pytestmark = pytest.mark.django_db
IMPORT = reverse("org:employee_import")


@pytest.fixture(autouse=True)
def _mid_2026():
    with time_machine.travel("2026-06-15 10:00 +0700", tick=False):
        yield


def _post(client, name, content):
    return client.post(IMPORT, {"file": SimpleUploadedFile(name, content)})


def million_row_workbook() -> bytes:
    """Under a megabyte zipped, a million rows unpacked: the file that took 30 s and 1.4 GB."""
    header = '<row r="1"><c r="A1" t="inlineStr"><is><t>NIP</t></is></c></row>'
    # Positions implied, as Excel allows; varied values, so it is not refused as a zip bomb.
    rows = "".join(f"<row><c><v>{n % 1000}</v></c></row>" for n in range(1_000_000))
    return workbook(sheet(header + rows))


def test_a_million_row_workbook_is_refused_at_once_with_the_employee_limit(client, alice, world):
    content = million_row_workbook()
    assert len(content) < 1_000_000
    client.force_login(alice)
    page = _post(client, "pegawai.xlsx", content).content.decode()
    assert "200.000 baris data" in page  # the employee import's own bound, not the general one
    assert not Employee.objects.exists()


@override_settings(SIEVA_IMPORT_PROBLEMS_KEPT=50)
def test_problems_past_the_kept_ones_are_counted_not_listed(client, alice, world):
    bad = ["12345", "Nama", "PNS", "III/a", "pelaksana", "MDN-DINKES"]  # an impossible NIP
    rows = [";".join(HEADER)] + [";".join(bad)] * 300
    client.force_login(alice)
    response = _post(client, "pegawai.csv", "\n".join(rows).encode())
    page = response.content.decode()
    assert "Berkas belum diimpor: 300 masalah" in page
    assert "… dan 250 masalah lain." in page  # 50 kept and shown, 250 counted
    assert page.count('<tr><td class="num">') == 50


@override_settings(SIEVA_IMPORT_LIMITS={"employees": {"max_bytes": 1_000_000}})
def test_a_file_past_the_importer_s_size_is_refused_with_both_sizes(client, alice, world):
    rows = [";".join(HEADER)] + ["x;" * 5] * 200_000
    client.force_login(alice)
    page = _post(client, "pegawai.csv", "\n".join(rows).encode()).content.decode()
    assert "Berkas berukuran 2,2 MB, melebihi batas impor 1 MB." in page


@override_settings(SIEVA_UPLOAD_MAX_BYTES=100_000)
def test_a_request_body_past_the_upload_cap_is_a_bad_request(client, alice, world):
    client.force_login(alice)
    assert _post(client, "pegawai.csv", b"x" * 200_000).status_code == 400
    assert not Employee.objects.exists()


def test_the_crafted_workbook_really_holds_a_million_rows():
    with zipfile.ZipFile(io.BytesIO(million_row_workbook())) as book:
        assert book.read("xl/worksheets/sheet1.xml").count(b"<row") == 1_000_001
