"""Writes to sources: interviews with their transcripts, documents with their review, and
open survey answers brought in for coding. Keyword-only, atomic, audited."""

import hashlib
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.audit.services import audit_record
from sieva.evidence.checklists import ANSWERS, checklist_for
from sieva.evidence.models import Document, Interview, Source, SourceKind, Study
from sieva.evidence.text import ExtractionError, extract_text, normalise, pseudonymise
from sieva.instruments.models import Answer, Item, ItemKind
from sieva.org.models import OrgUnit

TEXT_LOCKED = _(
    "Teks sumber ini sudah dikodekan; teks tidak dapat diubah lagi karena pengodean menunjuk "
    "posisi karakternya. Hapus dulu pengodeannya bila teks harus diperbaiki."
)
CONSENT_NEEDED = _("Transkrip hanya boleh disimpan bila persetujuan narasumber sudah tercatat.")
UNIT_OUTSIDE = _("Unit %(unit)s berada di luar %(owner)s.")
STRATUM_OTHER_STUDY = _("Strata sampel itu milik kajian lain.")
NOT_TEXT_ITEM = _("Butir %(item)s bukan pertanyaan isian teks.")
BAD_ANSWER = _("Jawaban untuk “%(item)s” harus salah satu dari: ya, sebagian, tidak.")

LABEL_PREFIX = {SourceKind.INTERVIEW: "W", SourceKind.DOCUMENT: "D", SourceKind.OPEN_ANSWER: "J"}


def _next_label(study: Study, kind: str, width: int = 2) -> str:
    prefix = LABEL_PREFIX[SourceKind(kind)]
    numbers = [
        int(m.group(1))
        for label in Source.objects.filter(study=study, kind=kind).values_list("label", flat=True)
        if (m := re.fullmatch(rf"{prefix}-(\d+)", label))
    ]
    return f"{prefix}-{max(numbers, default=0) + 1:0{width}d}"


def _check_unit(study: Study, unit: OrgUnit | None, field: str = "unit") -> None:
    if unit is not None and not unit.is_within(study.owner):
        raise ValidationError({field: str(UNIT_OUTSIDE) % {"unit": unit, "owner": study.owner}})


def _text_from(data: dict[str, Any], upload: tuple[str, bytes] | None, field: str) -> str:
    if upload is None:
        return normalise(data.get(field) or "")
    try:
        return extract_text(*upload)
    except ExtractionError as exc:
        raise ValidationError({"upload": str(exc)}) from None


def _check_text_change(source: Source | None, text: str) -> None:
    if source is not None and source.text != text and source.codings.exists():
        raise ValidationError(str(TEXT_LOCKED))


def interview_save(
    *,
    actor: Any,
    study: Study,
    data: dict[str, Any],
    interview: Interview | None = None,
    upload: tuple[str, bytes] | None = None,
) -> Interview:
    """Create or update an interview record. The transcript (typed in `data["transcript"]`
    or extracted from `upload` = (filename, bytes)) has its speakers pseudonymised before it
    is stored; it is refused without recorded consent, and frozen once coded."""
    stratum = data.get("stratum")
    if stratum is not None and stratum.study_id != study.pk:
        raise ValidationError({"stratum": str(STRATUM_OTHER_STUDY)})
    unit = data.get("unit") or (stratum.unit if stratum else None)
    position_kind = data.get("position_kind") or (stratum.position_kind if stratum else "")
    _check_unit(study, unit)
    raw = _text_from(data, upload, "transcript")
    interviewee = data.get("interviewee")
    source = interview.source if interview else None
    if source is not None and raw == source.text:
        text, mapping = raw, {}
    else:
        names = (interviewee.name,) if interviewee is not None else ()
        text, mapping = pseudonymise(raw, names)
    if text and not data.get("consent"):
        raise ValidationError({"consent": str(CONSENT_NEEDED)})
    with transaction.atomic():
        _check_text_change(source, text)
        source = source or Source(
            study=study,
            kind=SourceKind.INTERVIEW,
            label=_next_label(study, SourceKind.INTERVIEW),
        )
        source.title = data.get("title") or str(source.label)
        source.text, source.unit, source.position_kind = text, unit, position_kind
        source.program = study.program
        source.save()
        obj = interview or Interview(source=source)
        for field in ("held_on", "interviewer", "mode", "consent", "consent_note", "interviewee"):
            setattr(obj, field, data.get(field, getattr(obj, field, None)))
        obj.stratum = stratum
        obj.speakers = {**(obj.speakers or {}), **mapping}
        if upload is not None:
            obj.filename = upload[0][:200]
        obj.save()
        audit_record(
            actor=actor,
            action="interview_update" if interview else "interview_create",
            obj=source,
            org_path=study.owner.path,
            changes={
                "held_on": obj.held_on,
                "consent": obj.consent,
                "characters": len(text),
                "pseudonymised": len(mapping),
                "file": obj.filename,
            },
        )
    return obj


