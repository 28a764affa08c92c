"""Writes on participant assessment: the plan's components, scores, attitude ratings, final
results with their qualification, moderation and appeals. Keyword-only, atomic, audited."""

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.analysis.indices.development import QUALIFICATION_BANDS, participant_qualification
from sieva.audit.services import audit_record
from sieva.development.models import (
    Appeal,
    AppealStatus,
    AssessmentComponent,
    AssessmentPlan,
    AssessmentResult,
    AttitudeRating,
    ComponentKind,
    ComponentScore,
    CoreValue,
    ResultStatus,
)
from sieva.development.selectors.assessment import (
    cohort_assessment,
    rater_kind_for,
)
from sieva.org.models import Employee
from sieva.programs.models import Cohort, Enrollment

WEIGHTS_OVER = _("Jumlah bobot menjadi %(total)s %%; paling banyak 100 %%.")
WEIGHTS_NOT_100 = _("Jumlah bobot komponen %(total)s %%; harus tepat 100 %%.")
ONE_ATTITUDE = _("Rencana ini sudah memiliki komponen sikap.")
NAME_REQUIRED = _("Isi nama komponen.")
NOT_A_RATER = _("Anda bukan fasilitator, coach atau rekan penilai peserta ini.")
RATE_EVERY_VALUE = _("Beri nilai 1–5 untuk setiap nilai dasar BerAKHLAK.")
SCORE_RANGE = _("Baris %(name)s, kolom %(component)s: “%(value)s” bukan nilai 0–100.")
APPEAL_OPEN = _("Sudah ada banding yang belum diputuskan.")
REASON_REQUIRED = _("Tuliskan alasan banding.")
REVISED_REQUIRED = _("Isi nilai akhir baru bila banding diterima.")
TWO_PLACES = Decimal("0.01")


def _org_path(cohort: Cohort) -> str:
    return cohort.program.owner.path


def _qualification(score: Decimal) -> str:
    """The qualification's code (stored; shown through `code_label`), with this instance's bounds."""
    bounds = settings.SIEVA_QUALIFICATION_BOUNDS
    levels = (level for _bound, level in QUALIFICATION_BANDS)
    return participant_qualification(float(score), tuple(zip(bounds, levels, strict=True))).value


@transaction.atomic
def component_add(
    *, actor: Any, cohort: Cohort, name: str, kind: str, weight: Decimal
) -> AssessmentComponent:
    """Add a component to the cohort's plan (created on first use); the weights may not pass
    100 and only one component rates attitude."""
    plan, _created = AssessmentPlan.objects.get_or_create(cohort=cohort)
    errors: dict[str, Any] = {}
    if not name.strip():
        errors["name"] = NAME_REQUIRED
    total = sum((c.weight for c in plan.components.all()), Decimal(0)) + weight
    if total > 100:
        errors["weight"] = WEIGHTS_OVER % {"total": total.normalize()}
    if kind == ComponentKind.ATTITUDE and plan.components.filter(kind=kind).exists():
        errors["kind"] = ONE_ATTITUDE
    if errors:
        raise ValidationError(errors)
    component = AssessmentComponent.objects.create(
        plan=plan,
        name=name.strip(),
        kind=kind,
        weight=weight,
        order=plan.components.count(),
    )
    audit_record(
        actor=actor,
        action="assessment.component_add",
        obj=component,
        org_path=_org_path(cohort),
        changes={"kind": kind, "weight": weight},
    )
    return component


@transaction.atomic
def component_remove(*, actor: Any, component: AssessmentComponent) -> None:
    cohort = component.plan.cohort
    audit_record(
        actor=actor,
        action="assessment.component_remove",
        obj=component,
        org_path=_org_path(cohort),
        changes={"scores": component.scores.count()},
    )
    component.delete()


def _parse_score(raw: str) -> Decimal | None:
    text = raw.strip().replace(",", ".")
    if not text:
        return None
    try:
        value = Decimal(text)
    except ArithmeticError:
        raise ValueError(raw) from None
    if not value.is_finite() or not 0 <= value <= 100:
        raise ValueError(raw)
    return value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


