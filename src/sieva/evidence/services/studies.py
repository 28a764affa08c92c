"""Writes to a study, its interview guide and its sample: keyword-only, atomic, audited."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sieva.audit.services import audit_record, model_changes
from sieva.evidence.models import GuideQuestion, SampleStratum, Study
from sieva.org.models import OrgUnit

PROGRAM_OUTSIDE = _("Program %(program)s tidak dimiliki %(owner)s atau unit di bawahnya.")
UNIT_OUTSIDE = _("Unit %(unit)s berada di luar %(owner)s.")
STRATUM_TAKEN = _("Sampel untuk jabatan dan unit ini sudah ada; ubah jumlahnya saja.")

STUDY_FIELDS = ("title", "owner", "program", "year", "questions", "double_share", "alpha_threshold")


def _snapshot(study: Study) -> dict[str, Any]:
    return {f: getattr(study, f) for f in STUDY_FIELDS} | {
        "team": sorted(u.pk for u in study.team.all()) if study.pk else []
    }


def study_save(
    *, actor: Any, data: dict[str, Any], study: Study | None = None, lead: Any = None
) -> Study:
    """Create (study None; `lead` leads it) or update a study. `data` holds STUDY_FIELDS and
    `team` (users); the lead is always on the team."""
    owner: OrgUnit = data["owner"]
    program = data.get("program")
    if program is not None and not program.owner.is_within(owner):
        raise ValidationError(
            {"program": str(PROGRAM_OUTSIDE) % {"program": program, "owner": owner}}
        )
    with transaction.atomic():
        before = _snapshot(study) if study else {}
        obj = study or Study(lead=lead)
        for field in STUDY_FIELDS:
            setattr(obj, field, data.get(field, getattr(obj, field, None)))
        obj.save()
        obj.team.set({*data.get("team", []), obj.lead})
        audit_record(
            actor=actor,
            action="study_update" if study else "study_create",
            obj=obj,
            org_path=owner.path,
            changes=model_changes(before, _snapshot(obj)),
        )
    return obj


def guide_question_save(
    *, actor: Any, study: Study, data: dict[str, Any], question: GuideQuestion | None = None
) -> GuideQuestion:
    with transaction.atomic():
        obj = question or GuideQuestion(study=study)
        obj.text, obj.probes = data["text"], data.get("probes", "")
        obj.order = data.get("order") or (question.order if question else study.guide.count() + 1)
        obj.save()
        audit_record(
            actor=actor,
            action="guide_question_save",
            obj=obj,
            org_path=study.owner.path,
            changes={"text": obj.text, "probes": obj.probes},
        )
    return obj


def guide_question_delete(*, actor: Any, question: GuideQuestion) -> None:
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="guide_question_delete",
            obj=question,
            org_path=question.study.owner.path,
        )
        question.delete()


def stratum_save(*, actor: Any, study: Study, data: dict[str, Any]) -> SampleStratum:
    """Add a row to the sample: `planned` officials of `position_kind` in `unit`."""
    unit: OrgUnit = data["unit"]
    if not unit.is_within(study.owner):
        raise ValidationError({"unit": str(UNIT_OUTSIDE) % {"unit": unit, "owner": study.owner}})
    with transaction.atomic():
        if SampleStratum.objects.filter(
            study=study, unit=unit, position_kind=data["position_kind"]
        ).exists():
            raise ValidationError(str(STRATUM_TAKEN))
        obj = SampleStratum.objects.create(
            study=study,
            unit=unit,
            position_kind=data["position_kind"],
            planned=data["planned"],
            note=data.get("note", ""),
        )
        audit_record(
            actor=actor,
            action="sample_stratum_create",
            obj=obj,
            org_path=study.owner.path,
            changes={"planned": obj.planned},
        )
    return obj


def stratum_delete(*, actor: Any, stratum: SampleStratum) -> None:
    with transaction.atomic():
        audit_record(
            actor=actor, action="sample_stratum_delete", obj=stratum, org_path=stratum.unit.path
        )
        stratum.delete()
