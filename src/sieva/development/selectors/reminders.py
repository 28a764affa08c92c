"""What waits on each person, for the reminders: one `Due` per thing, keyed so the same thing
is never notified twice. Batched per kind of thing (a fixed number of queries per run)."""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from sieva.development.models import (
    ActionPlan,
    ExternalLearning,
    MentoringPair,
    Nomination,
    NominationStatus,
    PairStatus,
    ReviewStatus,
)
from sieva.development.selectors.assessment import rating_tasks
from sieva.development.selectors.follow_up import checks_due
from sieva.development.selectors.mentoring import pair_health
from sieva.instruments.models import CampaignStatus, Invitation
from sieva.org.access import CAPABILITIES, Capability
from sieva.org.models import RoleAssignment
from sieva.programs.models import Enrollment, EnrollmentStatus

PLAN_REMINDER_DAYS = 30  # after a cohort ends, participants are reminded to write their plan


@dataclass(frozen=True)
class Due:
    user_id: int
    key: str
    title: str
    url: str


def _people(assignments: list[RoleAssignment]) -> dict[int, int]:
    """employee id → user id of the accounts linked to an employee."""
    return {a.employee_id: a.user_id for a in assignments if a.employee_id is not None}


def waiting(today: dt.date, now: dt.datetime | None = None) -> Iterator[Due]:
    now = now or timezone.now()
    assignments = list(RoleAssignment.objects.select_related("scope"))
    people = _people(assignments)
    linked = RoleAssignment.objects.filter(employee__isnull=False).values("employee_id")
    for inv in (
        Invitation.objects.filter(
            employee__in=linked,
            answered_at__isnull=True,
            campaign__status=CampaignStatus.OPEN,
            campaign__opens_at__lte=now,
            campaign__closes_at__gt=now,
        )
        .select_related("campaign__version__instrument", "subject")
        .order_by("pk")
    ):
        title = inv.campaign.version.instrument.title
        if inv.subject is not None:
            title = _("%(title)s tentang %(name)s") % {"title": title, "name": inv.subject.name}
        yield Due(
            people[inv.employee_id],
            f"invitation:{inv.pk}",
            _("Kuesioner menunggu: %(title)s") % {"title": title},
            reverse("instruments:respond_signed_in", args=[inv.pk]),
        )
    for employee_id, user_id in people.items():
        for task in rating_tasks(employee_id, today):
            if not task.done:
                yield Due(
                    user_id,
                    f"attitude:{task.enrollment.pk}:{employee_id}",
                    _("Nilai sikap %(name)s") % {"name": task.enrollment.employee.name},
                    reverse("development:attitude_rate", args=[task.enrollment.pk]),
                )
        for check in checks_due(employee_id, today):
            yield Due(
                user_id,
                f"check:{check.plan.pk}:{check.month}",
                _("Verifikasi rencana aksi %(name)s (bulan ke-%(month)d)")
                % {"name": check.plan.enrollment.employee.name, "month": check.month},
                reverse("development:action_plan", args=[check.plan.pk]),
            )
    yield from _mentoring(people, linked, today)
    yield from _plans_to_write(people, linked, today)
    yield from _office(assignments)


def _mentoring(people: dict[int, int], linked: Any, today: dt.date) -> Iterator[Due]:
    pairs = list(
        MentoringPair.objects.filter(mentor__in=linked, status=PairStatus.ACTIVE).select_related(
            "scheme", "mentee"
        )
    )
    week = today.isocalendar()
    healths = pair_health(pairs, today)
    for pair in pairs:
        health = healths[pair.pk]
        if health.alerts:
            yield Due(
                people[pair.mentor_id],
                f"pair-health:{pair.pk}:{week.year}-{week.week}",  # at most once a week
                _("Mentoring %(name)s perlu perhatian: %(alert)s")
                % {"name": pair.mentee.name, "alert": health.alerts[0]},
                reverse("development:pair", args=[pair.pk]),
            )


def _plans_to_write(people: dict[int, int], linked: Any, today: dt.date) -> Iterator[Due]:
    recent = (
        Enrollment.objects.filter(
            employee__in=linked,
            status=EnrollmentStatus.PASSED,
            cohort__end_date__lte=today,
            cohort__end_date__gte=today - dt.timedelta(days=PLAN_REMINDER_DAYS),
        )
        .exclude(pk__in=ActionPlan.objects.values("enrollment_id"))
        .select_related("cohort__program")
    )
    for enrollment in recent:
        yield Due(
            people[enrollment.employee_id],
            f"write-plan:{enrollment.pk}",
            _("Tulis rencana aksi untuk %(name)s") % {"name": enrollment.cohort.program.name},
            reverse("development:action_plan_edit", args=[enrollment.pk]),
        )


def _office(assignments: list[RoleAssignment]) -> Iterator[Due]:
    """Reports to approve and nominations to decide, for whoever may decide them."""
    deciders = [a for a in assignments if a.role in CAPABILITIES[Capability.EDIT_PROGRAMS]]
    if not deciders:
        return
    learning = list(
        ExternalLearning.objects.filter(status=ReviewStatus.SUBMITTED).select_related(
            "employee__unit"
        )
    )
    nominations = list(
        Nomination.objects.filter(status=NominationStatus.PENDING).select_related(
            "cohort__program__owner", "employee"
        )
    )
    for a in deciders:
        for record in learning:
            if record.employee.unit.path.startswith(a.scope.path):
                yield Due(
                    a.user_id,
                    f"learning:{record.pk}",
                    _("Pembelajaran di luar program menunggu persetujuan: %(name)s")
                    % {"name": record.employee.name},
                    reverse("development:learning_review", args=[record.pk]),
                )
        for nomination in nominations:
            if nomination.cohort.program.owner.path.startswith(a.scope.path):
                yield Due(
                    a.user_id,
                    f"nomination:{nomination.pk}",
                    _("Usulan peserta menunggu: %(name)s") % {"name": nomination.employee.name},
                    reverse("development:nominations"),
                )
