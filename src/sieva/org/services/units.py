"""Writes on the organisation tree: create, edit, move, deactivate and reactivate a unit.

Only admins write, on units strictly below their scope root (`access.may_change_unit`); a new
unit may hang from the scope root itself. Every write keeps three invariants of the tree
(decision 0050), which the organisation import (`sieva.org.imports.units`) checks the same way:

1. a unit's kind fits its parent's kind (`PARENT_KINDS`);
2. an active unit has only active ancestors (deactivating needs no active children or
   employees first; reactivating needs an active parent);
3. every node's `path` and `depth` follow its parent chain, the whole subtree rewritten in the
   move's transaction.

Units are never deleted: employees, programs and SKM answers keep pointing at them.
"""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet, Value
from django.db.models.functions import Concat, Substr

from sieva.audit.services import audit_record, model_changes
from sieva.org.access import Access, Capability, may_change_unit
from sieva.org.models import Employee, OrgKind, OrgUnit
from sieva.org.services.unit_rules import (
    CODE_TAKEN,
    INTO_OWN_SUBTREE,
    KIND_UNKNOWN,
    MAX_DEPTH,
    NAMES_LISTED,
    PARENT_INACTIVE,
    PARENT_KINDS,
    PARENT_OUT_OF_SCOPE,
    ROOT_NEEDS_WHOLE_TREE,
    TOO_DEEP,
    children_problem,
    code_problem,
    employees_problem,
    kind_problem,
    name_problem,
    population_problem,
    snapshot,
    unit_label,
)


def _require_admin(access: Access) -> None:
    if not access.can(Capability.EDIT_ORGANISATION):
        raise PermissionDenied


def _require_change(access: Access, unit: OrgUnit) -> None:
    if not may_change_unit(access, unit):
        raise PermissionDenied


def _locked(*units: OrgUnit) -> list[OrgUnit]:
    """Fresh copies of `units`, locked until the transaction ends (in pk order, no deadlock),
    so two admins moving branches at once cannot build a loop from stale paths."""
    rows = OrgUnit.objects.select_for_update().filter(pk__in=[u.pk for u in units])
    fresh = {row.pk: row for row in rows.order_by("pk")}
    return [fresh[unit.pk] for unit in units]


def _field_errors(*, code: str, name: str, kind: str, population: int | None) -> dict[str, str]:
    problems = {
        "code": code_problem(code),
        "name": name_problem(name),
        "service_population": population_problem(kind, population),
    }
    return {field: message for field, message in problems.items() if message}


def _parent_errors(
    access: Access, kind: str, parent: OrgUnit | None, *, active: bool = True
) -> dict[str, str]:
    """Problems with hanging an (`active`) unit of `kind` under `parent`, keyed "parent"."""
    if parent is None:
        if kind == OrgKind.NATIONAL and access.scope_path != "/":
            return {"parent": str(ROOT_NEEDS_WHOLE_TREE)}
        problem = kind_problem(kind, None)
        return {"parent": problem} if problem else {}
    if not access.covers(parent):
        return {"parent": str(PARENT_OUT_OF_SCOPE)}
    if active and not parent.active:
        return {"parent": str(PARENT_INACTIVE) % {"name": parent.name}}
    if parent.depth + 1 > MAX_DEPTH:
        return {"parent": str(TOO_DEEP) % {"limit": MAX_DEPTH}}
    problem = kind_problem(kind, parent.kind)
    return {"parent": problem} if problem else {}


def _save(unit: OrgUnit) -> None:
    try:
        # A savepoint, so a code taken by a concurrent request becomes a form error.
        with transaction.atomic():
            unit.save()
    except IntegrityError:
        raise ValidationError({"code": str(CODE_TAKEN) % {"code": unit.code}}) from None


def _code_taken(code: str, unit: OrgUnit | None = None) -> dict[str, str]:
    others = OrgUnit.objects.filter(code__iexact=code)
    if unit is not None:
        others = others.exclude(pk=unit.pk)
    return {"code": str(CODE_TAKEN) % {"code": code}} if others.exists() else {}


@transaction.atomic
def unit_create(
    *,
    actor: Any,
    access: Access,
    parent: OrgUnit | None,
    kind: str,
    code: str,
    name: str,
    service_population: int | None = None,
) -> OrgUnit:
    """A new active unit under `parent` (a unit of the user's subtree, the scope root too).

    Raises PermissionDenied for a role that may not edit the organisation, ValidationError
    (keyed by form field: parent, kind, code, name, service_population) on bad input.
    """
    _require_admin(access)
    if parent is not None:
        parent = _locked(parent)[0]
    code, name = code.strip(), " ".join(name.split())
    errors = _field_errors(code=code, name=name, kind=kind, population=service_population)
    if kind not in PARENT_KINDS:
        errors["kind"] = str(KIND_UNKNOWN)
    else:
        errors = _parent_errors(access, kind, parent) | errors
    if "code" not in errors:
        errors |= _code_taken(code)
    if errors:
        raise ValidationError(errors)
    unit = OrgUnit(
        parent=parent, kind=kind, code=code, name=name, service_population=service_population
    )
    _save(unit)
    audit_record(
        actor=actor,
        action="org_unit.create",
        obj=unit,
        org_path=unit.path,
        changes=model_changes({}, snapshot(unit)),
    )
    return unit