DOCUMENT_FIELDS = ("doc_type", "number", "issuer", "issued_on")


def document_save(
    *,
    actor: Any,
    study: Study,
    data: dict[str, Any],
    document: Document | None = None,
    upload: tuple[str, bytes] | None = None,
) -> Document:
    """Register (or update) a document; its text comes from `upload` (extracted on upload)
    or is typed in `data["text"]`."""
    _check_unit(study, data.get("unit"))
    source = document.source if document else None
    if upload is not None or "text" in data:
        text = _text_from(data, upload, "text")
    else:
        text = source.text if source else ""
    with transaction.atomic():
        _check_text_change(source, text)
        source = source or Source(
            study=study, kind=SourceKind.DOCUMENT, label=_next_label(study, SourceKind.DOCUMENT)
        )
        source.title, source.text, source.unit = data["title"], text, data.get("unit")
        source.program = data.get("program") or study.program
        source.save()
        obj = document or Document(source=source)
        for field in DOCUMENT_FIELDS:
            setattr(obj, field, data.get(field, getattr(obj, field, None)))
        if upload is not None:
            obj.filename, obj.sha256 = upload[0][:200], hashlib.sha256(upload[1]).hexdigest()
        obj.save()
        audit_record(
            actor=actor,
            action="document_update" if document else "document_create",
            obj=source,
            org_path=study.owner.path,
            changes={"doc_type": obj.doc_type, "characters": len(text), "file": obj.filename},
        )
    return obj


def document_review(
    *, actor: Any, document: Document, answers: dict[str, dict[str, str]]
) -> Document:
    """Store the checklist answers (``{code: {"answer", "note"}}``) of the document's type."""
    allowed = {value for value, _label in ANSWERS} | {""}
    items = dict(checklist_for(document.doc_type))
    cleaned = {}
    for code, label in items.items():
        answer = answers.get(code, {})
        if answer.get("answer", "") not in allowed:
            raise ValidationError(str(BAD_ANSWER) % {"item": label})
        cleaned[code] = {"answer": answer.get("answer", ""), "note": answer.get("note", "")[:300]}
    with transaction.atomic():
        document.checklist = {**document.checklist, **cleaned}
        document.reviewed_by = actor if getattr(actor, "is_authenticated", False) else None
        document.reviewed_at = timezone.now()
        document.save(update_fields=["checklist", "reviewed_by", "reviewed_at"])
        audit_record(
            actor=actor,
            action="document_review",
            obj=document.source,
            org_path=document.source.study.owner.path,
            changes={"checklist": cleaned},
        )
    return document


def open_answers_import(*, actor: Any, study: Study, item: Item) -> int:
    """Bring every non-empty answer to the text question `item` from the campaigns owned in
    the study's subtree into the study as sources (once each); returns how many were added.

    Only the answer, its unit and its program are copied, never who answered."""
    if item.kind not in (ItemKind.SHORT_TEXT, ItemKind.LONG_TEXT):
        raise ValidationError(str(NOT_TEXT_ITEM) % {"item": item.code})
    taken = set(
        Source.objects.filter(study=study, answer__isnull=False).values_list("answer_id", flat=True)
    )
    answers = (
        Answer.objects.filter(
            item=item, response__campaign__owner__path__startswith=study.owner.path
        )
        .exclude(value_text="")
        .select_related("response__campaign__cohort")
        .order_by("pk")
    )
    if study.program_id is not None:
        answers = answers.filter(response__campaign__cohort__program_id=study.program_id)
    with transaction.atomic():
        first = int(_next_label(study, SourceKind.OPEN_ANSWER).split("-")[1])
        title = item.label[:300]
        rows = []
        for answer in answers:
            text = normalise(answer.value_text)
            if answer.pk in taken or not text:
                continue
            cohort = answer.response.campaign.cohort if answer.response.campaign else None
            rows.append(
                Source(
                    study=study,
                    kind=SourceKind.OPEN_ANSWER,
                    label=f"J-{first + len(rows):04d}",
                    title=title,
                    text=text,
                    unit_id=answer.response.unit_id,
                    program_id=cohort.program_id if cohort else study.program_id,
                    answer=answer,
                )
            )
        Source.objects.bulk_create(rows, batch_size=1000)
        audit_record(
            actor=actor,
            action="open_answers_import",
            obj=study,
            org_path=study.owner.path,
            changes={"item": item.code, "added": len(rows)},
        )
    return len(rows)
