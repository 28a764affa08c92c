"""Reads for the program list and a program's page."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import (
    Count,
    DecimalField,
    Exists,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from sieva.org.access import Access
from sieva.org.models import OrgUnit
from sieva.programs.access import programs_for_user
from sieva.programs.models import Cohort, Enrollment, Program, Session, Subject
from sieva.programs.selectors._common import percent
from sieva.programs.selectors.participation import EMPTY_FUNNEL, Funnel, funnel_by

_JP = DecimalField(max_digits=9, decimal_places=1)


def _sum_jp(model: type[Subject] | type[Session], link: str) -> Coalesce:
    total = (
        model.objects.filter(**{link: OuterRef("pk")})
        .order_by()
        .values(link)
        .annotate(total=Sum("jp"))
        .values("total")
    )
    return Coalesce(Subquery(total, output_field=_JP), Value(Decimal("0")), output_field=_JP)


@dataclass(frozen=True)
class ProgramFilter:
    q: str = ""
    kind: str = ""
    mode: str = ""
    year: int | None = None
    status: str = ""
    owner: OrgUnit | None = None


def program_list(access: Access, filters: ProgramFilter | None = None) -> QuerySet[Program]:
    """Programs in the user's subtree with `cohort_count` and `total_jp` (curriculum), one query.

    The owner filter keeps the chosen node and everything below it; year and status keep
    programs with at least one cohort starting in that year and/or holding that status.
    """
    filters = filters or ProgramFilter()
    programs = programs_for_user(access).annotate(
        cohort_count=Count("cohorts"), total_jp=_sum_jp(Subject, "program")
    )
    if filters.q:
        programs = programs.filter(Q(name__icontains=filters.q) | Q(code__icontains=filters.q))
    if filters.kind:
        programs = programs.filter(kind=filters.kind)
    if filters.mode:
        programs = programs.filter(mode=filters.mode)
    if filters.owner is not None:
        programs = programs.filter(owner__path__startswith=filters.owner.path)
    if filters.year is not None or filters.status:
        # A subquery, not a join: a join would multiply the cohort count it annotates.
        cohorts = Cohort.objects.filter(program=OuterRef("pk"))
        if filters.year is not None:
            cohorts = cohorts.filter(start_date__year=filters.year)
        if filters.status:
            cohorts = cohorts.filter(status=filters.status)
        programs = programs.filter(Exists(cohorts))
    return programs.order_by("name", "pk")


def program_export_rows(programs: QuerySet[Program]) -> list[tuple[Any, ...]]:
    """The rows of the program list export, in `program_export_headers()` order."""
    return [
        (
            p.code,
            p.name,
            p.get_kind_display(),
            p.get_mode_display(),
            p.owner.name,
            p.cohort_count,  # type: ignore[attr-defined]
            p.total_jp,  # type: ignore[attr-defined]
        )
        for p in programs
    ]


def program_export_headers() -> list[str]:
    return [
        _("Kode"),
        _("Nama program"),
        _("Jenis"),
        _("Moda"),
        _("Pemilik"),
        _("Angkatan"),
        _("Total JP"),
    ]


@dataclass(frozen=True)
class CohortRow:
    cohort: Cohort
    scheduled_jp: Decimal
    funnel: Funnel

    @property
    def participation_pct(self) -> float | None:
        return percent(self.funnel.attended, self.funnel.invited)


@dataclass(frozen=True)
class ProgramDetail:
    program: Program
    subjects: list[Subject]
    total_jp: Decimal
    cohorts: list[CohortRow]


def program_detail(program: Program) -> ProgramDetail:
    """The program's curriculum with its JP total and its cohorts with their funnels (3 queries)."""
    subjects = list(program.subjects.order_by("order", "pk"))
    cohorts = program.cohorts.annotate(scheduled_jp=_sum_jp(Session, "cohort"))
    funnels = {
        key["cohort_id"]: funnel
        for key, funnel in funnel_by(
            Enrollment.objects.filter(cohort__program=program), "cohort_id"
        )
    }
    return ProgramDetail(
        program=program,
        subjects=subjects,
        total_jp=sum((s.jp for s in subjects), Decimal("0")),
        cohorts=[
            CohortRow(c, c.scheduled_jp, funnels.get(c.pk, EMPTY_FUNNEL))  # type: ignore[attr-defined]
            for c in cohorts.order_by("-start_date", "name")
        ],
    )
