"""Cohorts and people the demo's people development picks, shared by its modules."""

from sieva.org.models import Employee, OrgUnit, RoleAssignment
from sieva.programs.models import Cohort, CohortStatus, EnrollmentStatus, Program


def persona_employee(username: str) -> Employee:
    return (
        RoleAssignment.objects.select_related("employee__unit", "employee__supervisor")
        .get(user__username=username)
        .employee
    )  # type: ignore[return-value]


def program_of(medan: OrgUnit, key: str) -> Program | None:
    return Program.objects.filter(code__endswith=key, owner__path__startswith=medan.path).first()


def cohorts_of(medan: OrgUnit, key: str, *statuses: str, limit: int = 2) -> list[Cohort]:
    return list(
        Cohort.objects.filter(
            program__code__endswith=key,
            program__owner__path__startswith=medan.path,
            status__in=statuses,
        )
        .select_related("program__owner")
        .order_by("-end_date", "pk")[:limit]
    )


def own_cohorts(peserta: Employee) -> list[Cohort]:
    """Classes the participant persona passed, newest first (whatever the scale, the persona's
    own programs get assessments, plans and questionnaires)."""
    return list(
        Cohort.objects.filter(
            enrollments__employee=peserta,
            enrollments__status=EnrollmentStatus.PASSED,
            status=CohortStatus.FINISHED,
        )
        .exclude(program__kind__in=("pembelajaran_luar", "e_learning"))
        .select_related("program__owner")
        .order_by("-end_date", "pk")
    )


def unique(cohorts: list[Cohort]) -> list[Cohort]:
    """`cohorts` without repeats, in order."""
    by_pk: dict[int, Cohort] = {}
    for cohort in cohorts:
        by_pk.setdefault(cohort.pk, cohort)
    return list(by_pk.values())
