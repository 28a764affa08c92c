"""What a report says about its scope besides the engine's figures: the programs and their
objectives, the cohorts and period, the instruments used, the letterhead and the cohort
chosen as the case study. Reads only; every query starts from the scoped cohorts."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count

from sieva.evaluation.engine.scope import Scope, evaluated_in_scope
from sieva.instruments.models import Campaign, Purpose, Response
from sieva.org.access import Access
from sieva.org.models import Employee, OrgUnit
from sieva.org.nip import format_nip
from sieva.programs.models import Cohort, Enrollment, EnrollmentStatus, Program
from sieva.reports.models import Letterhead

CASE_PURPOSES = (Purpose.REACTION, Purpose.TEST, Purpose.BEHAVIOUR)


@dataclass(frozen=True)
class InstrumentUse:
    title: str
    purpose: str  # code, e.g. "reaksi"
    purpose_label: str
    version: int
    campaigns: int
    responses: int


@dataclass(frozen=True)
class ScopeFacts:
    programs: list[Program]
    cohorts: list[Cohort]
    start: dt.date | None
    end: dt.date | None
    instruments: list[InstrumentUse]


def scope_facts(access: Access, scope: Scope) -> ScopeFacts:
    cohorts = evaluated_in_scope(access, scope).select_related("program", "program__owner")
    cohort_list = list(cohorts.order_by("start_date", "name", "pk"))
    programs = sorted({c.program for c in cohort_list}, key=lambda p: (p.name, p.pk))
    purposes = dict(Purpose.choices)
    uses = (
        Campaign.objects.filter(cohort__in=cohorts.values("pk"))
        .values("version__instrument__title", "version__instrument__purpose", "version__number")
        .annotate(campaigns=Count("pk", distinct=True), responses=Count("responses"))
        .order_by("version__instrument__purpose", "version__instrument__title", "version__number")
    )
    return ScopeFacts(
        programs=programs,
        cohorts=cohort_list,
        start=min((c.start_date for c in cohort_list), default=None),
        end=max((c.end_date for c in cohort_list), default=None),
        instruments=[
            InstrumentUse(
                u["version__instrument__title"],
                u["version__instrument__purpose"],
                str(purposes.get(u["version__instrument__purpose"], "")),
                u["version__number"],
                u["campaigns"],
                u["responses"],
            )
            for u in uses
        ],
    )


def case_study_cohort(access: Access, scope: Scope) -> Cohort | None:
    """The best documented cohort: the most of L1, L2 and L3 with answers, then the most
    people who attended, then the most recent. None when no cohort has any of them.

    Counted in two grouped queries: one join of cohorts × responses × enrollments multiplies
    rows and took seconds on the scale-10 demo."""
    cohort_ids = evaluated_in_scope(access, scope).values("pk")
    levels: dict[int, set[str]] = {}
    for cohort_id, purpose in (
        Response.objects.filter(
            campaign__cohort__in=cohort_ids,
            campaign__version__instrument__purpose__in=CASE_PURPOSES,
        )
        .values_list("campaign__cohort_id", "campaign__version__instrument__purpose")
        .distinct()
    ):
        levels.setdefault(cohort_id, set()).add(purpose)
    if not levels:
        return None
    people = dict(
        Enrollment.objects.filter(
            cohort_id__in=list(levels),
            status__in=[
                EnrollmentStatus.ATTENDING,
                EnrollmentStatus.PASSED,
                EnrollmentStatus.FAILED,
            ],
        )
        .values_list("cohort_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    cohorts = Cohort.objects.filter(pk__in=list(levels)).select_related("program")
    return max(
        cohorts,
        key=lambda c: (len(levels[c.pk]), people.get(c.pk, 0), c.start_date, c.pk),
    )


def letterhead_for(node: OrgUnit | None) -> Letterhead | None:
    """The letterhead of `node` or of its nearest ancestor that has one."""
    if node is None:
        return None
    ids = [int(part) for part in node.path.strip("/").split("/") if part]
    return (
        Letterhead.objects.filter(unit_id__in=ids)
        .select_related("unit")
        .order_by("-unit__depth")
        .first()
    )


def approver_initial(user: Any, access: Access) -> dict[str, str]:
    """The signature block offered to an approver: their name and, when their account is
    linked to an employee record, the NIP on it."""
    employee = (
        Employee.objects.filter(pk=access.employee_id).first() if access.employee_id else None
    )
    name = (user.get_full_name() or user.get_username()) if user else ""
    return {
        "name": employee.name if employee else name,
        "nip": format_nip(employee.nip) if employee and len(employee.nip) == 18 else "",
    }
