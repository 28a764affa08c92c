"""Who may see and change what: the single gate between users and organisation data.

Every view reaches a protected object through a `get_<object>_for_user` helper (here and in
each app's ``access.py``) and every list through `scope_queryset`. An object outside the
user's subtree is a 404, so its existence is not disclosed; a capability the role lacks
is a 403.
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from sieva.org.models import Employee, OrgUnit, Role, RoleAssignment

M = TypeVar("M", bound=Model)


class Capability(StrEnum):
    VIEW_PEOPLE = "view_people"
    EDIT_PEOPLE = "edit_people"
    VIEW_PROGRAMS = "view_programs"
    EDIT_PROGRAMS = "edit_programs"
    VIEW_REPORTS = "view_reports"
    VIEW_PERSONAL_DATA = "view_personal_data"
    EDIT_ORGANISATION = "edit_organisation"
    VIEW_TALENT = "view_talent"


_ADMINS = {Role.NATIONAL_ADMIN, Role.AGENCY_ADMIN}
CAPABILITIES: dict[Capability, set[str]] = {
    Capability.VIEW_PEOPLE: _ADMINS | {Role.ORGANISER, Role.EVALUATOR},
    Capability.EDIT_PEOPLE: set(_ADMINS),
    Capability.VIEW_PROGRAMS: _ADMINS | {Role.ORGANISER, Role.EVALUATOR, Role.LEADER},
    Capability.EDIT_PROGRAMS: _ADMINS | {Role.ORGANISER},
    Capability.VIEW_REPORTS: _ADMINS | {Role.ORGANISER, Role.EVALUATOR, Role.LEADER},
    # Names, NIPs and appraisals (UU 27/2022): never for read-only leaders' dashboards.
    Capability.VIEW_PERSONAL_DATA: _ADMINS | {Role.ORGANISER, Role.EVALUATOR},
    Capability.EDIT_ORGANISATION: set(_ADMINS),
    # The talent 9-box and succession pools (PermenPANRB 3/2020): BKPSDM's admins only.
    Capability.VIEW_TALENT: set(_ADMINS),
}


@dataclass(frozen=True)
class Access:
    """What one signed-in user may reach: a role over the subtree whose path is `scope_path`."""

    user_id: int
    role: str
    scope_path: str
    scope_id: int | None
    employee_id: int | None
    scope_name: str = ""  # for the header; empty for a superuser over the whole tree

    def can(self, capability: Capability) -> bool:
        return self.role in CAPABILITIES[capability]

    def covers(self, unit: OrgUnit) -> bool:
        return unit.path.startswith(self.scope_path)

    @property
    def is_admin(self) -> bool:
        """An administrator (national or instansi) of the subtree: sets thresholds and may
        edit what organisers edit."""
        return self.role in _ADMINS

    @property
    def role_label(self) -> str:
        return str(Role(self.role).label)

    @property
    def scope_label(self) -> str:
        """The subtree in words, as the title block of an export names it."""
        if not self.scope_name:
            return _("Seluruh unit")
        return _("%(unit)s beserta unit di bawahnya") % {"unit": self.scope_name}


_CACHE_ATTR = "_sieva_access"


def user_access(user: Any) -> Access | None:
    """The user's access, or None for anonymous users and accounts without a role.

    A superuser without a role assignment acts as a national admin over the whole tree.
    """
    if not getattr(user, "is_authenticated", False):
        return None
    if hasattr(user, _CACHE_ATTR):
        return getattr(user, _CACHE_ATTR)  # type: ignore[no-any-return]
    assignment = getattr(user, "role_assignment", None) if _has_assignment(user) else None
    access: Access | None
    if assignment is not None:
        access = Access(
            user_id=user.pk,
            role=assignment.role,
            scope_path=assignment.scope.path,
            scope_id=assignment.scope_id,
            employee_id=assignment.employee_id,
            scope_name=assignment.scope.name,
        )
    elif user.is_superuser:
        access = Access(user.pk, Role.NATIONAL_ADMIN, "/", None, None)
    else:
        access = None
    setattr(user, _CACHE_ATTR, access)
    return access


def _has_assignment(user: Any) -> bool:
    try:
        user.role_assignment  # noqa: B018 - loads the related row once
    except RoleAssignment.DoesNotExist:
        return False
    return True


def require_access(request: HttpRequest, capability: Capability | None = None) -> Access:
    """The request user's access; PermissionDenied without a role or without `capability`."""
    access = user_access(request.user)
    if access is None or (capability is not None and not access.can(capability)):
        raise PermissionDenied
    return access


