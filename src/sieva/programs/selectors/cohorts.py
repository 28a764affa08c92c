"""Reads for a cohort's pages: facts, participants, attendance matrix, funnel and budget.

Budget figures (decision 0004):
- realisation % = Σ realised / Σ planned × 100 ("—" without a plan);
- cost per participant = Σ realised / attended participants;
- cost per JP delivered = Σ realised / (attended participants × the cohort's JP), the cohort's
  JP being Σ JP of its sessions: what one scheduled hour cost per person who came;
- cost per JP received = Σ realised / Σ JP actually earned by the attendees (decision 0005,
  the figure of the participation report), higher than the former when people miss sessions.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _

from sieva.programs.fields import format_rupiah
from sieva.programs.models import (
    Attendance,
    BudgetLine,
    Cohort,
    CostCategory,
    Enrollment,
    EnrollmentStatus,
    Session,
)
from sieva.programs.selectors._common import percent, rupiah
from sieva.programs.selectors.participation import Funnel, funnel_total


def cohort_funnel(cohort: Cohort) -> Funnel:
    """Invited → registered → attended → completed for the cohort (decision 0002), one query."""
    return funnel_total(Enrollment.objects.filter(cohort=cohort))


def participation_pct(funnel: Funnel) -> float | None:
    """Attended / invited as a percentage with one decimal; None when nobody was invited."""
    return percent(funnel.attended, funnel.invited)


def completion_pct(funnel: Funnel) -> float | None:
    return percent(funnel.completed, funnel.attended)


def cohort_sessions(cohort: Cohort) -> list[Session]:
    return list(
        cohort.sessions.select_related("subject", "facilitator").order_by(
            "date", "start_time", "pk"
        )
    )


def cohort_enrollments(cohort: Cohort) -> list[Enrollment]:
    """Participants with employee and unit, and `sessions_attended` / `jp_attended` (one query)."""
    return list(
        cohort.enrollments.select_related("employee__unit")
        .annotate(
            sessions_attended=Count("attendances"),
            jp_attended=Sum("attendances__session__jp"),
        )
        .order_by("employee__name", "employee__nip")
    )


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str
    count: int


def status_counts(cohort: Cohort) -> list[StatusCount]:
    """How many participants hold each status, every status listed (one query)."""
    counts = dict(
        cohort.enrollments.order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return [StatusCount(s.value, str(s.label), counts.get(s.value, 0)) for s in EnrollmentStatus]


OVERSPENT = _("%(label)s: realisasi Rp %(realised)s melebihi rencana Rp %(planned)s (%(pct)s %%).")
OVERSPENT_FAR = _(
    "%(label)s: realisasi Rp %(realised)s adalah %(pct)s %% dari rencana Rp %(planned)s; "
    "periksa kembali angkanya."
)
# Beyond this share of the plan a figure is more likely a typing slip than an overspend.
FAR_OVER_PCT = 150


def overspend_warning(label: str, planned: Decimal, realised: Decimal) -> str:
    """A warning when `realised` exceeds `planned` (saved anyway; budgets do overrun), or ""."""
    if realised <= planned:
        return ""
    pct = percent(realised, planned)
    template = OVERSPENT_FAR if pct is None or pct > FAR_OVER_PCT else OVERSPENT
    return str(template) % {
        "label": label,
        "realised": format_rupiah(realised),
        "planned": format_rupiah(planned),
        "pct": "—" if pct is None else f"{pct:.1f}".replace(".", ","),
    }


@dataclass(frozen=True)
class BudgetRow:
    category: str
    label: str
    line: BudgetLine | None

    @property
    def realisation_pct(self) -> float | None:
        return percent(self.line.realised, self.line.planned) if self.line else None

    @property
    def warning(self) -> str:
        if self.line is None:
            return ""
        return overspend_warning(self.label, self.line.planned, self.line.realised)


@dataclass(frozen=True)
class BudgetSummary:
    rows: list[BudgetRow]
    planned: Decimal
    realised: Decimal
    attended: int
    cohort_jp: Decimal
    jp_earned: Decimal

    @property
    def has_lines(self) -> bool:
        return any(row.line for row in self.rows)

    @property
    def warnings(self) -> list[str]:
        """One warning per cost category whose realisation exceeds its plan."""
        return [row.warning for row in self.rows if row.warning]

    @property
    def realisation_pct(self) -> float | None:
        return percent(self.realised, self.planned)

    @property
    def cost_per_participant(self) -> Decimal | None:
        return rupiah(self.realised, self.attended) if self.has_lines else None

    @property
    def cost_per_jp_delivered(self) -> Decimal | None:
        return rupiah(self.realised, self.attended * self.cohort_jp) if self.has_lines else None

    @property
    def cost_per_jp_earned(self) -> Decimal | None:
        return rupiah(self.realised, self.jp_earned) if self.has_lines else None


def budget_summary(cohort: Cohort, funnel: Funnel, sessions: list[Session]) -> BudgetSummary:
    """Planned vs realised per category and the unit costs (two queries)."""
    lines = {line.category: line for line in cohort.budget_lines.all()}
    earned = Attendance.objects.filter(enrollment__cohort=cohort).aggregate(jp=Sum("session__jp"))[
        "jp"
    ]
    return BudgetSummary(
        rows=[BudgetRow(c.value, str(c.label), lines.get(c.value)) for c in CostCategory],
        planned=sum((line.planned for line in lines.values()), Decimal("0")),
        realised=sum((line.realised for line in lines.values()), Decimal("0")),
        attended=funnel.attended,
        cohort_jp=sum((s.jp for s in sessions), Decimal("0")),
        jp_earned=earned or Decimal("0"),
    )


@dataclass(frozen=True)
class CohortPage:
    cohort: Cohort
    sessions: list[Session]
    cohort_jp: Decimal
    curriculum_jp: Decimal
    funnel: Funnel
    statuses: list[StatusCount]
    enrollments: list[Enrollment] | None  # None for roles without personal data
    budget: BudgetSummary

    @property
    def participation_pct(self) -> float | None:
        return participation_pct(self.funnel)

    @property
    def completion_pct(self) -> float | None:
        return completion_pct(self.funnel)

    @property
    def jp_over_curriculum(self) -> bool:
        """Sessions scheduling more JP than the curriculum holds: warned, not refused."""
        return bool(self.curriculum_jp) and self.cohort_jp > self.curriculum_jp

    @property
    def seats_taken(self) -> int:
        return self.funnel.invited - self.funnel.withdrawn


def cohort_page(cohort: Cohort, *, personal: bool) -> CohortPage:
    """Everything the cohort page shows; participants only when `personal` (7 or 6 queries)."""
    sessions = cohort_sessions(cohort)
    funnel = cohort_funnel(cohort)
    curriculum = cohort.program.subjects.aggregate(jp=Sum("jp"))["jp"] or Decimal("0")
    return CohortPage(
        cohort=cohort,
        sessions=sessions,
        cohort_jp=sum((s.jp for s in sessions), Decimal("0")),
        curriculum_jp=curriculum,
        funnel=funnel,
        statuses=status_counts(cohort),
        enrollments=cohort_enrollments(cohort) if personal else None,
        budget=budget_summary(cohort, funnel, sessions),
    )


@dataclass(frozen=True)
class MatrixCell:
    session: Session
    enrollment: Enrollment
    present: bool


@dataclass(frozen=True)
class MatrixRow:
    enrollment: Enrollment
    cells: list[MatrixCell]

    @property
    def sessions_attended(self) -> int:
        return sum(1 for cell in self.cells if cell.present)

    @property
    def jp_attended(self) -> Decimal:
        return sum((cell.session.jp for cell in self.cells if cell.present), Decimal("0"))


@dataclass(frozen=True)
class AttendanceMatrix:
    sessions: list[Session]
    rows: list[MatrixRow]

    @property
    def present_per_session(self) -> list[int]:
        """How many participants attended each session, in `sessions` order."""
        return [
            sum(1 for row in self.rows if row.cells[i].present) for i in range(len(self.sessions))
        ]


def attendance_matrix(cohort: Cohort) -> AttendanceMatrix:
    """Participants × sessions with a presence flag per cell (three queries in all)."""
    sessions = cohort_sessions(cohort)
    enrollments = list(
        cohort.enrollments.select_related("employee__unit").order_by(
            "employee__name", "employee__nip"
        )
    )
    present = set(
        Attendance.objects.filter(enrollment__cohort=cohort).values_list(
            "enrollment_id", "session_id"
        )
    )
    return AttendanceMatrix(
        sessions=sessions,
        rows=[
            MatrixRow(e, [MatrixCell(s, e, (e.pk, s.pk) in present) for s in sessions])
            for e in enrollments
        ],
    )


def attendance_cell(session: Session, enrollment: Enrollment) -> MatrixCell:
    """One cell of the matrix, re-read after a change (one query)."""
    present = Attendance.objects.filter(session=session, enrollment=enrollment).exists()
    return MatrixCell(session, enrollment, present)
