"""Participation funnel (L0): invited -> registered -> attended -> completed.

Definitions (docs/decisions/0002-participation-funnel.md):
- invited: every enrollment row, whatever its status;
- registered: status terdaftar, hadir, lulus or tidak lulus (accepted the place);
- attended: at least one attendance row;
- completed: status lulus;
- participation rate = attended / invited; completion rate = completed / attended.
"""

from collections.abc import Iterable
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum

from sieva.programs.models import Attendance, Enrollment, EnrollmentStatus, ParticipationCell

REGISTERED_STATUSES = (
    EnrollmentStatus.REGISTERED,
    EnrollmentStatus.ATTENDING,
    EnrollmentStatus.PASSED,
    EnrollmentStatus.FAILED,
)


@dataclass(frozen=True)
class Funnel:
    invited: int
    registered: int
    attended: int
    completed: int
    withdrawn: int

    @property
    def participation_rate(self) -> float | None:
        """Attended / invited, or None when nobody was invited."""
        return self.attended / self.invited if self.invited else None

    @property
    def completion_rate(self) -> float | None:
        """Completed / attended, or None when nobody attended."""
        return self.completed / self.attended if self.attended else None

    def __add__(self, other: "Funnel") -> "Funnel":
        # Every enrollment belongs to exactly one cohort, program and unit, so funnels of
        # disjoint groups add up stage by stage (rates are then recomputed, never averaged).
        return Funnel(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )


EMPTY_FUNNEL = Funnel(invited=0, registered=0, attended=0, completed=0, withdrawn=0)


def funnel_sum(funnels: Iterable[Funnel]) -> Funnel:
    """The funnel of the union of disjoint groups; `EMPTY_FUNNEL` for no groups."""
    total = EMPTY_FUNNEL
    for funnel in funnels:
        total = total + funnel
    return total


def with_attendance(
    enrollments: QuerySet[Any], attendance_model: Any = Attendance
) -> QuerySet[Any]:
    """`enrollments` annotated with `has_attended`, which `FUNNEL_COUNTS` counts
    (`attendance_model`: a migration's historical model, where one is used)."""
    return enrollments.annotate(
        has_attended=Exists(attendance_model.objects.filter(enrollment=OuterRef("pk")))
    )


# The stages of decision 0002 over enrollments annotated by `with_attendance`: the one
# definition, used live and by the participation store (decision 0069).
FUNNEL_COUNTS = {
    "invited": Count("pk"),
    "registered": Count("pk", filter=Q(status__in=REGISTERED_STATUSES)),
    "attended": Count("pk", filter=Q(has_attended=True)),
    "completed": Count("pk", filter=Q(status=EnrollmentStatus.PASSED)),
    "withdrawn": Count("pk", filter=Q(status=EnrollmentStatus.WITHDRAWN)),
}


def funnel_total(enrollments: QuerySet[Enrollment]) -> Funnel:
    """The funnel over all of `enrollments` in one query."""
    counts = with_attendance(enrollments).aggregate(**FUNNEL_COUNTS)
    return Funnel(**{key: counts[key] or 0 for key in FUNNEL_COUNTS})


def funnel_by(
    enrollments: QuerySet[Enrollment], *group_fields: str
) -> list[tuple[dict[str, Any], Funnel]]:
    """One funnel per distinct value of `group_fields` (e.g. ``"cohort__program_id"``), one query."""
    rows = (
        with_attendance(enrollments)
        .values(*group_fields)
        .annotate(**FUNNEL_COUNTS)
        .order_by(*group_fields)
    )
    return [
        (
            {field: row[field] for field in group_fields},
            Funnel(**{key: row[key] for key in FUNNEL_COUNTS}),
        )
        for row in rows
    ]


def stored_funnel_by(
    cells: QuerySet[ParticipationCell], *group_fields: str
) -> list[tuple[dict[str, Any], Funnel, Decimal]]:
    """One funnel per distinct value of `group_fields` from the participation store (decision
    0069), with the JP the attendees earned; the same figures as `funnel_by` on the
    enrollments behind `cells`, read from a few thousand cells instead of every enrollment."""
    rows = (
        cells.values(*group_fields)
        .annotate(**{stage: Sum(stage) for stage in FUNNEL_COUNTS}, jp=Sum("person_jp"))
        .order_by(*group_fields)
    )
    return [
        (
            {field: row[field] for field in group_fields},
            Funnel(**{stage: row[stage] or 0 for stage in FUNNEL_COUNTS}),
            Decimal(row["jp"] or 0),
        )
        for row in rows
    ]
