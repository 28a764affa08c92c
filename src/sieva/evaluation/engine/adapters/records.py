"""Administrative records for L0 participation and L5 cost and benefits: funnels,
non-participation reasons, budget, JP delivered and monetised benefit claims."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, QuerySet, Sum

from sieva.analysis.indices.roi import BenefitClaim
from sieva.indicators.models import (
    MonetisedBenefit,
)
from sieva.indicators.selectors.roi import benefit_claims
from sieva.programs.models import (
    Attendance,
    BudgetLine,
    Cohort,
    Enrollment,
    Session,
)
from sieva.programs.selectors.participation import Funnel, funnel_total

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
