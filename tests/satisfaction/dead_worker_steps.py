"""Steps the dead-worker test runs inside `sieva shell` against its own SQLite file (the worker
under test is a separate process, so the data must be committed where it can see it)."""

import datetime as dt
import io
import sys

from sieva.org.access import user_access
from sieva.org.models import OrgKind, Role
from sieva.satisfaction.elements import ELEMENTS
from sieva.satisfaction.models import SkmImportJob
from sieva.satisfaction.services import import_jobs
from tests.factories import OrgUnitFactory, user_with_role

FILENAME = "skm-besar.csv"


def skm_file(rows: int) -> bytes:
    """`rows` valid SKM responses of one Puskesmas in April 2026, 40 seconds apart."""
    lines = [",".join(["kode_unit", "tanggal", *ELEMENTS])]
    start = dt.datetime(2026, 4, 1)
    for index in range(rows):
        answers = ",".join(str(1 + (index + e) % 4) for e in range(len(ELEMENTS)))
        when = start + dt.timedelta(seconds=40 * index)
        lines.append(f"MDN-PKM-01,{when:%Y-%m-%d %H:%M:%S},{answers}")
    return ("\n".join(lines) + "\n").encode()


def start(rows: int) -> None:
    """A Medan admin queues the import of a large file; prints the job's id."""
    medan = OrgUnitFactory(kind=OrgKind.AGENCY, code="PEMKOT-MDN", name="Pemerintah Kota Medan")
    OrgUnitFactory(kind=OrgKind.SERVICE_UNIT, code="MDN-PKM-01", name="Puskesmas", parent=medan)
    alice = user_with_role("alice", Role.AGENCY_ADMIN, medan)
    job = import_jobs.skm_import_start(
        actor=alice,
        access=user_access(alice),
        file_obj=io.BytesIO(skm_file(rows)),
        filename=FILENAME,
        total_rows=rows,
    )
    sys.stdout.write(f"job={job.pk}\n")


def retry(job_id: int, rows: int) -> None:
    """The admin chooses the same file again on the job's page."""
    job = SkmImportJob.objects.select_related("actor").get(pk=job_id)
    import_jobs.skm_import_retry(
        actor=job.actor,
        access=user_access(job.actor),
        job=job,
        file_obj=io.BytesIO(skm_file(rows)),
        filename=FILENAME,
    )
