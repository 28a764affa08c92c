"""Reads for the attendance grid: one page of participants at a time, totals over everyone.

A cohort of 262 people x 8 sessions rendered in one page was 1.6 MB; a page holds
`ATTENDANCE_PAGE_SIZE` participants (searchable by name or NIP) and the per-session totals
come from one aggregate query, so the page costs the same whatever the cohort's size.
"""

import re
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from sieva.programs.models import Attendance, Cohort, Enrollment, Session
from sieva.programs.selectors.cohorts import MatrixCell, MatrixRow, cohort_sessions

ATTENDANCE_PAGE_SIZE = 50


@dataclass(frozen=True)
class AttendancePage:
    sessions: list[Session]  # each with `is_future`
    rows: list[MatrixRow]
    totals: list[int]  # participants present per session, over the whole cohort
    page: Page  # type: ignore[type-arg]
    query: str


def _sessions(cohort: Cohort) -> list[Session]:
    today = timezone.localdate()
    sessions = cohort_sessions(cohort)
    for session in sessions:
        session.is_future = session.date > today  # type: ignore[attr-defined]
    return sessions


def session_totals(cohort: Cohort, sessions: list[Session]) -> list[int]:
    """How many participants attended each of `sessions`, in order (one query)."""
    counts = dict(
        Attendance.objects.filter(session__cohort=cohort)
        .order_by()
        .values_list("session_id")
        .annotate(n=Count("pk"))
        .values_list("session_id", "n")
    )
    return [counts.get(s.pk, 0) for s in sessions]


def _rows(sessions: list[Session], enrollments: list[Enrollment]) -> list[MatrixRow]:
    present = set(
        Attendance.objects.filter(enrollment__in=[e.pk for e in enrollments]).values_list(
            "enrollment_id", "session_id"
        )
    )
    return [
        MatrixRow(e, [MatrixCell(s, e, (e.pk, s.pk) in present) for s in sessions])
        for e in enrollments
    ]


def _matching(cohort: Cohort, query: str) -> QuerySet[Enrollment]:
    enrollments = cohort.enrollments.select_related("employee").order_by(
        "employee__name", "employee__nip"
    )
    query = query.strip()
    if not query:
        return enrollments
    digits = re.sub(r"[\s.\-]", "", query)
    if digits.isdigit():
        return enrollments.filter(employee__nip__startswith=digits)
    return enrollments.filter(Q(employee__name__icontains=query))


def attendance_page(cohort: Cohort, *, query: str = "", page: str | None = None) -> AttendancePage:
    """One page of the grid (five queries whatever the cohort's size)."""
    sessions = _sessions(cohort)
    paginator = Paginator(_matching(cohort, query), ATTENDANCE_PAGE_SIZE)
    current = paginator.get_page(page)
    return AttendancePage(
        sessions=sessions,
        rows=_rows(sessions, list(current.object_list)),
        totals=session_totals(cohort, sessions),
        page=current,
        query=query,
    )


def attendance_row(cohort: Cohort, enrollment: Enrollment) -> AttendancePage:
    """The grid reduced to one participant's row, after a tick (three queries)."""
    sessions = _sessions(cohort)
    page = Paginator([enrollment], 1).get_page(1)
    return AttendancePage(
        sessions=sessions,
        rows=_rows(sessions, [enrollment]),
        totals=session_totals(cohort, sessions),
        page=page,
        query="",
    )
