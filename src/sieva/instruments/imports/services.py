"""Writes of the import flow: start a job from an upload, confirm its mapping, run it.

`import_run` is the one place rows are stored: it checks the whole file first and stores
everything in one transaction, or stores nothing and keeps the problems on the job. Files
above `SIEVA_RESPONSE_IMPORT_BACKGROUND_ROWS` rows run it as a background task. A run holds a
lease (`sieva.core.jobs`): a worker that dies mid-job is found by the reaper, which ends the
job as failed and drops the file; `import_retry` runs it again on the same file chosen again.
"""

import hashlib
import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from sieva.audit.services import audit_record
from sieva.core import jobs
from sieva.core.tables import UnreadableFile
from sieva.instruments.imports import headers
from sieva.instruments.imports.rows import RowError, RowReader, file_rows
from sieva.instruments.imports.validate import check_file
from sieva.instruments.imports.write import write_rows
from sieva.instruments.models import Campaign
from sieva.instruments.models.imports import ImportMapping, ImportStatus, ResponseImport
from sieva.instruments.selectors import spec_for_version
from sieva.org.access import Access, user_access

logger = logging.getLogger(__name__)
JOB_KIND = "instruments.response_import"
MAX_ERRORS_KEPT = 1000  # on the job and in the report; the count says how many there were
BACKGROUND_ROWS = 2000


def background_rows() -> int:
    return int(getattr(settings, "SIEVA_RESPONSE_IMPORT_BACKGROUND_ROWS", BACKGROUND_ROWS))


@transaction.atomic
def import_start(
    *, actor: Any, campaign: Campaign, filename: str, content: bytes, source: str = ""
) -> ResponseImport:
    """A job holding the file and a proposed mapping; ValidationError when the file cannot be
    read or was imported into this campaign before."""
    try:
        read = file_rows(content, filename)
    except UnreadableFile as exc:
        raise ValidationError({"file": str(exc)}) from None
    sha256 = hashlib.sha256(content).hexdigest()
    earlier = campaign.imports.filter(sha256=sha256, status=ImportStatus.DONE).first()
    if earlier is not None:
        when = formats.date_format(timezone.localtime(earlier.created_at), "DATETIME_FORMAT")
        raise ValidationError(
            {
                "file": _("Berkas yang sama persis sudah diimpor ke kampanye ini pada %(when)s.")
                % {"when": when}
            }
        )
    source = source or headers.detect_source(read.header)
    saved = ImportMapping.objects.filter(version=campaign.version, source=source).first()
    job = ResponseImport.objects.create(
        campaign=campaign,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        filename=filename[:200],
        sha256=sha256,
        content=content,
        source=source,
        header=read.header,
        targets=headers.auto_map(
            read.header, spec_for_version(campaign.version), saved.columns if saved else None
        ),
        total_rows=len(read.rows),
    )
    audit_record(
        actor=actor,
        action="campaign.response_import_upload",
        obj=campaign,
        org_path=campaign.owner.path,
        changes={"file": job.filename, "rows": job.total_rows, "source": source},
    )
    return job


@transaction.atomic
def mapping_save(*, actor: Any, job: ResponseImport, targets: list[str]) -> ResponseImport:
    """Confirm the column targets and remember them for this version and tool."""
    clashes = headers.mapping_problems(targets)
    if clashes:
        raise ValidationError(
            _("Setiap butir hanya boleh dipetakan ke satu kolom: %(targets)s.")
            % {"targets": ", ".join(clashes)}
        )
    job.targets = targets
    job.save(update_fields=["targets"])
    columns = {headers.normalise(h): t for h, t in zip(job.header, targets, strict=True) if h}
    ImportMapping.objects.update_or_create(
        version=job.campaign.version, source=job.source, defaults={"columns": columns}
    )
    audit_record(
        actor=actor,
        action="campaign.response_import_mapping",
        obj=job.campaign,
        org_path=job.campaign.owner.path,
        changes={"job": job.pk, "mapped": sum(1 for t in targets if t)},
    )
    return job


def reader_for(job: ResponseImport) -> RowReader:
    return RowReader(job.header, job.targets, spec_for_version(job.campaign.version))


def import_submit(*, job: ResponseImport) -> ResponseImport:
    """Run the job now, or queue it when the file is large; the job tells how it ended."""
    if job.total_rows > background_rows():
        from sieva.instruments.imports.tasks import run_response_import

        ResponseImport.objects.filter(pk=job.pk).update(status=ImportStatus.QUEUED)
        run_response_import.enqueue(job.pk)
    else:
        import_run(job.pk)
    job.refresh_from_db()
    return job


def _finish(job: ResponseImport, **fields: Any) -> bool:
    """End a running job; False when the reaper already ended it."""
    fields |= {"finished_at": timezone.now(), "content": b""}
    running = ResponseImport.objects.filter(pk=job.pk, status=ImportStatus.RUNNING)
    return bool(running.update(**fields))


