"""A response import whose worker died: its page ends it as failed (nothing stored, the file
dropped) and retries it on the same file chosen again, never on another one."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from sieva.audit.models import AuditEvent
from sieva.core.models import JobLease
from sieva.instruments.imports.services import import_start
from sieva.instruments.models import Response
from sieva.instruments.models.imports import ImportStatus, ResponseImport
from tests.instruments.campaign_setup import make_campaign, medan_setting
from tests.instruments.import_files import GOOGLE_HEADER, csv_bytes, google_row

__all__ = ["medan_setting"]
pytestmark = pytest.mark.django_db


@pytest.fixture
def content(medan_setting):
    return csv_bytes(GOOGLE_HEADER, [google_row(p.nip) for p in medan_setting.participants[:3]])


@pytest.fixture
def dead_job(medan_setting, olga, content):
    job = import_start(
        actor=olga, campaign=make_campaign(medan_setting), filename="jawaban.csv", content=content
    )
    ResponseImport.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING)
    long_ago = timezone.now() - dt.timedelta(minutes=10)
    JobLease.objects.create(
        kind="instruments.response_import",
        key=str(job.pk),
        worker="host:1",
        started_at=long_ago,
        heartbeat_at=long_ago,
    )
    return job


def _retry(client, job, content):
    upload = SimpleUploadedFile("jawaban.csv", content, content_type="text/csv")
    return client.post(
        reverse("instruments:response_import_retry", args=[job.pk]), {"file": upload}
    )


def test_a_dead_import_is_ended_and_retried_on_the_same_file_only(client, olga, dead_job, content):
    client.force_login(olga)
    page = client.get(reverse("instruments:response_import_status", args=[dead_job.pk]))
    dead_job.refresh_from_db()
    assert dead_job.status == ImportStatus.FAILED and dead_job.content == b""
    assert 'id="import-lost"' in page.content.decode()
    assert Response.objects.count() == 0

    other = _retry(client, dead_job, content + b"\n")
    assert other.status_code == 400
    assert "Berkas berbeda dari jawaban.csv yang diunggah semula." in other.content.decode()

    assert _retry(client, dead_job, content).status_code == 302
    dead_job.refresh_from_db()
    assert (dead_job.status, dead_job.imported) == (ImportStatus.DONE, 3)
    assert Response.objects.count() == 3
    assert AuditEvent.objects.filter(action="campaign.response_import_retried").count() == 1


def test_another_instansi_cannot_retry_the_dead_import(client, bob, dead_job, content):
    client.force_login(bob)
    assert _retry(client, dead_job, content).status_code == 404
    assert Response.objects.count() == 0
