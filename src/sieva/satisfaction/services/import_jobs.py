"""Large SKM files in the background: a job holds the upload, a django-tasks task runs
`import_skm` on it (all or nothing, as in the request) and keeps the counts or the problems.

Files up to `SIEVA_SKM_IMPORT_BACKGROUND_ROWS` data rows still import inside the request.
The run holds a lease (`sieva.core.jobs`): a worker that dies mid-job is found by the reaper,
which ends the job as failed, deletes the rows the import had staged but not published
(decision 0054) and drops the upload, so a dead worker leaves nothing of the file behind. The
status page then offers a retry with the same file chosen again.
"""

import hashlib
import io
import logging
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from sieva.audit.services import audit_record
from sieva.core import jobs
from sieva.core.tables import UnreadableFile, read_table
from sieva.org.access import Access, Capability, user_access
from sieva.satisfaction.models import SkmImportJob, SkmImportStatus
from sieva.satisfaction.selectors import service_units
from sieva.satisfaction.services.imports import import_skm
from sieva.satisfaction.services.imports.errors import RowError, error_rows
from sieva.satisfaction.services.imports.staging import discard_unpublished

logger = logging.getLogger(__name__)
JOB_KIND = "skm.import"
BACKGROUND_ROWS = 20_000
MAX_ERRORS_KEPT = 10_000  # the job row stays small; error_count says how many there were


def background_rows() -> int:
    return int(getattr(settings, "SIEVA_SKM_IMPORT_BACKGROUND_ROWS", BACKGROUND_ROWS))


def count_rows(file_obj: IO[bytes], filename: str) -> int:
    """Data rows (header excluded): lines for CSV, which is cheap, sheet rows for XLSX, read
    by the shared reader; 0 when the file cannot be read (the import itself then says why)."""
    raw = getattr(file_obj, "file", file_obj)
    raw.seek(0)
    try:
        if filename.lower().endswith(".xlsx"):
            return sum(len(rows) for _first, rows in read_table(raw, filename).chunks())
        newlines, last = 0, b""
        while block := raw.read(1 << 20):
            newlines, last = newlines + block.count(b"\n"), block
        lines = newlines + (1 if last and not last.endswith(b"\n") else 0)
        return max(0, lines - 1)
    except UnreadableFile:
        return 0
    finally:
        raw.seek(0)


def skm_import_start(
    *,
    actor: Any,
    access: Access,
    file_obj: IO[bytes],
    filename: str,
    total_rows: int,
    options: dict[str, Any] | None = None,
) -> SkmImportJob:
    """Keep the upload on a job and queue it (the ImmediateBackend runs it at once).

    `options` are the user's confirmed choices: {"unit": id or None, "columns": {…}}."""
    if not access.can(Capability.EDIT_PROGRAMS):
        raise PermissionDenied
    raw = getattr(file_obj, "file", file_obj)
    raw.seek(0)
    job = SkmImportJob.objects.create(
        owner_id=access.scope_id,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        filename=filename[:200],
        content=raw.read(),
        total_rows=total_rows,
        options=options or {},
    )
    audit_record(
        actor=actor,
        action="skm.import_queued",
        obj=job,
        org_path=access.scope_path,
        changes={"file": job.filename, "rows": total_rows},
    )
    return _enqueue(job)


def _enqueue(job: SkmImportJob) -> SkmImportJob:
    from sieva.satisfaction.tasks import run_skm_import

    run_skm_import.enqueue(job.pk)
    job.refresh_from_db()
    return job


def skm_import_retry(
    *, actor: Any, access: Access, job: SkmImportJob, file_obj: IO[bytes], filename: str
) -> SkmImportJob:
    """Run a job whose worker died again, on the file chosen again (its upload was dropped
    when the job ended). Raises PermissionDenied when the job was not lost."""
    if not access.can(Capability.EDIT_PROGRAMS) or not job_lost(job):
        raise PermissionDenied
    raw = getattr(file_obj, "file", file_obj)
    raw.seek(0)
    total_rows = count_rows(file_obj, filename)
    raw.seek(0)
    with transaction.atomic():
        jobs.forget(JOB_KIND, job.pk)
        SkmImportJob.objects.filter(pk=job.pk).update(
            status=SkmImportStatus.QUEUED,
            actor=actor if getattr(actor, "is_authenticated", False) else job.actor,
            filename=filename[:200],
            content=raw.read(),
            total_rows=total_rows,
            errors=[],
            error_count=0,
            finished_at=None,
        )
        audit_record(
            actor=actor,
            action="skm.import_retried",
            obj=job,
            org_path=access.scope_path,
            changes={"file": filename[:200], "rows": total_rows},
        )
    return _enqueue(job)


