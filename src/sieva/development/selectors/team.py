"""What a supervisor's workspace (/tim/) shows: their staff's 20 JP status, the L3 ratings
bound to their login, action plans to verify, and nominations for upcoming cohorts."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from sieva.development.access import line_ids
from sieva.development.models import Nomination
from sieva.development.selectors.follow_up import DueCheck, checks_due
from sieva.instruments.campaigns.selectors import open_invitations_of
from sieva.instruments.models import Invitation
from sieva.org.models import Employee
from sieva.programs.models import Cohort, CohortStatus
from sieva.programs.selectors.jp import EmployeeJp, jp_compliance

OPEN_FOR_NOMINATION = (CohortStatus.PLANNED, CohortStatus.OPEN)


@dataclass(frozen=True)
class Team:
    supervisor: Employee
    staff: list[EmployeeJp]  # direct reports, with the JP their rule counts this year
    line_size: int  # everyone below, direct or not
    ratings: list[Invitation]  # questionnaires about someone in the line, bound to this login
    nominations: list[Nomination]
    checks: list[DueCheck]  # action plans whose progress waits for this supervisor
    cohorts: list[Cohort]  # upcoming cohorts open to nominations for this line


def upcoming_cohorts(employees: QuerySet[Employee], today: dt.date) -> QuerySet[Cohort]:
    """Planned or open cohorts starting from today whose program owner covers any of
    `employees` (only their own instansi's programs are offered)."""
    paths = set(employees.values_list("unit__path", flat=True))
    owners = {int(part) for path in paths for part in path.strip("/").split("/") if part}
    return (
        Cohort.objects.filter(
            status__in=OPEN_FOR_NOMINATION, start_date__gte=today, program__owner__in=owners
        )
        .select_related("program")
        .order_by("start_date", "program__name")
    )


def team(supervisor: Employee, today: dt.date | None = None) -> Team:
    today = today or timezone.localdate()
    direct = Employee.objects.filter(supervisor=supervisor, is_active=True)
    line = line_ids(supervisor.pk)
    ratings = [i for i in open_invitations_of(supervisor.pk) if i.subject_id in set(line)]
    nominations = list(
        Nomination.objects.filter(nominated_by=supervisor)
        .select_related("employee", "cohort__program")
        .order_by("-created_at")[:50]
    )
    return Team(
        supervisor=supervisor,
        staff=jp_compliance(direct, today.year),
        line_size=len(line),
        ratings=ratings,
        nominations=nominations,
        checks=checks_due(supervisor.pk, today),
        cohorts=list(upcoming_cohorts(direct, today)[:50]) if line else [],
    )
