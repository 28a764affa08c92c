"""Writes of the *rencana tindak lanjut*: a unit admin records, changes or removes an action
taken on one element after one survey period. Every write is audited and clears the cached
public results of the unit, so citizens see the change at once."""

import datetime as dt
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.forms.models import model_to_dict

from sieva.audit.services import audit_record, model_changes
from sieva.org.models import OrgUnit
from sieva.satisfaction.models import SkmFollowUp

FIELDS = ("period", "element", "action", "owner", "deadline", "status")


def public_cache_key(unit_id: int) -> str:
    """The cache key under which the unit's public results version is kept."""
    return f"skm:public:v:{unit_id}"


def public_results_version(unit_id: int) -> int:
    """A number that changes whenever the unit's follow-ups change (part of the cache key of
    its public results)."""
    return int(cache.get_or_set(public_cache_key(unit_id), 1, timeout=None) or 1)


def _changed(unit_id: int) -> None:
    key = public_cache_key(unit_id)
    cache.add(key, 1, timeout=None)
    try:
        cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 2, timeout=None)


@transaction.atomic
def follow_up_create(
    *,
    unit: OrgUnit,
    actor: Any,
    period: str,
    element: str,
    action: str,
    owner: str,
    deadline: dt.date,
    status: str,
) -> SkmFollowUp:
    """Record one follow-up action of `unit` (already scoped and checked by the caller)."""
    follow_up = SkmFollowUp.objects.create(
        unit=unit,
        period=period,
        element=element,
        action=action,
        owner=owner,
        deadline=deadline,
        status=status,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audit_record(
        actor=actor,
        action="skm.follow_up_create",
        obj=follow_up,
        org_path=unit.path,
        changes={f: [None, getattr(follow_up, f)] for f in FIELDS},
    )
    transaction.on_commit(lambda: _changed(unit.pk))
    return follow_up


@transaction.atomic
def follow_up_update(*, follow_up: SkmFollowUp, actor: Any, **values: Any) -> SkmFollowUp:
    """Change fields of `follow_up` (only those in `FIELDS`); audited with old and new values."""
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown follow-up fields: {sorted(unknown)}")
    before = model_to_dict(follow_up, fields=FIELDS)
    for name, value in values.items():
        setattr(follow_up, name, value)
    follow_up.save()
    audit_record(
        actor=actor,
        action="skm.follow_up_update",
        obj=follow_up,
        org_path=follow_up.unit.path,
        changes=model_changes(before, model_to_dict(follow_up, fields=FIELDS)),
    )
    unit_id = follow_up.unit_id
    transaction.on_commit(lambda: _changed(unit_id))
    return follow_up


@transaction.atomic
def follow_up_delete(*, follow_up: SkmFollowUp, actor: Any) -> None:
    """Remove `follow_up` (recorded by mistake); the audit keeps what it said."""
    audit_record(
        actor=actor,
        action="skm.follow_up_delete",
        obj=follow_up,
        org_path=follow_up.unit.path,
        changes={f: [getattr(follow_up, f), None] for f in FIELDS},
    )
    unit_id = follow_up.unit_id
    follow_up.delete()
    transaction.on_commit(lambda: _changed(unit_id))
