"""Writes of the evaluation app: threshold overrides of the findings rules (admins only)."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sieva.audit.services import audit_record
from sieva.evaluation.findings.ruleset import load_rules
from sieva.evaluation.models import ThresholdOverride
from sieva.org.access import Access
from sieva.org.models import OrgUnit

UNKNOWN_THRESHOLD = "Ambang %(key)s tidak dikenal."
OUT_OF_RANGE = "Nilai %(key)s harus antara %(low)g dan %(high)g."


@transaction.atomic
def threshold_set(
    *, actor: Any, access: Access, node: OrgUnit, key: str, value: float | None
) -> ThresholdOverride | None:
    """Set (or with None remove) the override of `key` on `node`; admins in scope only."""
    if not access.is_admin:
        raise PermissionDenied
    if not access.covers(node):
        raise PermissionDenied
    spec = load_rules().thresholds.get(key)
    if spec is None:
        raise ValidationError(_(UNKNOWN_THRESHOLD) % {"key": key})
    current = ThresholdOverride.objects.filter(scope=node, key=key).first()
    old = current.value if current else None
    if value is None:
        if current is not None:
            current.delete()
            audit_record(
                actor=actor,
                action="threshold.clear",
                object_type="evaluation.ThresholdOverride",
                org_path=node.path,
                changes={"scope": node.name, "key": key, "value": [old, None]},
            )
        return None
    if not spec.low <= value <= spec.high:
        raise ValidationError(
            _(OUT_OF_RANGE) % {"key": spec.label("id"), "low": spec.low, "high": spec.high}
        )
    if current is not None and current.value == value:
        return current
    override, _created = ThresholdOverride.objects.update_or_create(
        scope=node, key=key, defaults={"value": value, "updated_by": actor}
    )
    audit_record(
        actor=actor,
        action="threshold.set",
        obj=override,
        org_path=node.path,
        changes={"scope": node.name, "key": key, "value": [old, value]},
    )
    return override
