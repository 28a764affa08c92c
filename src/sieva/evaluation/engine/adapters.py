"""The only bridge from the database to `sieva.analysis`: each function reads what one level
needs for a set of cohorts and returns plain numbers, lists and dicts (no model instances),
so the levels can be tested and reasoned about without the ORM.
"""

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, FloatField, Min, Q, QuerySet, Sum
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from sieva.analysis.indices.ikm import ikm_from_totals
from sieva.analysis.indices.roi import BenefitClaim
from sieva.evaluation.participation import Funnel, funnel_total
from sieva.indicators.models import (
    Direction,
    IndicatorActual,
    IndicatorKind,
    MonetisedBenefit,
)
from sieva.indicators.selectors.roi import benefit_claims
from sieva.instruments.models import (
    Answer,
    Campaign,
    Invitation,
    Item,
    ItemKind,
    Purpose,
    Response,
    ScaleItem,
)
from sieva.org.models import OrgKind, OrgUnit
from sieva.programs.models import (
    Attendance,
    BudgetLine,
    Cohort,
    Enrollment,
    EnrollmentStatus,
    Session,
)
from sieva.satisfaction.models import SkmAggregate, SkmUnitPeriod

LIKERT_RANGE = {ItemKind.LIKERT4: (1, 4), ItemKind.LIKERT5: (1, 5)}
OVERALL = "keseluruhan"


# --- L0 participation and L5 cost -------------------------------------------------------------


@dataclass(frozen=True)
class ParticipationRecords:
    funnel: Funnel
    reasons: dict[str, int]


def participation_records(cohorts: QuerySet[Cohort]) -> ParticipationRecords:
    enrollments = Enrollment.objects.filter(cohort__in=cohorts.values("pk"))
    reasons = {
        row["absence_reason"]: row["n"]
        for row in enrollments.exclude(absence_reason="")
        .values("absence_reason")
        .annotate(n=Count("pk"))
        .order_by()
    }
    return ParticipationRecords(funnel_total(enrollments), reasons)


@dataclass(frozen=True)
class CostRecords:
    planned: Decimal
    realised: Decimal
    funnel: Funnel  # of the cohorts that have budget lines only
    program_jp: Decimal
    participant_jp: Decimal


def cost_records(cohorts: QuerySet[Cohort]) -> CostRecords:
    # Only cohorts with budget lines count towards unit costs: a cohort without any is
    # unknown, not free (decision 0005).
    budgeted = BudgetLine.objects.filter(cohort__in=cohorts.values("pk"))
    sums = budgeted.aggregate(planned=Sum("planned"), realised=Sum("realised"))
    ids = budgeted.values("cohort_id")
    program_jp = Session.objects.filter(cohort__in=ids).aggregate(jp=Sum("jp"))["jp"]
    participant_jp = Attendance.objects.filter(enrollment__cohort__in=ids).aggregate(
        jp=Sum("session__jp")
    )["jp"]
    return CostRecords(
        planned=sums["planned"] or Decimal("0"),
        realised=sums["realised"] or Decimal("0"),
        funnel=funnel_total(Enrollment.objects.filter(cohort__in=ids)),
        program_jp=program_jp or Decimal("0"),
        participant_jp=participant_jp or Decimal("0"),
    )


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


# --- L4 results: citizen satisfaction (IKM) of the units whose staff were trained --------------


@dataclass(frozen=True)
class Panel:
    """An outcome per unit and month for trained and comparison units.

    `treated_from[unit]` is the first month after the unit's first trained employee finished;
    `rows` are (unit, month, value)."""

    treated_from: dict[int, dt.date]
    comparison: list[int]
    rows: list[tuple[int, dt.date, float]]


def _month_after(day: dt.date) -> dt.date:
    return add_months(dt.date(day.year, day.month, 1), 1)


def trained_service_units(cohorts: QuerySet[Cohort]) -> dict[int, dt.date]:
    """Service units with an employee who completed one of `cohorts`, and the first month
    after the earliest such cohort ended (when the unit counts as trained)."""
    rows = (
        Enrollment.objects.filter(
            cohort__in=cohorts.values("pk"),
            status=EnrollmentStatus.PASSED,
            employee__unit__kind=OrgKind.SERVICE_UNIT,
        )
        .values("employee__unit_id")
        .annotate(first_end=Min("cohort__end_date"))
        .order_by()
    )
    return {r["employee__unit_id"]: _month_after(r["first_end"]) for r in rows}