@transaction.atomic
def unit_update(
    *,
    actor: Any,
    access: Access,
    unit: OrgUnit,
    code: str,
    name: str,
    service_population: int | None = None,
) -> OrgUnit:
    """Change the code, name and service population of `unit`; its kind and place stay.

    Raises PermissionDenied unless `may_change_unit`, ValidationError (by field) on bad input.
    """
    _require_change(access, unit)
    code, name = code.strip(), " ".join(name.split())
    errors = _field_errors(code=code, name=name, kind=unit.kind, population=service_population)
    if "code" not in errors:
        errors |= _code_taken(code, unit)
    if errors:
        raise ValidationError(errors)
    before = snapshot(unit)
    unit.code, unit.name, unit.service_population = code, name, service_population
    _save(unit)
    if changes := model_changes(before, snapshot(unit)):
        audit_record(
            actor=actor, action="org_unit.update", obj=unit, org_path=unit.path, changes=changes
        )
    return unit


def _subtree_depth(unit: OrgUnit) -> int:
    """How many levels lie below `unit` (0 for a leaf)."""
    deepest = (
        OrgUnit.objects.filter(path__startswith=unit.path)
        .order_by("-depth")
        .values_list("depth", flat=True)
        .first()
    )
    return (deepest or unit.depth) - unit.depth


def rewrite_subtree(unit: OrgUnit, parent: OrgUnit) -> None:
    """Hang `unit` under `parent` and rewrite the path and depth of its whole subtree in one
    statement (``/1/4/17/…`` → ``/1/9/17/…``); `unit` is updated in memory too."""
    old_path = unit.path
    new_path = f"{parent.path}{unit.pk}/"
    shift = parent.depth + 1 - unit.depth
    OrgUnit.objects.filter(path__startswith=old_path).update(
        path=Concat(Value(new_path), Substr("path", len(old_path) + 1)),
        depth=F("depth") + shift,
    )
    OrgUnit.objects.filter(pk=unit.pk).update(parent=parent)
    unit.parent, unit.path, unit.depth = parent, new_path, unit.depth + shift


@transaction.atomic
def unit_move(*, actor: Any, access: Access, unit: OrgUnit, parent: OrgUnit) -> OrgUnit:
    """Hang `unit` (and everything below it) under `parent`, inside the user's subtree.

    Raises PermissionDenied unless `may_change_unit`; ValidationError on ``parent`` when the
    parent lies outside the scope, inside the unit's own subtree, is inactive while the unit
    is active, does not fit the unit's kind, or would make the tree too deep.
    """
    unit, parent = _locked(unit, parent)
    _require_change(access, unit)
    if parent.pk == unit.parent_id:
        return unit
    if parent.path.startswith(unit.path):
        raise ValidationError({"parent": str(INTO_OWN_SUBTREE)})
    errors = _parent_errors(access, unit.kind, parent, active=unit.active)
    if not errors and parent.depth + 1 + _subtree_depth(unit) > MAX_DEPTH:
        errors = {"parent": str(TOO_DEEP) % {"limit": MAX_DEPTH}}
    if errors:
        raise ValidationError(errors)
    before = snapshot(unit)
    rewrite_subtree(unit, parent)
    audit_record(
        actor=actor,
        action="org_unit.move",
        obj=unit,
        org_path=unit.path,
        changes=model_changes(before, snapshot(unit)),
    )
    return unit


def active_children(unit: OrgUnit) -> QuerySet[OrgUnit]:
    return unit.children.filter(active=True).order_by("name", "pk")


def deactivation_problems(unit: OrgUnit) -> list[str]:
    """Why `unit` cannot be deactivated now (active employees in it, active subunits), in
    words that say how many and where; empty when it can."""
    employees = Employee.objects.filter(unit=unit, is_active=True).count()
    children = active_children(unit)
    total = children.count()
    problems = [
        employees_problem(unit.name, employees),
        children_problem(unit.name, [unit_label(c) for c in children[:NAMES_LISTED]], total),
    ]
    return [problem for problem in problems if problem]


@transaction.atomic
def unit_deactivate(*, actor: Any, access: Access, unit: OrgUnit) -> OrgUnit:
    """Mark `unit` inactive: it leaves pickers and its public SKM form stops taking answers;
    its records stay. A no-op for an inactive unit.

    Raises PermissionDenied unless `may_change_unit`; ValidationError (not keyed by field)
    while active employees or active subunits remain.
    """
    unit = _locked(unit)[0]
    _require_change(access, unit)
    if not unit.active:
        return unit
    if problems := deactivation_problems(unit):
        raise ValidationError(problems)
    return _set_active(actor, unit, active=False)


@transaction.atomic
def unit_reactivate(*, actor: Any, access: Access, unit: OrgUnit) -> OrgUnit:
    """Mark `unit` active again; a no-op for an active unit.

    Raises PermissionDenied unless `may_change_unit`; ValidationError while its parent is
    inactive (an active unit has only active ancestors).
    """
    unit = _locked(unit)[0]
    _require_change(access, unit)
    if unit.active:
        return unit
    parent = unit.parent
    if parent is not None and not parent.active:
        raise ValidationError(str(PARENT_INACTIVE) % {"name": parent.name})
    return _set_active(actor, unit, active=True)


def _set_active(actor: Any, unit: OrgUnit, *, active: bool) -> OrgUnit:
    unit.active = active
    OrgUnit.objects.filter(pk=unit.pk).update(active=active)
    audit_record(
        actor=actor,
        action="org_unit.reactivate" if active else "org_unit.deactivate",
        obj=unit,
        org_path=unit.path,
        changes={"active": [not active, active]},
    )
    return unit
