"""Learning done elsewhere: the employee reports it with evidence; the office approves it
into JP (as attendance, through `sieva.programs.services.external`) or rejects it."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.audit.services import audit_record
from sieva.development.models import ExternalLearning, ReviewStatus
from sieva.org.models import Employee
from sieva.programs.services.external import external_learning_record

END_BEFORE_START = _("Tanggal selesai tidak boleh sebelum tanggal mulai.")
END_IN_FUTURE = _("Pembelajaran yang belum selesai belum dapat diajukan.")
EVIDENCE_TYPE = _("Bukti harus berkas PDF, JPG atau PNG.")
EVIDENCE_SIZE = _("Bukti paling besar %(mb)d MB.")
JP_STEP = _("JP harus kelipatan 0,5 dan paling sedikit 0,5.")
ALREADY_REVIEWED = _("Pengajuan ini sudah diperiksa.")
NOTE_REQUIRED = _("Tuliskan alasan penolakan.")
APPROVED_TOO_MANY = _("JP yang disetujui tidak boleh melebihi yang diajukan (%(jp)s).")

# Magic numbers of the evidence formats accepted: what the file is, not what it is called.
_SIGNATURES = {b"%PDF-": "pdf", b"\xff\xd8\xff": "jpg", b"\x89PNG\r\n\x1a\n": "png"}


def evidence_kind(upload: UploadedFile) -> str | None:
    """'pdf', 'jpg' or 'png' from the file's first bytes, or None."""
    head = upload.read(8)
    upload.seek(0)
    return next((kind for magic, kind in _SIGNATURES.items() if head.startswith(magic)), None)


def _check_jp(jp: Decimal, field: str, errors: dict[str, Any]) -> None:
    if jp < Decimal("0.5") or (jp * 2) % 1 != 0:
        errors[field] = JP_STEP


@transaction.atomic
def external_learning_submit(
    *,
    actor: Any,
    employee: Employee,
    title: str,
    provider: str,
    kind: str,
    started_on: dt.date,
    ended_on: dt.date,
    jp: Decimal,
    evidence: UploadedFile,
    today: dt.date | None = None,
) -> ExternalLearning:
    """Report learning done elsewhere; waits for the office's approval."""
    today = today or timezone.localdate()
    errors: dict[str, Any] = {}
    if ended_on < started_on:
        errors["ended_on"] = END_BEFORE_START
    elif ended_on > today:
        errors["ended_on"] = END_IN_FUTURE
    _check_jp(jp, "jp", errors)
    if evidence_kind(evidence) is None:
        errors["evidence"] = EVIDENCE_TYPE
    elif evidence.size and evidence.size > settings.SIEVA_EVIDENCE_MAX_BYTES:
        errors["evidence"] = EVIDENCE_SIZE % {"mb": settings.SIEVA_EVIDENCE_MAX_BYTES // 2**20}
    if errors:
        raise ValidationError(errors)
    record = ExternalLearning(
        employee=employee,
        title=title.strip(),
        provider=provider.strip(),
        kind=kind,
        started_on=started_on,
        ended_on=ended_on,
        jp=jp,
        evidence_name=(evidence.name or "")[:200],
        submitted_at=timezone.now(),
    )
    record.evidence.save(evidence.name or "bukti", evidence, save=False)
    record.save()
    audit_record(
        actor=actor,
        action="external_learning.submit",
        obj=record,
        org_path=employee.unit.path,
        changes={"jp": jp, "ended_on": ended_on},
    )
    return record


@transaction.atomic
def external_learning_review(
    *,
    actor: Any,
    record: ExternalLearning,
    approve: bool,
    approved_jp: Decimal | None = None,
    note: str = "",
) -> ExternalLearning:
    """Approve (JP enter the record, at most what was claimed) or reject with a reason."""
    record = ExternalLearning.objects.select_for_update().get(pk=record.pk)
    if record.status != ReviewStatus.SUBMITTED:
        raise ValidationError(ALREADY_REVIEWED)
    errors: dict[str, Any] = {}
    if approve:
        jp = record.jp if approved_jp is None else approved_jp
        _check_jp(jp, "approved_jp", errors)
        if jp > record.jp:
            errors["approved_jp"] = APPROVED_TOO_MANY % {"jp": record.jp.normalize()}
    elif not note.strip():
        errors["note"] = NOTE_REQUIRED
    if errors:
        raise ValidationError(errors)
    if approve:
        record.attendance = external_learning_record(
            actor=actor,
            employee=record.employee,
            title=f"{record.title} ({record.provider})",
            ended_on=record.ended_on,
            jp=jp,
        )
        record.approved_jp = jp
    record.status = ReviewStatus.APPROVED if approve else ReviewStatus.REJECTED
    record.review_note = note.strip()
    record.reviewed_by = actor if getattr(actor, "is_authenticated", False) else None
    record.reviewed_at = timezone.now()
    record.save()
    audit_record(
        actor=actor,
        action="external_learning.review",
        obj=record,
        org_path=record.employee.unit.path,
        changes={"status": record.status, "approved_jp": record.approved_jp},
    )
    return record
