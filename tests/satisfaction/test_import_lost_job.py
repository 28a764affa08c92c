"""The page of an SKM import whose worker died: it notices the dead lease, says nothing was
stored, and offers a retry with the file chosen again — to the uploader's scope only, audited."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from sieva.audit.models import AuditEvent
from sieva.core.models import JobLease
from sieva.satisfaction.models import SkmImportJob, SkmImportStatus, SkmResponse
from tests.satisfaction.conftest import csv_file
from tests.satisfaction.test_import_background import ROWS

pytestmark = pytest.mark.django_db


@pytest.fixture
def dead_job(alice, puskesmas):
    """A job a worker took 10 minutes ago and stopped renewing (killed)."""
    job = SkmImportJob.objects.create(
        owner=alice.role_assignment.scope,
        actor=alice,
        filename="skm-besar.csv",
        content=csv_file(ROWS).getvalue(),
        status=SkmImportStatus.RUNNING,
        total_rows=len(ROWS),
    )
    long_ago = timezone.now() - dt.timedelta(minutes=10)
    JobLease.objects.create(
        kind="skm.import",
        key=str(job.pk),
        worker="host:1",
        started_at=long_ago,
        heartbeat_at=long_ago,
    )
    return job


def _retry(client, job, content):
    upload = SimpleUploadedFile("skm-besar.csv", content, content_type="text/csv")
    return client.post(reverse("satisfaction:import_retry", args=[job.pk]), {"file": upload})


def test_the_status_page_ends_a_dead_job_drops_its_upload_and_offers_a_retry(
    client, alice, dead_job
):
    client.force_login(alice)
    page = client.get(reverse("satisfaction:import_status", args=[dead_job.pk])).content.decode()
    dead_job.refresh_from_db()
    assert dead_job.status == SkmImportStatus.FAILED and dead_job.content == b""
    assert 'id="import-lost"' in page and "Tidak ada yang disimpan" in page
    assert reverse("satisfaction:import_retry", args=[dead_job.pk]) in page
    assert "hx-get" not in page  # the page stops polling

    response = _retry(client, dead_job, csv_file(ROWS).getvalue())
    assert response.status_code == 302
    dead_job.refresh_from_db()
    assert (dead_job.status, dead_job.rows, dead_job.content) == ("selesai", 4, b"")
    assert SkmResponse.objects.count() == 4
    assert AuditEvent.objects.filter(
        action="skm.import_retried", object_id=str(dead_job.pk)
    ).exists()
    assert not JobLease.objects.exists()


def test_a_job_that_was_refused_for_its_rows_has_no_retry(client, alice, puskesmas):
    job = SkmImportJob.objects.create(
        owner=alice.role_assignment.scope,
        actor=alice,
        filename="a.csv",
        status=SkmImportStatus.FAILED,
    )
    client.force_login(alice)
    page = client.get(reverse("satisfaction:import_status", args=[job.pk])).content.decode()
    assert reverse("satisfaction:import_retry", args=[job.pk]) not in page
    assert _retry(client, job, csv_file(ROWS).getvalue()).status_code == 403


def test_another_instansi_neither_sees_nor_retries_the_dead_job(client, bob, dead_job):
    client.force_login(bob)
    assert client.get(reverse("satisfaction:import_status", args=[dead_job.pk])).status_code == 404
    assert _retry(client, dead_job, csv_file(ROWS).getvalue()).status_code == 404
    assert SkmResponse.objects.count() == 0