class JobTakenAway(Exception):
    """The reaper ended the job meanwhile (its lease looked dead): roll the import back."""


def response_import_lost(key: str) -> None:
    """The reaper's callback: the worker died mid-job, whose transaction died with it."""
    message = _("Proses latar berhenti di tengah impor; tidak ada yang disimpan. Coba lagi.")
    ResponseImport.objects.filter(pk=int(key), status=ImportStatus.RUNNING).update(
        status=ImportStatus.FAILED,
        errors=[[0, "", message]],
        error_count=1,
        finished_at=timezone.now(),
        content=b"",
    )


def job_lost(job: ResponseImport) -> bool:
    """True when the job ended because its worker died (and was not retried since)."""
    return job.status == ImportStatus.FAILED and jobs.lost(JOB_KIND, job.pk) is not None


def import_retry(*, actor: Any, job: ResponseImport, content: bytes) -> ResponseImport:
    """Run a job whose worker died again, with its confirmed mapping, on the same file chosen
    again (its copy was dropped when the job ended). ValidationError for another file."""
    if not job_lost(job):
        raise ValidationError(_("Impor ini tidak terhenti; unggah berkas baru."))
    if hashlib.sha256(content).hexdigest() != job.sha256:
        raise ValidationError(
            {
                "file": _("Berkas berbeda dari %(name)s yang diunggah semula.")
                % {"name": job.filename}
            }
        )
    with transaction.atomic():
        jobs.forget(JOB_KIND, job.pk)
        ResponseImport.objects.filter(pk=job.pk).update(
            status=ImportStatus.QUEUED,
            content=content,
            processed_rows=0,
            errors=[],
            error_count=0,
            finished_at=None,
        )
        audit_record(
            actor=actor,
            action="campaign.response_import_retried",
            obj=job.campaign,
            org_path=job.campaign.owner.path,
            changes={"job": job.pk, "file": job.filename},
        )
    job.refresh_from_db()
    return import_submit(job=job)


def import_run(job_id: int) -> None:
    """Check the whole file, then store all its rows or none (see the module docstring).

    An unexpected failure is logged and ends the job as refused, so no progress page polls a
    job that will never finish; the transaction has already rolled back.
    """
    with jobs.leased(JOB_KIND, job_id):
        try:
            _run(job_id)
        except JobTakenAway:
            logger.warning("response import %s was ended by the reaper; rolled back", job_id)
        except Exception:
            logger.exception("response import %s failed", job_id)
            job = ResponseImport.objects.get(pk=job_id)
            message = _("Terjadi kesalahan tak terduga; tidak ada yang disimpan.")
            _fail(job, [RowError(0, "", message)])


def _run(job_id: int) -> None:
    job = ResponseImport.objects.select_related(
        "campaign__version", "campaign__owner", "actor"
    ).get(pk=job_id)
    if job.finished:
        return
    ResponseImport.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING, processed_rows=0)
    access = _access_of(job)
    try:
        rows = file_rows(bytes(job.content), job.filename).rows
    except UnreadableFile as exc:
        _fail(job, [RowError(0, "", str(exc))])
        return

    def progress(done: int) -> None:
        ResponseImport.objects.filter(pk=job.pk).update(processed_rows=done)

    checked = check_file(
        campaign=job.campaign,
        access=access,
        reader=reader_for(job),
        header=job.header,
        targets=job.targets,
        rows=rows,
        progress=progress,
    )
    if checked.errors:
        _fail(job, checked.errors)
        return
    try:
        with transaction.atomic():
            stored, answered = write_rows(job.campaign, checked.rows)
            audit_record(
                actor=job.actor,
                action="campaign.response_import",
                obj=job.campaign,
                org_path=job.campaign.owner.path,
                changes={"job": job.pk, "file": job.filename, "responses": stored},
            )
            done = {
                "processed_rows": len(rows),
                "imported": stored,
                "invitations_answered": answered,
            }
            if not _finish(job, status=ImportStatus.DONE, **done):
                raise JobTakenAway(job.pk)
    except ValidationError as exc:
        # The receiver of the instrument's purpose refused the rows (see `extensions`); the
        # transaction has rolled back, so nothing was stored.
        _fail(job, [RowError(0, "", message) for message in exc.messages])


def _fail(job: ResponseImport, errors: list[RowError]) -> None:
    _finish(
        job,
        status=ImportStatus.FAILED,
        errors=[e.as_list() for e in errors[:MAX_ERRORS_KEPT]],
        error_count=len(errors),
    )


def _access_of(job: ResponseImport) -> Access:
    """The uploader's scope decides which NIPs the file may name, also in a background task."""
    access = user_access(job.actor) if job.actor else None
    if access is None:
        return Access(0, "", job.campaign.owner.path, job.campaign.owner_id, None)
    return access