def job_lost(job: SkmImportJob) -> bool:
    """True when the job ended because its worker died (and was not retried since)."""
    return job.status == SkmImportStatus.FAILED and jobs.lost(JOB_KIND, job.pk) is not None


def skm_import_lost(key: str) -> None:
    """The reaper's callback: the worker died mid-job; its unpublished rows are deleted."""
    message = _("Proses latar berhenti di tengah impor; tidak ada yang disimpan. Coba lagi.")
    job = SkmImportJob.objects.filter(pk=int(key), status=SkmImportStatus.RUNNING).first()
    if job is not None and job.content:
        discard_unpublished(hashlib.sha256(bytes(job.content)).hexdigest())
    SkmImportJob.objects.filter(pk=int(key), status=SkmImportStatus.RUNNING).update(
        status=SkmImportStatus.FAILED,
        errors=[[0, "", message]],
        error_count=1,
        finished_at=timezone.now(),
        content=b"",
    )


def skm_import_run(job_id: int) -> None:
    """Run the job once; an unexpected failure ends it as refused (the import rolled back)."""
    job = SkmImportJob.objects.select_related("actor").get(pk=job_id)
    if job.status != SkmImportStatus.QUEUED:
        return
    with jobs.leased(JOB_KIND, job.pk):
        SkmImportJob.objects.filter(pk=job.pk).update(status=SkmImportStatus.RUNNING)
        try:
            _run(job)
        except JobTakenAway:
            logger.warning("SKM import job %s was ended by the reaper; rolled back", job_id)
        except Exception:
            logger.exception("SKM import job %s failed", job_id)
            message = _("Terjadi kesalahan tak terduga; tidak ada yang disimpan.")
            _fail(job, [RowError(0, "", message)])


def _run(job: SkmImportJob) -> None:
    # The uploader's scope now, not at upload: a role withdrawn meanwhile stops the import.
    access = user_access(job.actor) if job.actor else None
    if access is None or not access.can(Capability.EDIT_PROGRAMS):
        _fail(job, [RowError(0, "", _("Pengunggah tidak lagi berwenang mengimpor SKM."))])
        return
    content = io.BytesIO(bytes(job.content))
    unit_id = job.options.get("unit")
    unit = service_units(access).filter(pk=unit_id).first() if unit_id else None
    if unit_id and unit is None:
        _fail(job, [RowError(0, "", _("Unit layanan tidak dalam cakupan Anda."))])
        return
    # The import stages its rows in short transactions and publishes them in one (decision
    # 0054), so it cannot share a transaction with the job's end. A worker that dies before
    # publishing leaves unpublished rows that count nowhere; the reaper deletes them.
    result = import_skm(
        content,
        job.filename,
        actor=job.actor,
        access=access,
        unit=unit,
        columns=job.options.get("columns") or {},
    )
    if not result.ok:
        _fail(job, result.errors, result.error_count)
        return
    done = {
        "rows": result.rows,
        "unit_months": result.unit_months,
        "already_imported": result.already,
    }
    if not _finish(job, status=SkmImportStatus.DONE, **done):
        # The reaper ended a job whose worker was only slow: the rows are published, so the
        # job says so (a retry would find every row already imported, decision 0053).
        logger.warning("SKM import job %s published after it was reaped", job.pk)
        SkmImportJob.objects.filter(pk=job.pk).update(
            status=SkmImportStatus.DONE, errors=[], error_count=0, **done
        )


def _fail(job: SkmImportJob, errors: list[RowError], count: int | None = None) -> None:
    _finish(
        job,
        status=SkmImportStatus.FAILED,
        errors=error_rows(errors[:MAX_ERRORS_KEPT]),
        error_count=len(errors) if count is None else count,
    )


class JobTakenAway(Exception):
    """The reaper ended the job meanwhile (its lease looked dead): roll the import back."""


def _finish(job: SkmImportJob, **fields: Any) -> bool:
    """End a running job; False when the reaper already ended it."""
    fields |= {"finished_at": timezone.now(), "content": b""}
    running = SkmImportJob.objects.filter(pk=job.pk, status=SkmImportStatus.RUNNING)
    return bool(running.update(**fields))


def get_job_for_user(access: Access, pk: int) -> SkmImportJob:
    """The job `pk`; 403 without EDIT_PROGRAMS, 404 outside the user's scope."""
    if not access.can(Capability.EDIT_PROGRAMS):
        raise PermissionDenied
    job = get_object_or_404(SkmImportJob.objects.select_related("owner"), pk=pk)
    owner_path = job.owner.path if job.owner else "/"
    if not owner_path.startswith(access.scope_path):
        raise Http404
    return job
