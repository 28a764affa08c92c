"""Which cohorts count for which figure — the one place the rule lives (decision 0045).

- Every figure of an evaluation (participation, completion and pass rates, reactions,
  learning, behaviour, results, budget realisation, unit costs, ROI) counts *finished*
  cohorts only (status Selesai): a planned cohort has spent nothing yet and a running one has
  passed nobody yet, so either would pull realisation, pass rate and effects down.
- Planned, open and running cohorts are *pending*: listed apart with what they hold so far
  (people invited, budget planned and realised), never mixed into a figure.
- A pending cohort whose end date has passed is *overdue*: its status was not brought up to
  date. That is a data-quality finding; the cohort still does not count until it is closed.
- Cancelled cohorts never count and are not listed.

The evaluation engine, the report (web, PDF, DOCX, XLSX) and the stored dashboard summaries
all read their cohorts through `evaluated` and `pending_cohorts`.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, QuerySet, Sum

from sieva.programs.models import BudgetLine, Cohort, CohortStatus, Enrollment

EVALUATED_STATUSES = (CohortStatus.FINISHED,)
PENDING_STATUSES = (CohortStatus.PLANNED, CohortStatus.OPEN, CohortStatus.RUNNING)


def evaluated(cohorts: QuerySet[Cohort]) -> QuerySet[Cohort]:
    """The cohorts of `cohorts` whose figures count: the finished ones."""
    return cohorts.filter(status__in=EVALUATED_STATUSES)


@dataclass(frozen=True)
class PendingCohort:
    """A cohort left out of the figures, with why (its status) and what it holds so far."""

    cohort_id: int
    program: str
    name: str
    start_date: dt.date
    end_date: dt.date
    status: str  # CohortStatus code
    invited: int
    planned: Decimal
    realised: Decimal
    overdue: bool  # ended before today but still planned, open or running


def pending_cohorts(cohorts: QuerySet[Cohort], today: dt.date) -> tuple[PendingCohort, ...]:
    """The planned, open and running cohorts of `cohorts`, oldest first; three queries."""
    pending = list(
        cohorts.filter(status__in=PENDING_STATUSES)
        .select_related("program")
        .order_by("start_date", "name", "pk")
    )
    if not pending:
        return ()
    ids = [c.pk for c in pending]
    invited = dict(
        Enrollment.objects.filter(cohort_id__in=ids)
        .values_list("cohort_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    money = {
        row["cohort_id"]: (row["planned"] or Decimal(0), row["realised"] or Decimal(0))
        for row in BudgetLine.objects.filter(cohort_id__in=ids)
        .values("cohort_id")
        .annotate(planned=Sum("planned"), realised=Sum("realised"))
        .order_by()
    }
    return tuple(
        PendingCohort(
            cohort_id=c.pk,
            program=c.program.name,
            name=c.name,
            start_date=c.start_date,
            end_date=c.end_date,
            status=c.status,
            invited=invited.get(c.pk, 0),
            planned=money.get(c.pk, (Decimal(0), Decimal(0)))[0],
            realised=money.get(c.pk, (Decimal(0), Decimal(0)))[1],
            overdue=c.end_date < today,
        )
        for c in pending
    )
