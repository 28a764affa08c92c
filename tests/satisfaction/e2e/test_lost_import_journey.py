"""Issue 10's journey: an admin opens the page of an SKM import whose worker died, reads that
nothing was stored, chooses the file again and the import finishes."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from sieva.core.models import JobLease
from sieva.satisfaction.models import SkmImportJob, SkmImportStatus, SkmResponse
from tests.e2e.conftest import login
from tests.factories import PASSWORD
from tests.satisfaction.conftest import csv_file
from tests.satisfaction.test_import_background import ROWS

pytestmark = pytest.mark.e2e
__all__ = ["login"]


def test_an_admin_retries_an_import_whose_worker_died(
    page: Page, live_server, login, alice, world, tmp_path
):
    content = csv_file(ROWS).getvalue()
    job = SkmImportJob.objects.create(
        owner=alice.role_assignment.scope,
        actor=alice,
        filename="skm-besar.csv",
        content=content,
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
    upload = tmp_path / "skm-besar.csv"
    upload.write_bytes(content)
    login("alice", PASSWORD)

    page.goto(f"{live_server.url}/skm/impor/{job.pk}/")
    expect(page.get_by_role("alert")).to_contain_text("Tidak ada yang disimpan")
    page.get_by_label("Berkas respons SKM").set_input_files(str(upload))
    page.get_by_role("button", name="Coba lagi").click()
    expect(page.locator("#imported-count")).to_have_text("4")
    assert SkmResponse.objects.count() == 4
