"""What an evaluation is about: a program, a cohort, an organisation node (instansi or
region), a period and a program kind — always inside the user's own subtree."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from sieva.org.access import Access, scope_queryset
from sieva.org.models import OrgUnit
from sieva.programs.inclusion import evaluated
from sieva.programs.models import Cohort, CohortStatus


@dataclass(frozen=True)
class Scope:
    """Filters that narrow the cohorts evaluated; None means "all in the user's subtree".

    A node selects the programs owned in that subtree (the organiser's region or instansi).
    The period selects cohorts by their start date, as the participation report does.
    """

    program_id: int | None = None
    cohort_id: int | None = None
    node: OrgUnit | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    program_kind: str = ""

    def describe(self) -> str:
        parts = []
        if self.node is not None:
            parts.append(self.node.name)
        if self.start or self.end:
            start = self.start.isoformat() if self.start else "…"
            end = self.end.isoformat() if self.end else "…"
            parts.append(_("periode %(start)s s.d. %(end)s") % {"start": start, "end": end})
        return ", ".join(parts)


def cohorts_in_scope(access: Access, scope: Scope) -> QuerySet[Cohort]:
    """Every cohort of the scope but the cancelled ones, whatever its status; the figures
    count only `evaluated_in_scope` (sieva.programs.inclusion)."""
    cohorts = scope_queryset(
        Cohort.objects.exclude(status=CohortStatus.CANCELLED), access, "program__owner"
    )
    if scope.cohort_id is not None:
        cohorts = cohorts.filter(pk=scope.cohort_id)
    if scope.program_id is not None:
        cohorts = cohorts.filter(program_id=scope.program_id)
    if scope.node is not None:
        cohorts = cohorts.filter(program__owner__path__startswith=scope.node.path)
    if scope.start is not None:
        cohorts = cohorts.filter(start_date__gte=scope.start)
    if scope.end is not None:
        cohorts = cohorts.filter(start_date__lte=scope.end)
    if scope.program_kind:
        cohorts = cohorts.filter(program__kind=scope.program_kind)
    return cohorts


def evaluated_in_scope(access: Access, scope: Scope) -> QuerySet[Cohort]:
    """The cohorts whose figures count: the finished ones of the scope."""
    return evaluated(cohorts_in_scope(access, scope))
