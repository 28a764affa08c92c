"""Reads on participant assessment: who may rate whom, the cohort's grid of scores and
attitude ratings, moderation flags, and a person's results."""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q, QuerySet

from sieva.analysis.indices.development import SATISFACTORY_OR_ABOVE
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
    RaterKind,
)
from sieva.programs.models import Cohort, CohortStatus, Enrollment, FacilitatorRole, Session
from sieva.programs.selectors.participation import REGISTERED_STATUSES

PEERS_PER_PARTICIPANT = 3
ATTITUDE_SCALE = 20  # a 1–5 mean × 20 gives a 20–100 score beside the technical components
RATING_WINDOW_DAYS = 60  # after a cohort ends, raters still have this long to rate


def participants(cohort: Cohort) -> QuerySet[Enrollment]:
    """Enrollments of people who took their place, by name."""
    return (
        Enrollment.objects.filter(cohort=cohort, status__in=REGISTERED_STATUSES)
        .select_related("employee__unit")
        .order_by("employee__name", "pk")
    )


def peer_assignments(cohort: Cohort) -> dict[int, list[int]]:
    """Each participant's enrollment id → the employee ids of the peers who rate them: the next
    three participants in a fixed (enrollment id) order, wrapping round, so everyone rates and
    is rated by three peers."""
    people = list(
        Enrollment.objects.filter(cohort=cohort, status__in=REGISTERED_STATUSES)
        .order_by("pk")
        .values_list("pk", "employee_id")
    )
    n = len(people)
    count = min(PEERS_PER_PARTICIPANT, n - 1)
    return {
        pk: [people[(i + k) % n][1] for k in range(1, count + 1)]
        for i, (pk, _employee) in enumerate(people)
    }


def facilitators(cohort: Cohort) -> dict[int, str]:
    """Employees who lead a session of the cohort → facilitator or coach."""
    found: dict[int, str] = {}
    for employee_id, role in Session.objects.filter(
        cohort=cohort, facilitator__isnull=False
    ).values_list("facilitator_id", "facilitator_role"):
        kind = RaterKind.COACH if role == FacilitatorRole.COACH else RaterKind.FACILITATOR
        found.setdefault(employee_id, kind)
    return found


def rater_kind_for(rater_id: int, enrollment: Enrollment) -> str | None:
    """How `rater_id` may rate the participant of `enrollment`, or None (not a rater)."""
    if rater_id == enrollment.employee_id:
        return None
    kind = facilitators(enrollment.cohort).get(rater_id)
    if kind is not None:
        return kind
    if rater_id in peer_assignments(enrollment.cohort).get(enrollment.pk, []):
        return RaterKind.PEER
    return None


def _attitude_cohorts(today: dt.date) -> QuerySet[Cohort]:
    return Cohort.objects.filter(
        Q(status=CohortStatus.RUNNING)
        | Q(
            status=CohortStatus.FINISHED,
            end_date__gte=today - dt.timedelta(days=RATING_WINDOW_DAYS),
        ),
        assessment__components__kind=ComponentKind.ATTITUDE,
    ).distinct()


@dataclass(frozen=True)
class RatingTask:
    enrollment: Enrollment
    rater_kind: str
    done: bool

    @property
    def rater_label(self) -> str:
        return str(RaterKind(self.rater_kind).label)


def rating_tasks(employee_id: int, today: dt.date) -> list[RatingTask]:
    """Participants this employee is to rate (as facilitator, coach or peer) in cohorts that
    run or ended in the last 60 days and assess attitude."""
    cohorts = _attitude_cohorts(today)
    led = set(
        Session.objects.filter(cohort__in=cohorts, facilitator_id=employee_id).values_list(
            "cohort_id", flat=True
        )
    )
    own = set(
        Enrollment.objects.filter(
            cohort__in=cohorts, employee_id=employee_id, status__in=REGISTERED_STATUSES
        ).values_list("cohort_id", flat=True)
    )
    done = set(
        AttitudeRating.objects.filter(rater_id=employee_id).values_list("enrollment_id", flat=True)
    )
    tasks = []
    for cohort in Cohort.objects.filter(pk__in=led | own).select_related("program"):
        kinds = facilitators(cohort)
        peers = peer_assignments(cohort) if cohort.pk in own else {}
        for enrollment in participants(cohort).select_related("cohort__program"):
            if enrollment.employee_id == employee_id:
                continue
            kind = kinds.get(employee_id) if cohort.pk in led else None
            if kind is None and employee_id in peers.get(enrollment.pk, []):
                kind = RaterKind.PEER
            if kind is not None:
                tasks.append(RatingTask(enrollment, kind, enrollment.pk in done))
    return tasks