@transaction.atomic
def scores_save(*, actor: Any, cohort: Cohort, entries: dict[tuple[int, int], str]) -> int:
    """Store the typed technical scores, (enrollment id, component id) → text ("" clears).

    All or nothing: every bad cell is reported (participant and component named) and nothing
    is stored. Returns the number of cells that changed."""
    grid = cohort_assessment(cohort)
    names = {row.enrollment.pk: row.enrollment.employee.name for row in grid.rows}
    components = {c.pk: c for c in grid.technical}
    errors, parsed = [], {}
    for (enrollment_id, component_id), raw in entries.items():
        if enrollment_id not in names or component_id not in components:
            continue  # a cell of another cohort is not ours to touch
        try:
            parsed[(enrollment_id, component_id)] = _parse_score(raw)
        except ValueError:
            errors.append(
                SCORE_RANGE
                % {
                    "name": names[enrollment_id],
                    "component": components[component_id].name,
                    "value": raw,
                }
            )
    if errors:
        raise ValidationError(errors)
    current = {
        (row.enrollment.pk, cid): score.score
        for row in grid.rows
        for cid, score in row.scores.items()
    }
    changed = 0
    for (enrollment_id, component_id), value in parsed.items():
        if current.get((enrollment_id, component_id)) == value:
            continue
        changed += 1
        if value is None:
            ComponentScore.objects.filter(
                enrollment_id=enrollment_id, component_id=component_id
            ).delete()
        else:
            ComponentScore.objects.update_or_create(
                enrollment_id=enrollment_id,
                component_id=component_id,
                defaults={"score": value, "entered_by": actor},
            )
    audit_record(
        actor=actor,
        action="assessment.scores_save",
        obj=cohort,
        org_path=_org_path(cohort),
        changes={"cells": changed},
    )
    return changed


@transaction.atomic
def attitude_rate(
    *,
    actor: Any,
    enrollment: Enrollment,
    rater: Employee,
    scores: dict[str, int],
    comment: str = "",
) -> AttitudeRating:
    """Rate a participant on the seven BerAKHLAK values (1–5 each) as facilitator, coach or
    assigned peer; rating again replaces the earlier rating."""
    kind = rater_kind_for(rater.pk, enrollment)
    if kind is None:
        raise ValidationError(NOT_A_RATER)
    if set(scores) != set(CoreValue.values) or not all(
        isinstance(v, int) and 1 <= v <= 5 for v in scores.values()
    ):
        raise ValidationError(RATE_EVERY_VALUE)
    rating, created = AttitudeRating.objects.update_or_create(
        enrollment=enrollment,
        rater=rater,
        defaults={"rater_kind": kind, "scores": scores, "comment": comment.strip()},
    )
    audit_record(
        actor=actor,
        action="assessment.attitude_rate",
        obj=rating,
        org_path=_org_path(enrollment.cohort),
        changes={"rater_kind": kind, "created": created},
    )
    return rating


def _weighted(parts: list[tuple[Decimal, Decimal]]) -> Decimal:
    total = sum((w for w, _s in parts), Decimal(0))
    value = sum((w * s for w, s in parts), Decimal(0)) / total
    return value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


