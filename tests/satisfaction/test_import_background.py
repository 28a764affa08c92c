"""Large SKM files (above SIEVA_SKM_IMPORT_BACKGROUND_ROWS) import as a background job; the
ImmediateBackend runs the task during the upload request, so the status page shows the end."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from openpyxl import Workbook

from sieva.satisfaction.models import (
    SkmAggregate,
    SkmImport,
    SkmImportJob,
    SkmImportStatus,
    SkmResponse,
)
from sieva.satisfaction.services import import_jobs
from sieva.satisfaction.services.rebuild import aggregates_compare
from tests.satisfaction.conftest import HEADER, csv_file, upload_and_import

pytestmark = pytest.mark.django_db

ROWS = [
    ["MDN-PKM-01", "2026-04-02 08:15:00", 4, 3, 4, 4, 3, 4, 4, 3, 4],
    ["MDN-PKM-01", "03/04/2026 09:30", 3, 3, 3, 2, 3, 3, 4, 3, 3],
    ["MDN-PKM-01", "2026-05-01 10:00", 4, 4, 4, 4, 4, 4, 4, 4, 4],
    ["MDN-PKM-01", "2026-05-02 11:00", 2, 2, 2, 2, 2, 2, 2, 2, 2],
]


def _upload(client, user, rows, name="skm-besar.csv"):
    client.force_login(user)
    return upload_and_import(client, csv_file(rows).getvalue(), name)


@override_settings(SIEVA_SKM_IMPORT_BACKGROUND_ROWS=3)
def test_a_big_file_runs_as_a_job_and_ends_with_its_counts_and_aggregates(client, alice, puskesmas):
    response = _upload(client, alice, ROWS)
    job = SkmImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("satisfaction:import_status", args=[job.pk])
    assert (job.status, job.total_rows, job.rows, job.unit_months) == ("selesai", 4, 4, 2)
    assert job.progress == 100 and job.content == b"" and job.owner == alice.role_assignment.scope
    assert SkmResponse.objects.count() == 4 and SkmImport.objects.get().rows == 4
    may = SkmAggregate.objects.get(unit=puskesmas, period="2026-05-01", element="biaya")
    assert (may.count, may.total) == (2, 6)
    assert aggregates_compare() == []
    page = client.get(response["Location"]).content.decode()
    assert 'id="imported-count">4<' in page and "hx-get" not in page


@override_settings(SIEVA_SKM_IMPORT_BACKGROUND_ROWS=3)
def test_a_bad_big_file_stores_nothing_and_offers_the_error_report(client, alice, puskesmas):
    bad = [*ROWS, ["MDN-PKM-01", "2026-04-05 10:00", 4, 4, 5, 4, 4, 4, 4, 4, 4]]
    response = _upload(client, alice, bad)
    job = SkmImportJob.objects.get()
    assert job.status == SkmImportStatus.FAILED and job.error_count == 1
    assert SkmResponse.objects.count() == 0 and SkmAggregate.objects.count() == 0
    assert SkmImport.objects.count() == 0
    page = client.get(response["Location"]).content.decode()
    assert reverse("satisfaction:import_job_errors", args=[job.pk]) in page
    report = client.get(reverse("satisfaction:import_job_errors", args=[job.pk]))
    assert report.status_code == 200
    assert "6,waktu," in report.content.decode().replace("\r\n", "\n")


def test_a_running_job_page_polls_every_two_seconds_without_inline_script(client, alice, puskesmas):
    job = SkmImportJob.objects.create(
        owner=alice.role_assignment.scope, filename="a.csv", status=SkmImportStatus.RUNNING
    )
    client.force_login(alice)
    url = reverse("satisfaction:import_status", args=[job.pk])
    partial = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert 'hx-trigger="every 2s"' in partial and "<script" not in partial
    assert "<html" not in partial


def test_small_files_still_import_inside_the_request(client, alice, puskesmas):
    response = _upload(client, alice, ROWS)
    assert response["Location"] == reverse("satisfaction:overview")
    assert SkmImportJob.objects.count() == 0 and SkmResponse.objects.count() == 4


def test_bob_of_palembang_gets_404_on_medans_job(client, alice, bob, puskesmas):
    job = SkmImportJob.objects.create(
        owner=alice.role_assignment.scope,
        filename="medan.csv",
        status=SkmImportStatus.FAILED,
        errors=[[2, "waktu", "Medan"]],
        error_count=1,
    )
    client.force_login(bob)
    for name in ("satisfaction:import_status", "satisfaction:import_job_errors"):
        assert client.get(reverse(name, args=[job.pk])).status_code == 404, name


@override_settings(SIEVA_SKM_IMPORT_BACKGROUND_ROWS=3, SIEVA_IMPORT_MAX_ROWS=3)
def test_a_job_past_the_row_limit_fails_with_the_readers_message(client, alice, puskesmas):
    _upload(client, alice, ROWS)
    job = SkmImportJob.objects.get()
    assert job.status == SkmImportStatus.FAILED and SkmResponse.objects.count() == 0
    assert job.errors == [["", "", "Berkas berisi lebih dari 3 baris data, batas impor; pecah "
                           "menjadi beberapa berkas."]]  # fmt: skip


def test_an_xlsx_is_counted_through_the_shared_reader(puskesmas):
    book = Workbook()
    for row in [HEADER, *ROWS]:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    upload = SimpleUploadedFile("skm.xlsx", out.getvalue())
    assert import_jobs.count_rows(upload, "skm.xlsx") == 4
    assert upload.read(2) == b"PK"  # rewound for the import
    assert import_jobs.count_rows(SimpleUploadedFile("skm.xlsx", b"PK rusak"), "skm.xlsx") == 0
