"""The participation store: the funnel per cohort, participant's unit and absence reason
(`ParticipationCell`), kept equal to what enrollment and attendance give (decision 0069).

Every write that changes a funnel calls `participation_refresh` inside its own transaction:
adding, removing or moving an enrollment through its statuses, ticking attendance, LMS /
xAPI records and completion imports, approved outside learning, re-weighing a session's JP,
and moving employees to another unit (`sieva.org.hooks`, registered in `apps.py`). A refresh
recomputes the named cohorts' cells from their enrollments — the definitions of
`selectors.participation` — so the store holds no increment that could drift.
`participation_store_compare` recomputes everything and lists each difference
(`sieva rebuild_participation`); `participation_store_rebuild` rewrites the store.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import F, QuerySet, Sum

from sieva.programs.models import (
    Attendance,
    Cohort,
    Enrollment,
    ParticipationCell,
)
from sieva.programs.selectors.participation import FUNNEL_COUNTS, with_attendance

CHUNK = 500  # cohorts per refresh statement: well under every database's parameter limit
BATCH = 2000
ZERO = Decimal("0")

CellKey = tuple[int, int, str]  # cohort, participant's unit, absence reason
# invited, registered, attended, completed, withdrawn, person JP
Counts = tuple[int, int, int, int, int, Decimal]


def expected_cells(enrollments: QuerySet[Any], attendance: QuerySet[Any]) -> dict[CellKey, Counts]:
    """The cells of `enrollments` (with `attendance`: the attendance rows of those same
    enrollments), two grouped queries counting the funnel as `selectors.participation`
    defines it. Works on the historical models of a migration too."""
    key = {
        "c": F("cohort_id"),
        "u": F("employee__unit_id"),
        "r": F("absence_reason"),
    }
    counted = (
        with_attendance(enrollments, attendance.model)
        .values(**key)
        .annotate(**FUNNEL_COUNTS)
        .order_by()
    )
    earned = {
        (row["c"], row["u"], row["r"]): Decimal(row["jp"] or ZERO)
        for row in attendance.values(
            c=F("enrollment__cohort_id"),
            u=F("enrollment__employee__unit_id"),
            r=F("enrollment__absence_reason"),
        )
        .annotate(jp=Sum("session__jp"))
        .order_by()
    }
    return {
        (row["c"], row["u"], row["r"]): (
            row["invited"],
            row["registered"],
            row["attended"],
            row["completed"],
            row["withdrawn"],
            earned.get((row["c"], row["u"], row["r"]), ZERO),
        )
        for row in counted.iterator(chunk_size=10_000)
    }


def store_cells(cell_model: Any, cells: dict[CellKey, Counts]) -> None:
    cell_model.objects.bulk_create(
        (
            cell_model(
                cohort_id=cohort,
                unit_id=unit,
                absence_reason=reason,
                invited=invited,
                registered=registered,
                attended=attended,
                completed=completed,
                withdrawn=withdrawn,
                person_jp=jp,
            )
            for (cohort, unit, reason), (
                invited,
                registered,
                attended,
                completed,
                withdrawn,
                jp,
            ) in cells.items()
        ),
        batch_size=BATCH,
    )


def participation_refresh(*, cohort_ids: Iterable[int]) -> None:
    """Recompute the stored funnel of `cohort_ids` from their enrollments and attendance.

    Call it inside the transaction of the write that changed them; the cohorts' rows are
    locked first so two writes for one cohort queue up instead of both inserting its cells.
    """
    ids = sorted(set(cohort_ids))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        with transaction.atomic():
            list(Cohort.objects.select_for_update().filter(pk__in=chunk).values_list("pk"))
            cells = expected_cells(
                Enrollment.objects.filter(cohort_id__in=chunk),
                Attendance.objects.filter(enrollment__cohort_id__in=chunk),
            )
            ParticipationCell.objects.filter(cohort_id__in=chunk).delete()
            store_cells(ParticipationCell, cells)


def participation_refresh_employees(employee_ids: Iterable[int]) -> None:
    """Recompute the cohorts in which `employee_ids` are enrolled (after they moved unit)."""
    ids = sorted(set(employee_ids))
    cohorts: set[int] = set()
    for start in range(0, len(ids), CHUNK):
        cohorts.update(
            Enrollment.objects.filter(employee_id__in=ids[start : start + CHUNK]).values_list(
                "cohort_id", flat=True
            )
        )
    participation_refresh(cohort_ids=cohorts)


@dataclass(frozen=True)
class Difference:
    """One stored cell that differs from the recomputation (None: missing or extra)."""

    key: CellKey
    stored: Counts | None
    expected: Counts | None


def participation_store_compare() -> list[Difference]:
    """Every cell whose stored counts do not match enrollment and attendance."""
    expected = expected_cells(Enrollment.objects.all(), Attendance.objects.all())
    stored: dict[CellKey, Counts] = {
        (c, u, r): (i, reg, a, done, w, jp)
        for c, u, r, i, reg, a, done, w, jp in ParticipationCell.objects.values_list(
            "cohort_id",
            "unit_id",
            "absence_reason",
            "invited",
            "registered",
            "attended",
            "completed",
            "withdrawn",
            "person_jp",
        ).iterator(chunk_size=10_000)
    }
    return [
        Difference(key, stored.get(key), expected.get(key))
        for key in sorted(expected.keys() | stored.keys())
        if expected.get(key) != stored.get(key)
    ]


@transaction.atomic
def participation_store_rebuild() -> int:
    """Replace the whole store by the recomputation; the number of cells written."""
    cells = expected_cells(Enrollment.objects.all(), Attendance.objects.all())
    ParticipationCell.objects.all().delete()
    store_cells(ParticipationCell, cells)
    return len(cells)