@transaction.atomic
def results_compute(*, actor: Any, cohort: Cohort) -> tuple[int, list[tuple[str, str]]]:
    """Compute every participant's final score and qualification from the plan.

    Needs weights summing to 100. A participant missing a component's score is left out with
    the reason. Results under appeal or revised after one are kept as they are. Returns the
    number computed and the (name, reason) of those left out."""
    grid = cohort_assessment(cohort)
    if grid.plan is None or round(grid.total_weight, 2) != 100:
        raise ValidationError(WEIGHTS_NOT_100 % {"total": round(grid.total_weight, 2)})
    now, computed, skipped = timezone.now(), 0, []
    for row in grid.rows:
        result = row.result
        if result is not None and result.status != ResultStatus.FINAL:
            continue
        parts, detail, missing = [], [], []
        for component in grid.components:
            if component.kind == ComponentKind.ATTITUDE:
                score = (
                    result.attitude_override
                    if result is not None and result.attitude_override is not None
                    else row.attitude.score
                )
            else:
                found = row.scores.get(component.pk)
                score = found.score if found else None
            if score is None:
                missing.append(component.name)
                continue
            score = Decimal(str(score)).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)
            parts.append((component.weight, score))
            detail.append(
                {"component": component.name, "weight": str(component.weight), "score": str(score)}
            )
        if missing:
            skipped.append((row.enrollment.employee.name, ", ".join(missing)))
            continue
        final = _weighted(parts)
        AssessmentResult.objects.update_or_create(
            enrollment=row.enrollment,
            defaults={
                "final_score": final,
                "qualification": _qualification(final),
                "components": detail,
                "needs_moderation": row.attitude.disputed
                and (result is None or result.attitude_override is None),
                "computed_at": now,
            },
        )
        computed += 1
    audit_record(
        actor=actor,
        action="assessment.results_compute",
        obj=cohort,
        org_path=_org_path(cohort),
        changes={"computed": computed, "skipped": len(skipped)},
    )
    return computed, skipped


@transaction.atomic
def result_moderate(
    *, actor: Any, result: AssessmentResult, attitude_score: Decimal, note: str
) -> AssessmentResult:
    """Settle a disputed attitude score (0–100) with a note; the final score is recomputed
    from the stored components with the moderated attitude."""
    before = result.attitude_override
    result.attitude_override = attitude_score.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)
    result.moderation_note = note.strip()
    result.moderated_by = actor if getattr(actor, "is_authenticated", False) else None
    result.needs_moderation = False
    result.save()
    results_compute(actor=actor, cohort=result.enrollment.cohort)
    result.refresh_from_db()
    audit_record(
        actor=actor,
        action="assessment.moderate",
        obj=result,
        org_path=_org_path(result.enrollment.cohort),
        changes={"attitude_override": [before, result.attitude_override]},
    )
    return result


@transaction.atomic
def appeal_file(*, actor: Any, result: AssessmentResult, reason: str) -> Appeal:
    """The participant contests their result; it stays under appeal until decided."""
    if not reason.strip():
        raise ValidationError({"reason": REASON_REQUIRED})
    if result.appeals.filter(status=AppealStatus.OPEN).exists():
        raise ValidationError(APPEAL_OPEN)
    appeal = Appeal.objects.create(result=result, reason=reason.strip())
    result.status = ResultStatus.APPEALED
    result.save(update_fields=["status"])
    audit_record(
        actor=actor,
        action="assessment.appeal_file",
        obj=appeal,
        org_path=_org_path(result.enrollment.cohort),
    )
    return appeal


@transaction.atomic
def appeal_decide(
    *,
    actor: Any,
    appeal: Appeal,
    upheld: bool,
    decision: str,
    revised_score: Decimal | None = None,
) -> Appeal:
    """Uphold (with the new final score) or reject an open appeal."""
    if upheld and revised_score is None:
        raise ValidationError({"revised_score": REVISED_REQUIRED})
    result = appeal.result
    appeal.status = AppealStatus.UPHELD if upheld else AppealStatus.REJECTED
    appeal.decision = decision.strip()
    appeal.decided_by = actor if getattr(actor, "is_authenticated", False) else None
    appeal.decided_at = timezone.now()
    before = result.final_score
    if upheld and revised_score is not None:
        revised = revised_score.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)
        appeal.revised_score = revised
        result.final_score, result.qualification = revised, _qualification(revised)
        result.status = ResultStatus.REVISED
    else:
        result.status = ResultStatus.FINAL
    appeal.save()
    result.save()
    audit_record(
        actor=actor,
        action="assessment.appeal_decide",
        obj=appeal,
        org_path=_org_path(result.enrollment.cohort),
        changes={"upheld": upheld, "final_score": [before, result.final_score]},
    )
    return appeal
