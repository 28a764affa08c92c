"""Who may see a person's development record and the mentoring, assessment and follow-up
objects hanging off it.

Three ways in, checked in this order:
- **own**: the signed-in user's linked employee is the person (or one side of a pair);
- **supervisor line**: the user's employee stands above the person in the chain of
  `Employee.supervisor` (direct or indirect);
- **office**: a role with the capability over a subtree that covers the person's unit (or the
  program's owner), as everywhere else in SIEVA.
Anything else is a 404, so the record's existence is not disclosed.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from sieva.development.models import (
    ActionPlan,
    Appeal,
    AssessmentComponent,
    AssessmentResult,
    ExternalLearning,
    MentoringGoal,
    MentoringPair,
    MentoringScheme,
    Nomination,
)
from sieva.org.access import Access, Capability
from sieva.org.models import Employee
from sieva.programs.access import get_cohort_for_user, programs_for_user
from sieva.programs.models import Cohort, Enrollment, ProgramKind

MAX_LINE_DEPTH = 8  # levels of supervision walked; org charts are far shallower


def supervisor_chain(employee: Employee) -> list[int]:
    """Ids of the employee's supervisors, nearest first (one query per level)."""
    chain: list[int] = []
    current = employee.supervisor_id
    while current is not None and current not in chain and len(chain) < MAX_LINE_DEPTH:
        chain.append(current)
        current = Employee.objects.filter(pk=current).values_list("supervisor_id", flat=True)[0]
    return chain


def line_ids(supervisor_id: int) -> list[int]:
    """Ids of everyone below `supervisor_id` in the supervision chain (one query per level)."""
    found: list[int] = []
    level = [supervisor_id]
    for _depth in range(MAX_LINE_DEPTH):
        level = list(
            Employee.objects.filter(supervisor_id__in=level, is_active=True)
            .exclude(pk__in=[supervisor_id, *found])
            .values_list("pk", flat=True)
        )
        if not level:
            break
        found += level
    return found


def is_own_or_line(access: Access, employee: Employee) -> bool:
    """True for the person themself and for anyone above them in the supervision chain."""
    if access.employee_id is None:
        return False
    return access.employee_id == employee.pk or access.employee_id in supervisor_chain(employee)


def get_person_for_user(access: Access, pk: int) -> Employee:
    """The employee `pk` whose development record the user may read: own, supervisor line,
    or an office role with personal data over the person's unit; otherwise 404."""
    employee = get_object_or_404(Employee.objects.select_related("unit", "supervisor"), pk=pk)
    if is_own_or_line(access, employee):
        return employee
    if (
        access.can(Capability.VIEW_PEOPLE)
        and access.can(Capability.VIEW_PERSONAL_DATA)
        and access.covers(employee.unit)
    ):
        return employee
    raise Http404


def mentoring_cohorts_for_user(access: Access) -> QuerySet[Cohort]:
    """Cohorts of mentoring programs owned in the user's subtree."""
    return Cohort.objects.filter(
        program__in=programs_for_user(access), program__kind=ProgramKind.MENTORING
    ).select_related("program", "mentoring")


def get_personal_cohort_for_user(access: Access, pk: int, *, write: bool = False) -> Cohort:
    """A cohort whose people the user may see by name (its mentoring, its assessment)."""
    cohort = get_cohort_for_user(access, pk, write=write)
    if not access.can(Capability.VIEW_PERSONAL_DATA):
        raise PermissionDenied
    return cohort


def get_scheme_for_user(access: Access, cohort_pk: int, *, write: bool = False) -> MentoringScheme:
    """The scheme of cohort `cohort_pk`; 404 when the cohort has none yet or is out of scope."""
    cohort = get_personal_cohort_for_user(access, cohort_pk, write=write)
    scheme = MentoringScheme.objects.filter(cohort=cohort).select_related("cohort__program").first()
    if scheme is None:
        raise Http404
    return scheme


def _office_may(access: Access, pair: MentoringPair, *, write: bool) -> bool:
    needed = Capability.EDIT_PROGRAMS if write else Capability.VIEW_PROGRAMS
    return (
        access.can(needed)
        and access.can(Capability.VIEW_PERSONAL_DATA)
        and access.covers(pair.scheme.cohort.program.owner)
    )


def get_pair_for_user(access: Access, pk: int, *, write: bool = False) -> MentoringPair:
    """The pair `pk` for its mentor, its mentee or the office that runs the scheme.

    Either side may write (log a session); an office writes with EDIT_PROGRAMS. Anyone else
    gets a 404."""
    pair = get_object_or_404(
        MentoringPair.objects.select_related(
            "mentor__unit", "mentee__unit", "scheme__cohort__program__owner"
        ),
        pk=pk,
    )
    if access.employee_id is not None and access.employee_id in (pair.mentor_id, pair.mentee_id):
        return pair
    if _office_may(access, pair, write=write):
        return pair
    raise Http404


