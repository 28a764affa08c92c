"""What a person's own workspace (/saya/) shows: what waits on them, their JP against their
rule, their whole training history and results, mentoring, and (from the other parts of this
app) certificates, learning reported from elsewhere, action plans and the IDP."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from sieva.development.models import (
    ActionPlan,
    AssessmentResult,
    DevelopmentPlan,
    ExternalLearning,
    Notification,
)
from sieva.development.selectors.assessment import RatingTask, rating_tasks, results_of
from sieva.development.selectors.careers import plan_of
from sieva.development.selectors.follow_up import plans_of
from sieva.development.selectors.mentoring import PairRow, pair_rows, pairs_of
from sieva.instruments.campaigns.selectors import open_invitations_of
from sieva.instruments.models import Invitation
from sieva.org.models import Employee
from sieva.programs.selectors.learning_record import LearningRecord, employee_learning


@dataclass(frozen=True)
class Workspace:
    employee: Employee
    questionnaires: list[Invitation]  # about the person or their program
    ratings_of_others: list[Invitation]  # L3 and 360° questionnaires about someone else
    attitude_tasks: list[RatingTask]
    learning: LearningRecord
    results: list[AssessmentResult]
    mentoring: list[PairRow]
    external: list[ExternalLearning]
    action_plans: list[ActionPlan]
    unread_notifications: int
    idp: DevelopmentPlan | None

    @property
    def planned_enrollments(self) -> set[int]:
        return {p.enrollment_id for p in self.action_plans}

    @property
    def waiting(self) -> int:
        """How many things wait on the person."""
        return (
            len(self.questionnaires)
            + len(self.ratings_of_others)
            + sum(1 for t in self.attitude_tasks if not t.done)
        )


def workspace(employee: Employee, user_id: int, today: dt.date | None = None) -> Workspace:
    """Everything the person's own page shows; a fixed number of queries."""
    today = today or timezone.localdate()
    invitations = list(open_invitations_of(employee.pk))
    return Workspace(
        employee=employee,
        questionnaires=[i for i in invitations if i.subject_id is None],
        ratings_of_others=[i for i in invitations if i.subject_id is not None],
        attitude_tasks=rating_tasks(employee.pk, today),
        learning=employee_learning(employee),
        results=list(results_of(employee.pk)),
        mentoring=pair_rows(pairs_of(employee.pk), today),
        external=list(ExternalLearning.objects.filter(employee=employee).order_by("-submitted_at")),
        action_plans=list(plans_of(employee.pk)),
        unread_notifications=Notification.objects.filter(
            user_id=user_id, read_at__isnull=True
        ).count(),
        idp=plan_of(employee, today.year),
    )