def comparison_service_units(
    cohorts: QuerySet[Cohort], treated: Iterable[int], within: QuerySet[OrgUnit]
) -> list[int]:
    """Service units in `within` (the user's subtree) under the same instansi as the trained
    units, none of whose staff was ever enrolled in these programs."""
    treated_ids = list(treated)
    treated_paths = OrgUnit.objects.filter(pk__in=treated_ids).values_list("path", flat=True)
    agency_paths = [
        path
        for path in OrgUnit.objects.filter(kind=OrgKind.AGENCY).values_list("path", flat=True)
        if any(t.startswith(path) for t in treated_paths)
    ]
    # Staff in any cohort of the same programs (earlier or later) disqualify a unit: it is
    # not an untrained comparison for that program.
    touched = Enrollment.objects.filter(cohort__program__in=cohorts.values("program_id")).values(
        "employee__unit_id"
    )
    candidates = (
        within.filter(kind=OrgKind.SERVICE_UNIT)
        .exclude(pk__in=treated_ids)
        .exclude(pk__in=touched)
        .values_list("pk", "path")
    )
    return [pk for pk, path in candidates if any(path.startswith(a) for a in agency_paths)]


def add_months(month: dt.date, months: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _window(treated_from: dict[int, dt.date], months_around: int) -> tuple[dt.date, dt.date]:
    return (
        add_months(min(treated_from.values()), -months_around),
        add_months(max(treated_from.values()), months_around),
    )


def ikm_panel(
    treated_from: dict[int, dt.date],
    comparison: list[int],
    *,
    months_around: int,
    min_respondents: int,
) -> Panel:
    """Monthly NIK (IKM × 25) from the SKM aggregates, for unit-months with at least
    `min_respondents` respondents."""
    if not treated_from:
        return Panel({}, comparison, [])
    start, end = _window(treated_from, months_around)
    units = [*treated_from, *comparison]
    respondents = {
        (u, p): n
        for u, p, n in SkmUnitPeriod.objects.filter(
            unit_id__in=units, period__range=(start, end)
        ).values_list("unit_id", "period", "respondents")
    }
    totals: dict[tuple[int, dt.date], dict[str, tuple[int, int]]] = defaultdict(dict)
    for u, p, element, total, count in SkmAggregate.objects.filter(
        unit_id__in=units, period__range=(start, end), count__gt=0
    ).values_list("unit_id", "period", "element", "total", "count"):
        totals[(u, p)][element] = (total, count)
    rows = []
    for (u, p), elements in sorted(totals.items()):
        n = respondents.get((u, p), 0)
        if n >= min_respondents:
            rows.append((u, p, ikm_from_totals(elements, n_respondents=n).nik_unrounded))
    return Panel(treated_from, comparison, rows)


@dataclass(frozen=True)
class IndicatorPanel:
    definition_id: int
    name: str
    unit_of_measure: str
    lower_is_better: bool
    panel: Panel


def indicator_panels(
    treated_from: dict[int, dt.date], comparison: list[int], *, months_around: int
) -> list[IndicatorPanel]:
    """Every unit indicator (except IKM, which comes from the SKM) reported by a trained unit,
    as a panel over the same window."""
    if not treated_from:
        return []
    start, end = _window(treated_from, months_around)
    units = [*treated_from, *comparison]
    actuals = (
        IndicatorActual.objects.filter(
            unit_id__in=units,
            period__range=(start, end),
            definition__in=IndicatorActual.objects.filter(unit_id__in=list(treated_from))
            .exclude(definition__kind=IndicatorKind.IKM)
            .values("definition_id"),
        )
        .values_list(
            "definition_id",
            "definition__name",
            "definition__unit_of_measure",
            "definition__direction",
            "unit_id",
            "period",
            "value",
        )
        .order_by("definition_id", "unit_id", "period")
    )
    panels: dict[int, IndicatorPanel] = {}
    for definition, name, measure, direction, unit, period, value in actuals:
        if definition not in panels:
            panels[definition] = IndicatorPanel(
                definition,
                name,
                measure,
                direction == Direction.LOWER_IS_BETTER,
                Panel(treated_from, comparison, []),
            )
        panels[definition].panel.rows.append((unit, period, float(value)))
    return list(panels.values())


# --- L5 benefits ----------------------------------------------------------------------------------


def benefit_claims_for(cohorts: QuerySet[Cohort], *, cohort_level_only: bool) -> list[BenefitClaim]:
    """Monetised benefit claims of the cohorts (and, unless `cohort_level_only`, the
    program-wide claims of their programs), with their uncertainty ranges (decision 0011)."""
    ids = cohorts.values("pk")
    benefits = MonetisedBenefit.objects.filter(cohort__in=ids)
    if not cohort_level_only:
        benefits = benefits | MonetisedBenefit.objects.filter(
            cohort__isnull=True, program__in=cohorts.values("program_id")
        )
    return benefit_claims(list(benefits.order_by("pk")))
