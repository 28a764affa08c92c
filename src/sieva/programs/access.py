"""The gate between users and programs: every program object is scoped by its owner's subtree.

A program, and everything hanging off it (subjects, cohorts, sessions, enrollments, budget
lines), is visible to a user whose scope covers the program's owner node. Outside that
subtree the object is a 404, so its existence is not disclosed; a role without the
capability gets a 403 (checked first, so it discloses nothing either).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from sieva.org.access import Access, Capability, scope_queryset
from sieva.programs.models import BudgetLine, Cohort, Enrollment, Program, Session, Subject


def _check_capability(access: Access, *, write: bool, personal: bool = False) -> None:
    if not access.can(Capability.EDIT_PROGRAMS if write else Capability.VIEW_PROGRAMS):
        raise PermissionDenied
    # Enrollments name a person (UU 27/2022): leaders' read-only role never reaches one.
    if personal and not access.can(Capability.VIEW_PERSONAL_DATA):
        raise PermissionDenied


def _check_scope(access: Access, program: Program) -> None:
    if not access.covers(program.owner):
        raise Http404


def programs_for_user(access: Access) -> QuerySet[Program]:
    """Every program whose owner lies in the user's subtree (no capability check)."""
    return scope_queryset(Program.objects.select_related("owner"), access, "owner")


def get_program_for_user(access: Access, pk: int, *, write: bool = False) -> Program:
    """The program `pk`; 403 without VIEW_PROGRAMS (EDIT_PROGRAMS to write), 404 out of scope."""
    _check_capability(access, write=write)
    program = get_object_or_404(Program.objects.select_related("owner"), pk=pk)
    _check_scope(access, program)
    return program


def get_subject_for_user(access: Access, pk: int, *, write: bool = False) -> Subject:
    """The curriculum subject `pk`, scoped by its program (same rules as the program)."""
    _check_capability(access, write=write)
    subject = get_object_or_404(Subject.objects.select_related("program__owner"), pk=pk)
    _check_scope(access, subject.program)
    return subject


def get_cohort_for_user(access: Access, pk: int, *, write: bool = False) -> Cohort:
    """The cohort `pk` with its program and owner, scoped by the program."""
    _check_capability(access, write=write)
    cohort = get_object_or_404(Cohort.objects.select_related("program__owner"), pk=pk)
    _check_scope(access, cohort.program)
    return cohort


def get_session_for_user(access: Access, pk: int, *, write: bool = False) -> Session:
    """The session `pk` with its cohort and program, scoped by the program."""
    _check_capability(access, write=write)
    session = get_object_or_404(
        Session.objects.select_related("cohort__program__owner", "subject"), pk=pk
    )
    _check_scope(access, session.cohort.program)
    return session


def get_enrollment_for_user(access: Access, pk: int, *, write: bool = False) -> Enrollment:
    """The enrollment `pk` with employee and cohort; reading also needs VIEW_PERSONAL_DATA."""
    _check_capability(access, write=write, personal=True)
    enrollment = get_object_or_404(
        Enrollment.objects.select_related("employee__unit", "cohort__program__owner"), pk=pk
    )
    _check_scope(access, enrollment.cohort.program)
    return enrollment


def get_budget_line_for_user(access: Access, pk: int, *, write: bool = False) -> BudgetLine:
    """The budget line `pk` with its cohort, scoped by the program."""
    _check_capability(access, write=write)
    line = get_object_or_404(BudgetLine.objects.select_related("cohort__program__owner"), pk=pk)
    _check_scope(access, line.cohort.program)
    return line