@dataclass(frozen=True)
class AttitudeSummary:
    """A participant's attitude ratings: each rater's mean (1–5), their mean, the spread
    between raters and whether it calls for moderation."""

    raters: int
    rater_means: tuple[float, ...]
    value_means: dict[str, float]
    mean: float | None
    spread: float | None

    @property
    def score(self) -> float | None:
        """The 1–5 mean on the 0–100 scale of the other components."""
        return None if self.mean is None else self.mean * ATTITUDE_SCALE

    @property
    def disputed(self) -> bool:
        return self.spread is not None and self.spread > settings.SIEVA_RATER_DISAGREEMENT


def attitude_summaries(enrollment_ids: Iterable[int]) -> dict[int, AttitudeSummary]:
    ratings: dict[int, list[dict[str, int]]] = defaultdict(list)
    ids = list(enrollment_ids)
    for enrollment_id, scores in AttitudeRating.objects.filter(enrollment__in=ids).values_list(
        "enrollment_id", "scores"
    ):
        ratings[enrollment_id].append(scores)
    out = {}
    for pk in ids:
        rows = ratings[pk]
        means = tuple(sum(r.values()) / len(r) for r in rows if r)
        value_means = {
            value: sum(r[value] for r in rows) / len(rows)
            for value in CoreValue.values
            if rows and all(value in r for r in rows)
        }
        out[pk] = AttitudeSummary(
            raters=len(means),
            rater_means=means,
            value_means=value_means,
            mean=sum(means) / len(means) if means else None,
            spread=max(means) - min(means) if len(means) >= 2 else None,
        )
    return out


@dataclass(frozen=True)
class ParticipantRow:
    enrollment: Enrollment
    scores: dict[int, ComponentScore]
    attitude: AttitudeSummary
    result: AssessmentResult | None
    open_appeal: Appeal | None


@dataclass(frozen=True)
class CohortAssessment:
    plan: AssessmentPlan | None
    components: list[AssessmentComponent]
    total_weight: float
    rows: list[ParticipantRow]

    @property
    def has_attitude(self) -> bool:
        return any(c.kind == ComponentKind.ATTITUDE for c in self.components)

    @property
    def technical(self) -> list[AssessmentComponent]:
        return [c for c in self.components if c.kind != ComponentKind.ATTITUDE]


def cohort_assessment(cohort: Cohort) -> CohortAssessment:
    """The plan, every participant's scores, attitude summary, result and open appeal."""
    plan = AssessmentPlan.objects.filter(cohort=cohort).first()
    components = list(plan.components.all()) if plan else []
    enrollments = list(participants(cohort))
    ids = [e.pk for e in enrollments]
    scores: dict[int, dict[int, ComponentScore]] = defaultdict(dict)
    for score in ComponentScore.objects.filter(component__in=components, enrollment__in=ids):
        scores[score.enrollment_id][score.component_id] = score
    results = {r.enrollment_id: r for r in AssessmentResult.objects.filter(enrollment__in=ids)}
    appeals = {
        a.result.enrollment_id: a
        for a in Appeal.objects.filter(
            result__enrollment__in=ids, status=AppealStatus.OPEN
        ).select_related("result")
    }
    attitude = attitude_summaries(ids)
    rows = [
        ParticipantRow(e, scores[e.pk], attitude[e.pk], results.get(e.pk), appeals.get(e.pk))
        for e in enrollments
    ]
    total = float(sum(c.weight for c in components))
    return CohortAssessment(plan, components, total, rows)


def results_of(employee_id: int) -> QuerySet[AssessmentResult]:
    """A person's results, newest cohort first, with their appeals."""
    return (
        AssessmentResult.objects.filter(enrollment__employee_id=employee_id)
        .select_related("enrollment__cohort__program")
        .prefetch_related("appeals")
        .order_by("-enrollment__cohort__start_date")
    )


@dataclass(frozen=True)
class ResultSummary:
    """Final scores of the cohorts' participants and how many reached Memuaskan or above."""

    scores: list[float]
    satisfactory: int


def result_summary(cohorts: QuerySet[Cohort]) -> ResultSummary:
    rows = AssessmentResult.objects.filter(enrollment__cohort__in=cohorts).values_list(
        "final_score", "qualification"
    )
    scores = [(float(score), q) for score, q in rows]
    return ResultSummary(
        [s for s, _q in scores],
        sum(1 for _s, q in scores if q in SATISFACTORY_OR_ABOVE),
    )
