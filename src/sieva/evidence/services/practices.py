"""Writes to the good-practice library: drafting, review and publication, and readers'
feedback. Keyword-only, atomic, audited."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.audit.services import audit_record
from sieva.evidence.models import (
    FeedbackKind,
    Practice,
    PracticeFeedback,
    PracticeStatus,
)
from sieva.org.models import OrgUnit

NOT_SUBMITTABLE = _("Hanya draf atau praktik yang dikembalikan yang dapat diajukan untuk ditinjau.")
NOT_IN_REVIEW = _("Praktik ini tidak sedang menunggu tinjauan.")
OWN_REVIEW = _("Penulis tidak dapat meninjau tulisannya sendiri.")
RETURN_NEEDS_NOTE = _("Tuliskan apa yang perlu diperbaiki bila praktik dikembalikan.")
NOT_PUBLISHED = _("Umpan balik hanya untuk praktik yang sudah terbit.")
UNIT_OUTSIDE = _("Unit %(unit)s berada di luar %(owner)s.")
QUOTE_OTHER_STUDY = _("Kutipan harus berasal dari kajian yang dipilih.")

FIELDS = ("kind", "title", "summary", "body", "figures", "tags", "program", "unit", "study")


def practice_save(
    *, actor: Any, owner: OrgUnit, data: dict[str, Any], practice: Practice | None = None
) -> Practice:
    """Create a draft (or update a draft or returned practice) of `owner`."""
    unit = data.get("unit")
    if unit is not None and not unit.is_within(owner):
        raise ValidationError({"unit": str(UNIT_OUTSIDE) % {"unit": unit, "owner": owner}})
    quotes = list(data.get("quotes") or [])
    study = data.get("study")
    if quotes and (study is None or any(q.source.study_id != study.pk for q in quotes)):
        raise ValidationError({"quotes": str(QUOTE_OTHER_STUDY)})
    with transaction.atomic():
        obj = practice or Practice(author=actor)
        obj.owner = owner
        for field in FIELDS:
            setattr(obj, field, data.get(field) if field in data else getattr(obj, field, None))
        obj.figures, obj.tags = obj.figures or "", obj.tags or ""
        obj.save()
        obj.quotes.set(quotes)
        audit_record(
            actor=actor,
            action="practice_update" if practice else "practice_create",
            obj=obj,
            org_path=owner.path,
            changes={"title": obj.title, "status": obj.status},
        )
    return obj


def practice_submit(*, actor: Any, practice: Practice) -> Practice:
    if practice.status not in (PracticeStatus.DRAFT, PracticeStatus.RETURNED):
        raise ValidationError(str(NOT_SUBMITTABLE))
    with transaction.atomic():
        practice.status = PracticeStatus.IN_REVIEW
        practice.save(update_fields=["status", "updated_at"])
        audit_record(
            actor=actor, action="practice_submit", obj=practice, org_path=practice.owner.path
        )
    return practice


def practice_review(*, actor: Any, practice: Practice, publish: bool, note: str = "") -> Practice:
    """Publish the practice (readable by every region from now on) or return it with a note."""
    if practice.status != PracticeStatus.IN_REVIEW:
        raise ValidationError(str(NOT_IN_REVIEW))
    if practice.author_id == getattr(actor, "pk", None):
        raise ValidationError(str(OWN_REVIEW))
    if not publish and not note.strip():
        raise ValidationError({"note": str(RETURN_NEEDS_NOTE)})
    with transaction.atomic():
        practice.status = PracticeStatus.PUBLISHED if publish else PracticeStatus.RETURNED
        practice.reviewer, practice.review_note = actor, note.strip()
        practice.published_at = timezone.now() if publish else None
        practice.save()
        audit_record(
            actor=actor,
            action="practice_publish" if publish else "practice_return",
            obj=practice,
            org_path=practice.owner.path,
            changes={"note": note.strip()},
        )
    return practice


def practice_feedback(
    *, actor: Any, practice: Practice, unit: OrgUnit, kind: str, note: str = ""
) -> PracticeFeedback:
    """Record "useful" or "we adopted it" from a reader of `unit`; repeating it updates the
    note, so one reader counts once per kind."""
    if practice.status != PracticeStatus.PUBLISHED:
        raise ValidationError(str(NOT_PUBLISHED))
    FeedbackKind(kind)
    with transaction.atomic():
        feedback, _created = PracticeFeedback.objects.update_or_create(
            practice=practice, user=actor, kind=kind, defaults={"unit": unit, "note": note[:300]}
        )
        audit_record(
            actor=actor,
            action="practice_feedback",
            obj=practice,
            org_path=unit.path,
            changes={"kind": kind},
        )
    return feedback
