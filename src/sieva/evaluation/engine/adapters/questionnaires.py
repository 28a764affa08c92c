"""Questionnaire answers for L1 reaction and L3 behaviour: campaigns of a purpose, scale
matrices with reverse coding, response rates and choice counts."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, FloatField, Q, QuerySet
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from sieva.instruments.models import (
    Answer,
    Campaign,
    Invitation,
    ItemKind,
    Response,
    ScaleItem,
)
from sieva.programs.models import (
    Cohort,
    Enrollment,
)
from sieva.programs.selectors.participation import funnel_total

LIKERT_RANGE = {ItemKind.LIKERT4: (1, 4), ItemKind.LIKERT5: (1, 5)}
OVERALL = "keseluruhan"


# --- questionnaires (L1 reaction, L3 behaviour) ------------------------------------------------


def campaigns_for(
    cohorts: QuerySet[Cohort], purpose: str, rater_kind: str | None = None
) -> QuerySet[Campaign]:
    campaigns = Campaign.objects.filter(
        cohort__in=cohorts.values("pk"), version__instrument__purpose=purpose
    )
    if rater_kind is not None:
        campaigns = campaigns.filter(
            Q(rater_kind=rater_kind) | Q(rater_kind="", version__instrument__rater_kind=rater_kind)
        )
    return campaigns


@dataclass
class ScaleResponses:
    """One construct's answers: `rows[r][i]` is respondent r's score on item i (reverse-coded
    items already turned round), None where unanswered."""

    code: str
    name: str
    items: list[str] = field(default_factory=list)
    low: int = 1
    high: int = 5
    rows: list[list[float | None]] = field(default_factory=list)


def scale_responses(campaigns: QuerySet[Campaign]) -> list[ScaleResponses]:
    """Per scale code (pooled over the campaigns' versions) the respondents × items matrix."""
    members = list(
        ScaleItem.objects.filter(scale__version__campaigns__in=campaigns)
        .values("item_id", "item__code", "item__kind", "reverse", "scale__code", "scale__name")
        .distinct()
        .order_by("scale__code", "item__code")
    )
    if not members:
        return []
    scales: dict[str, ScaleResponses] = {}
    where: dict[int, tuple[str, str, bool, int, int]] = {}
    for m in members:
        low, high = LIKERT_RANGE.get(m["item__kind"], (1, 5))
        scale = scales.setdefault(
            m["scale__code"], ScaleResponses(m["scale__code"], m["scale__name"], low=low, high=high)
        )
        if m["item__code"] not in scale.items:
            scale.items.append(m["item__code"])
        where[m["item_id"]] = (m["scale__code"], m["item__code"], m["reverse"], low, high)
    by_response: dict[int, dict[tuple[str, str], float]] = defaultdict(dict)
    # Drive the read from this scope's responses (index on response, item); filtering by item
    # first made SQLite walk every program's answers to the same standard items.
    response_ids = list(
        Response.objects.filter(campaign__in=campaigns).values_list("pk", flat=True)
    )
    answers = Answer.objects.filter(
        response_id__in=response_ids, item_id__in=where, value_number__isnull=False
    ).values_list("response_id", "item_id", Cast("value_number", FloatField()))
    for response_id, item_id, value in answers:
        scale_code, item_code, reverse, low, high = where[item_id]
        score = float(value)
        by_response[response_id][(scale_code, item_code)] = low + high - score if reverse else score
    # "Keseluruhan" pools every scale item once: the instrument's overall score, used to
    # compare regions and programs on one number.
    overall = ScaleResponses(OVERALL, str(_("Keseluruhan")))
    for scale in scales.values():
        overall.low, overall.high = scale.low, scale.high
        overall.items.extend(f"{scale.code}:{item}" for item in scale.items)
    for response_scores in by_response.values():
        for scale in scales.values():
            row = [response_scores.get((scale.code, item)) for item in scale.items]
            if any(v is not None for v in row):
                scale.rows.append(row)
        overall.rows.append([response_scores.get(tuple(k.split(":", 1))) for k in overall.items])
    return [*scales.values(), overall] if len(scales) > 1 else list(scales.values())


@dataclass(frozen=True)
class ResponseRate:
    answered: int
    invited: int  # invitations sent; 0 when answers came only from imports
    population: int  # the people the answers stand for (invited, else attendees)


def response_rate(campaigns: QuerySet[Campaign], cohorts: QuerySet[Cohort]) -> ResponseRate:
    responses = Response.objects.filter(campaign__in=campaigns).count()
    invitations = Invitation.objects.filter(campaign__in=campaigns).aggregate(
        invited=Count("pk"), answered=Count("pk", filter=Q(answered_at__isnull=False))
    )
    invited = invitations["invited"]
    if invited:
        return ResponseRate(invitations["answered"], invited, invited)
    attended = funnel_total(Enrollment.objects.filter(cohort__in=cohorts.values("pk"))).attended
    return ResponseRate(responses, 0, attended)


@dataclass(frozen=True)
class ChoiceCounts:
    respondents: int  # who answered the item at all
    counts: dict[str, int]  # choice value -> respondents who picked it
    labels: dict[str, str]


def choice_counts(campaigns: QuerySet[Campaign], item_code: str) -> ChoiceCounts:
    """How many respondents picked each option of a single- or multiple-choice item."""
    answers = Answer.objects.filter(response__campaign__in=campaigns, item__code=item_code)
    counts: Counter[str] = Counter()
    respondents = 0
    for number, text, chosen in answers.values_list("value_number", "value_text", "value_json"):
        values = chosen if isinstance(chosen, list) else [text or number]
        values = [str(int(v)) if isinstance(v, Decimal) else str(v) for v in values if v != ""]
        if values:
            respondents += 1
            counts.update(set(values))
    labels: dict[str, str] = {}
    for choices in answers.values_list("item__choices", flat=True).distinct().order_by():
        for choice in choices or []:
            labels.setdefault(str(choice["value"]), choice["label"])
    return ChoiceCounts(respondents, dict(counts), labels)


def numeric_answers(campaigns: QuerySet[Campaign], item_code: str) -> list[float]:
    return [
        float(v)
        for v in Answer.objects.filter(
            response__campaign__in=campaigns, item__code=item_code, value_number__isnull=False
        ).values_list("value_number", flat=True)
    ]