def capability_required(capability: Capability) -> Callable[..., Any]:
    """View decorator: signed in, with a role that has `capability`; puts `request.access`."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            request.access = require_access(request, capability)  # type: ignore[attr-defined]
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def access_of(request: HttpRequest) -> Access:
    """The access `capability_required` put on the request."""
    return request.access  # type: ignore[attr-defined,no-any-return]


def personal_access_of(request: HttpRequest) -> Access:
    """The request's access, or 403 for a role that may not see names and NIPs (UU 27/2022)."""
    access = access_of(request)
    if not access.can(Capability.VIEW_PERSONAL_DATA):
        raise PermissionDenied
    return access


def scope_queryset(queryset: QuerySet[M], access: Access, unit_field: str) -> QuerySet[M]:
    """Restrict `queryset` to rows whose `unit_field` (an OrgUnit relation) is in scope."""
    if access.scope_path == "/":
        return queryset
    return queryset.filter(**{f"{unit_field}__path__startswith": access.scope_path})


def org_units_for_user(access: Access) -> QuerySet[OrgUnit]:
    """The organisation nodes the user may see, inactive ones included: lists, filters over
    past records, reports. A picker that places a record uses `unit_choices_for_user`."""
    return OrgUnit.objects.filter(path__startswith=access.scope_path).order_by("path")


def unit_choices_for_user(
    access: Access, *, keep: OrgUnit | int | None = None
) -> QuerySet[OrgUnit]:
    """The units a record can be placed in: the active ones of the user's subtree, plus
    `keep` (the record's current unit), so editing a record of a unit since deactivated
    does not force a move."""
    wanted = Q(active=True)
    if keep:
        wanted |= Q(pk=keep.pk if isinstance(keep, OrgUnit) else keep)
    return org_units_for_user(access).filter(wanted)


def may_change_unit(access: Access, unit: OrgUnit) -> bool:
    """Whether the user may edit, move or (de)activate `unit` (decision 0050): an admin, on a
    unit strictly below the scope root; the national admin on its root too."""
    if not access.can(Capability.EDIT_ORGANISATION) or not access.covers(unit):
        return False
    return access.role == Role.NATIONAL_ADMIN or unit.path != access.scope_path


def get_org_unit_for_user(access: Access, pk: int, *, write: bool = False) -> OrgUnit:
    """Unit `pk` if it lies in the user's subtree (else 404); with `write`, 403 unless
    `may_change_unit`."""
    unit = get_object_or_404(OrgUnit, pk=pk)
    if not access.covers(unit):
        raise Http404
    if write and not may_change_unit(access, unit):
        raise PermissionDenied
    return unit


def get_employee_for_user(access: Access, pk: int, *, write: bool = False) -> Employee:
    """The employee `pk` if it is in the user's subtree (else 404) and the role may see it.

    A participant may read their own record; writing needs EDIT_PEOPLE.
    """
    employee = get_object_or_404(Employee.objects.select_related("unit", "supervisor"), pk=pk)
    if write:
        if not access.can(Capability.EDIT_PEOPLE):
            raise PermissionDenied
    elif not access.can(Capability.VIEW_PEOPLE) and access.employee_id != employee.pk:
        raise PermissionDenied
    if access.employee_id != employee.pk and not access.covers(employee.unit):
        raise Http404
    return employee