def get_goal_for_user(access: Access, pk: int) -> MentoringGoal:
    """A goal to score: the pair's mentor, or the office that runs the scheme."""
    goal = get_object_or_404(
        MentoringGoal.objects.select_related("pair__scheme__cohort__program__owner"), pk=pk
    )
    pair = goal.pair
    if access.employee_id is not None and access.employee_id == pair.mentor_id:
        return goal
    if access.employee_id is not None and access.employee_id == pair.mentee_id:
        raise PermissionDenied  # the mentee sees the goal but the mentor scores it
    if _office_may(access, pair, write=True):
        return goal
    raise Http404


def get_component_for_user(access: Access, pk: int) -> AssessmentComponent:
    """A component of a plan the user may change (EDIT_PROGRAMS over the program)."""
    component = get_object_or_404(AssessmentComponent.objects.select_related("plan"), pk=pk)
    get_personal_cohort_for_user(access, component.plan.cohort_id, write=True)
    return component


def get_result_for_user(access: Access, pk: int, *, write: bool = False) -> AssessmentResult:
    """A participant's result: the participant reads their own; the office reads and
    moderates (write) over its programs."""
    result = get_object_or_404(
        AssessmentResult.objects.select_related("enrollment__cohort__program__owner"), pk=pk
    )
    if not write and access.employee_id == result.enrollment.employee_id:
        return result
    get_personal_cohort_for_user(access, result.enrollment.cohort_id, write=write)
    return result


def get_own_result(access: Access, pk: int) -> AssessmentResult:
    """The signed-in participant's own result (to appeal); anyone else's is a 404."""
    result = get_object_or_404(
        AssessmentResult.objects.select_related("enrollment__cohort__program__owner"), pk=pk
    )
    if access.employee_id is None or access.employee_id != result.enrollment.employee_id:
        raise Http404
    return result


def get_appeal_for_user(access: Access, pk: int) -> Appeal:
    """An appeal to decide: EDIT_PROGRAMS over the program."""
    appeal = get_object_or_404(
        Appeal.objects.select_related("result__enrollment__cohort__program__owner"), pk=pk
    )
    get_personal_cohort_for_user(access, appeal.result.enrollment.cohort_id, write=True)
    return appeal


def get_learning_for_user(access: Access, pk: int, *, write: bool = False) -> ExternalLearning:
    """Learning reported from elsewhere: the person reads their own; the office (people in
    scope, personal data) reads, and reviews with EDIT_PROGRAMS."""
    record = get_object_or_404(ExternalLearning.objects.select_related("employee__unit"), pk=pk)
    if not write and access.employee_id == record.employee_id:
        return record
    office = access.can(Capability.VIEW_PEOPLE) and access.can(Capability.VIEW_PERSONAL_DATA)
    if not (office and access.covers(record.employee.unit)):
        raise Http404
    if write and not access.can(Capability.EDIT_PROGRAMS):
        raise PermissionDenied
    return record


def get_nomination_for_user(access: Access, pk: int) -> Nomination:
    """A nomination to decide: EDIT_PROGRAMS over the cohort's program."""
    nomination = get_object_or_404(
        Nomination.objects.select_related("cohort__program__owner", "employee__unit"), pk=pk
    )
    get_personal_cohort_for_user(access, nomination.cohort_id, write=True)
    return nomination


def get_enrollment_for_certificate(access: Access, pk: int) -> Enrollment:
    """The participant's own enrollment, or one the office may see by name."""
    enrollment = get_object_or_404(
        Enrollment.objects.select_related("employee", "cohort__program__owner"), pk=pk
    )
    if access.employee_id != enrollment.employee_id:
        get_personal_cohort_for_user(access, enrollment.cohort_id)
    return enrollment


def get_action_plan_for_user(access: Access, pk: int) -> ActionPlan:
    """A plan for its participant, their supervisor line, its coach, or the office that runs
    the program (personal data); anyone else gets a 404."""
    plan = get_object_or_404(
        ActionPlan.objects.select_related(
            "enrollment__employee__unit", "enrollment__cohort__program__owner", "coach"
        ),
        pk=pk,
    )
    employee = plan.enrollment.employee
    if is_own_or_line(access, employee) or (
        access.employee_id is not None and access.employee_id == plan.coach_id
    ):
        return plan
    get_personal_cohort_for_user(access, plan.enrollment.cohort_id)
    return plan


def get_own_enrollment(access: Access, pk: int) -> Enrollment:
    """The signed-in person's own enrollment (to write their plan); others' are a 404."""
    enrollment = get_object_or_404(
        Enrollment.objects.select_related("employee", "cohort__program__owner"), pk=pk
    )
    if access.employee_id is None or access.employee_id != enrollment.employee_id:
        raise Http404
    return enrollment
