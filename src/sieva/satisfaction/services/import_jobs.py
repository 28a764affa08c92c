"""Large SKM files in the background: a job holds the upload, a django-tasks task runs
`import_skm` on it (all or nothing, as in the request) and keeps the counts or the problems.

Files up to `SIEVA_SKM_IMPORT_BACKGROUND_ROWS` data rows still import inside the request.
"""

import io
import logging
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from sieva.audit.services import audit_record
from sieva.core.tables import UnreadableFile, read_table
from sieva.org.access import Access, Capability, user_access
from sieva.satisfaction.models import SkmImportJob, SkmImportStatus
from sieva.satisfaction.selectors import service_units
from sieva.satisfaction.services.imports import import_skm
from sieva.satisfaction.services.imports.errors import RowError, error_rows

logger = logging.getLogger(__name__)
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
    from sieva.satisfaction.tasks import run_skm_import

    run_skm_import.enqueue(job.pk)
    job.refresh_from_db()
    return job


def skm_import_run(job_id: int) -> None:
    """Run the job once; an unexpected failure ends it as refused (the import rolled back)."""
    job = SkmImportJob.objects.select_related("actor").get(pk=job_id)
    if job.status != SkmImportStatus.QUEUED:
        return
    SkmImportJob.objects.filter(pk=job.pk).update(status=SkmImportStatus.RUNNING)
    try:
        _run(job)
    except Exception:
        logger.exception("SKM import job %s failed", job_id)
        _fail(job, [RowError(0, "", _("Terjadi kesalahan tak terduga; tidak ada yang disimpan."))])


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
    _finish(
        job,
        status=SkmImportStatus.DONE,
        rows=result.rows,
        unit_months=result.unit_months,
        already_imported=result.already,
    )


def _fail(job: SkmImportJob, errors: list[RowError], count: int | None = None) -> None:
    _finish(
        job,
        status=SkmImportStatus.FAILED,
        errors=error_rows(errors[:MAX_ERRORS_KEPT]),
        error_count=len(errors) if count is None else count,
    )


def _finish(job: SkmImportJob, **fields: Any) -> None:
    fields |= {"finished_at": timezone.now(), "content": b""}
    SkmImportJob.objects.filter(pk=job.pk).update(**fields)


def get_job_for_user(access: Access, pk: int) -> SkmImportJob:
    """The job `pk`; 403 without EDIT_PROGRAMS, 404 outside the user's scope."""
    if not access.can(Capability.EDIT_PROGRAMS):
        raise PermissionDenied
    job = get_object_or_404(SkmImportJob.objects.select_related("owner"), pk=pk)
    owner_path = job.owner.path if job.owner else "/"
    if not owner_path.startswith(access.scope_path):
        raise Http404
    return job
