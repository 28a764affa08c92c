"""The gate to qualitative evidence, in three rings (decision 0030).

- Aggregates (themes, counts, anonymised quotes, the good-practice library): every role with
  VIEW_REPORTS whose subtree covers the study's owner — leaders included.
- Transcripts, documents' text, codings and names: the study's team (its lead and coders)
  and the subtree's admins, and only roles with VIEW_PERSONAL_DATA.
- Running the study (settings, sample, codebook, double coding, adjudication): its lead and
  the subtree's admins.

Out of the subtree is a 404 whatever the ring; inside it, a missing ring is a 403.
"""

from enum import IntEnum

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from sieva.evidence.models import (
    Code,
    Coding,
    PlanItem,
    Practice,
    PracticeStatus,
    Source,
    Study,
    TrainingPlan,
)
from sieva.org.access import Access, Capability, scope_queryset
from sieva.org.models import Role


class Ring(IntEnum):
    AGGREGATE = 1
    TEAM = 2
    LEAD = 3


def can_start_study(access: Access) -> bool:
    """Admins and evaluators open studies (the creator leads it)."""
    return access.is_admin or access.role == Role.EVALUATOR


def studies_for_user(access: Access) -> QuerySet[Study]:
    return scope_queryset(Study.objects.select_related("owner", "program", "lead"), access, "owner")


def ring_of(access: Access, study: Study) -> Ring:
    """The widest ring `access` has in `study` (the caller has checked the subtree)."""
    if access.is_admin or access.user_id == study.lead_id:
        return Ring.LEAD
    on_team = study.team.filter(pk=access.user_id).exists()
    if on_team and access.can(Capability.VIEW_PERSONAL_DATA):
        return Ring.TEAM
    return Ring.AGGREGATE


def _check(access: Access, study: Study, ring: Ring) -> None:
    if not access.can(Capability.VIEW_REPORTS):
        raise PermissionDenied
    if not access.covers(study.owner):
        raise Http404
    if ring > Ring.AGGREGATE and ring_of(access, study) < ring:
        raise PermissionDenied


def get_study_for_user(access: Access, pk: int, *, ring: Ring = Ring.AGGREGATE) -> Study:
    """The study `pk` if its owner is in the user's subtree (else 404) and the user holds
    `ring` in it (else 403)."""
    if not access.can(Capability.VIEW_REPORTS):
        raise PermissionDenied
    study = get_object_or_404(Study.objects.select_related("owner", "program", "lead"), pk=pk)
    _check(access, study, ring)
    return study


def get_source_for_user(access: Access, pk: int, *, ring: Ring = Ring.TEAM) -> Source:
    """The source `pk` (its text names people: the team's ring by default)."""
    if not access.can(Capability.VIEW_REPORTS):
        raise PermissionDenied
    source = get_object_or_404(
        Source.objects.select_related(
            "study__owner", "study__lead", "unit", "program", "interview", "document"
        ),
        pk=pk,
    )
    _check(access, source.study, ring)
    return source


def get_code_for_user(access: Access, pk: int, *, ring: Ring = Ring.LEAD) -> Code:
    if not access.can(Capability.VIEW_REPORTS):
        raise PermissionDenied
    code = get_object_or_404(Code.objects.select_related("study__owner", "parent"), pk=pk)
    _check(access, code.study, ring)
    return code


def get_coding_for_user(access: Access, pk: int) -> Coding:
    """A coding its own coder (or the lead) may change; 404 outside the subtree."""
    if not access.can(Capability.VIEW_REPORTS):
        raise PermissionDenied
    coding = get_object_or_404(Coding.objects.select_related("source__study__owner", "code"), pk=pk)
    study = coding.source.study
    _check(access, study, Ring.TEAM)
    if coding.coder_id not in (access.user_id, None) and ring_of(access, study) < Ring.LEAD:
        raise PermissionDenied
    return coding


# --- the good-practice library (decision 0034) ---------------------------------------------


def can_write_practice(access: Access) -> bool:
    return access.is_admin or access.role in (Role.EVALUATOR, Role.ORGANISER)


def practices_for_user(access: Access) -> QuerySet[Practice]:
    """Every published practice, whichever region wrote it, plus the drafts of the subtree."""
    return Practice.objects.filter(
        Q(status=PracticeStatus.PUBLISHED) | Q(owner__path__startswith=access.scope_path)
    ).select_related("owner", "program", "unit", "author")


def get_practice_for_user(
    access: Access, pk: int, *, write: bool = False, review: bool = False
) -> Practice:
    """The practice `pk`: a published one for any reader; a draft only inside its owner's
    subtree (else 404). Writing needs its author or an admin while it is not published;
    reviewing an admin of the subtree other than the author (else 403)."""
    if not access.can(Capability.VIEW_REPORTS):
        raise PermissionDenied
    practice = get_object_or_404(
        Practice.objects.select_related("owner", "program", "unit", "study", "author"), pk=pk
    )
    in_scope = access.covers(practice.owner)
    if not in_scope and (write or review or practice.status != PracticeStatus.PUBLISHED):
        raise Http404
    if write and (
        practice.status in (PracticeStatus.PUBLISHED, PracticeStatus.IN_REVIEW)
        or not (access.is_admin or practice.author_id == access.user_id)
    ):
        raise PermissionDenied
    if review and (not access.is_admin or practice.author_id == access.user_id):
        raise PermissionDenied
    return practice


# --- training plans ------------------------------------------------------------------------


def plans_for_user(access: Access) -> QuerySet[TrainingPlan]:
    return scope_queryset(TrainingPlan.objects.select_related("owner"), access, "owner")


def get_plan_for_user(access: Access, pk: int, *, manage: bool = False) -> TrainingPlan:
    """The plan `pk` for any official reading reports in its subtree (they comment on it);
    managing it (edit, consultation, adoption) needs an admin of the subtree."""
    if not access.can(Capability.VIEW_REPORTS):
        raise PermissionDenied
    plan = get_object_or_404(TrainingPlan.objects.select_related("owner"), pk=pk)
    if not access.covers(plan.owner):
        raise Http404
    if manage and not access.is_admin:
        raise PermissionDenied
    return plan


def get_plan_item_for_user(access: Access, pk: int) -> PlanItem:
    item = get_object_or_404(PlanItem.objects.select_related("plan__owner"), pk=pk)
    get_plan_for_user(access, item.plan_id, manage=True)
    return item
