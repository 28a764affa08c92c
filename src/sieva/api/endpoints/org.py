"""Organisation units and employees. Names, NIPs and birth dates only for roles with
VIEW_PERSONAL_DATA (UU 27/2022); others get those fields as null."""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from sieva.api.auth import caller_of, covers_everything, require
from sieva.api.errors import ERRORS
from sieva.api.pagination import Id, Page, PathId, UpdatedSince, changed_since
from sieva.org.access import (
    Capability,
    get_employee_for_user,
    get_org_unit_for_user,
    org_units_for_user,
)
from sieva.org.models import Employee, OrgUnit

router = Router(tags=["Organisasi"])


class UnitOut(Schema):
    id: int
    code: str
    name: str
    kind: str
    parent_id: int | None
    depth: int
    updated_at: dt.datetime


def _personal(context: dict[str, Any] | None) -> bool:
    request = (context or {}).get("request")
    return request is not None and caller_of(request).access.can(Capability.VIEW_PERSONAL_DATA)


class EmployeeOut(Schema):
    id: int
    nip: str | None
    name: str | None
    birth_date: dt.date | None
    gender: str | None
    asn_kind: str
    grade: str
    position_kind: str
    position_level: str
    position_name: str
    education: str
    unit_id: Id
    unit_code: str = Field(..., alias="unit.code")
    supervisor_id: int | None
    contract_start: dt.date | None
    is_active: bool
    updated_at: dt.datetime

    @staticmethod
    def resolve_nip(obj: Employee, context: dict[str, Any]) -> str | None:
        return obj.nip if _personal(context) else None

    @staticmethod
    def resolve_name(obj: Employee, context: dict[str, Any]) -> str | None:
        return obj.name if _personal(context) else None

    @staticmethod
    def resolve_birth_date(obj: Employee, context: dict[str, Any]) -> dt.date | None:
        return obj.birth_date if _personal(context) else None

    @staticmethod
    def resolve_gender(obj: Employee, context: dict[str, Any]) -> str | None:
        return obj.gender if _personal(context) else None


class EmployeeFilter(UpdatedSince):
    unit_id: Id | None = None
    active: bool | None = None


@router.get("/units/", response={200: list[UnitOut], **ERRORS}, summary="Unit organisasi")
@paginate(Page)
def unit_list(request: HttpRequest, filters: Query[UpdatedSince]) -> object:
    access = caller_of(request).access
    return changed_since(org_units_for_user(access), filters.updated_since).order_by("path", "pk")


@router.get("/units/{unit_id}/", response={200: UnitOut, **ERRORS}, summary="Satu unit")
def unit_detail(request: HttpRequest, unit_id: PathId) -> OrgUnit:
    return get_org_unit_for_user(caller_of(request).access, unit_id)


@router.get("/employees/", response={200: list[EmployeeOut], **ERRORS}, summary="Pegawai")
@paginate(Page)
def employee_list(request: HttpRequest, filters: Query[EmployeeFilter]) -> object:
    access = require(request, Capability.VIEW_PEOPLE)
    employees = Employee.objects.select_related("unit")
    if not covers_everything(access):  # a subquery on the units in scope, not a join per row
        employees = employees.filter(unit__in=org_units_for_user(access).values("pk"))
    employees = changed_since(employees, filters.updated_since)
    if filters.unit_id is not None:
        unit = get_org_unit_for_user(access, filters.unit_id)
        employees = employees.filter(unit__path__startswith=unit.path)
    if filters.active is not None:
        employees = employees.filter(is_active=filters.active)
    return employees.order_by("pk")


@router.get(
    "/employees/{employee_id}/", response={200: EmployeeOut, **ERRORS}, summary="Satu pegawai"
)
def employee_detail(request: HttpRequest, employee_id: PathId) -> Employee:
    return get_employee_for_user(caller_of(request).access, employee_id)
