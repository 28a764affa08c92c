"""Pre- and post-test scores for L2 learning, paired by person or pseudonym."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet, Sum

from sieva.evaluation.engine.adapters.questionnaires import campaigns_for
from sieva.instruments.models import (
    Answer,
    Item,
    ItemKind,
    Purpose,
    Response,
)
from sieva.programs.models import (
    Cohort,
)

# --- L2 learning ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class LearningScores:
    max_score: float
    pre: dict[str, float]  # person key (employee id or pseudonym) -> score
    post: dict[str, float]


def _is_correct(kind: str, correct: list[str], number, text, chosen) -> bool:
    if kind == ItemKind.MULTIPLE:
        return sorted(map(str, chosen or [])) == sorted(map(str, correct))
    value = text or (str(int(number)) if number is not None else "")
    return value in {str(c) for c in correct}


def learning_scores(cohorts: QuerySet[Cohort]) -> LearningScores:
    """Each respondent's total points on the pre and the post test of the cohorts' test
    campaigns (phase set on the campaign). A person tested twice in one phase keeps the last."""
    campaigns = campaigns_for(cohorts, Purpose.TEST).exclude(phase="")
    # Keys and points once per item, responses once each: per-answer rows carry only the
    # answer (reading the key's JSON on every answer row cost seconds on the scale-10 demo).
    keyed = {
        pk: (kind, correct, float(points))
        for pk, kind, correct, points in Item.objects.filter(
            version__in=campaigns.values("version_id")
        )
        .exclude(correct=[])
        .values_list("pk", "kind", "correct", "points")
    }
    responses = Response.objects.filter(campaign__in=campaigns).order_by("submitted_at", "pk")
    who = {
        rid: (phase, str(person) if person else pseudonym)
        for rid, person, pseudonym, phase in responses.values_list(
            "pk", "respondent_id", "pseudonym", "campaign__phase"
        )
    }
    totals: dict[int, float] = defaultdict(float)
    for rid, item_id, number, text, chosen in Answer.objects.filter(
        response_id__in=list(who), item_id__in=list(keyed)
    ).values_list("response_id", "item_id", "value_number", "value_text", "value_json"):
        kind, correct, points = keyed[item_id]
        totals[rid] += points if _is_correct(kind, correct, number, text, chosen) else 0.0
    scores: dict[str, dict[str, float]] = {"pre": {}, "post": {}}
    for rid, (phase, person) in who.items():  # submission order: a later attempt wins
        if person and rid in totals:
            scores[phase][person] = totals[rid]
    # The maximum is the points of one version; versions of one test should carry the same.
    per_version = (
        Item.objects.filter(version__in=campaigns.values("version_id"), points__gt=0)
        .values("version_id")
        .annotate(total=Sum("points"))
        .order_by()
    )
    max_score = max((float(v["total"]) for v in per_version), default=0.0)
    return LearningScores(max_score, scores["pre"], scores["post"])
