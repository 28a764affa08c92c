"""Reads of the evaluation app: the findings thresholds in force for a node and the rows of
the threshold settings page."""

from dataclasses import dataclass

from django.db.models import QuerySet

from sieva.evaluation.findings.ruleset import ThresholdSpec, load_rules
from sieva.evaluation.models import ThresholdOverride
from sieva.org.access import Access, scope_queryset
from sieva.org.models import OrgUnit


def _ancestor_ids(node: OrgUnit) -> list[int]:
    return [int(part) for part in node.path.strip("/").split("/") if part]


def thresholds_for(node: OrgUnit | None) -> dict[str, float]:
    """The rules file's defaults, each replaced by the override on the nearest ancestor of
    `node` (the node itself included) that sets it."""
    values = load_rules().defaults()
    if node is None:
        return values
    overrides = (
        ThresholdOverride.objects.filter(scope_id__in=_ancestor_ids(node), key__in=values)
        .order_by("scope__depth")
        .values_list("key", "value")
    )
    for key, value in overrides:  # deeper nodes come later and win
        values[key] = value
    return values


@dataclass(frozen=True)
class ThresholdRow:
    spec: ThresholdSpec
    in_force: float
    set_by: str  # the node whose override is in force, "" for the rules file's default
    here: float | None  # the override on this very node


def threshold_rows(node: OrgUnit, language: str) -> list[ThresholdRow]:
    rules = load_rules()
    overrides = list(
        ThresholdOverride.objects.filter(scope_id__in=_ancestor_ids(node))
        .select_related("scope")
        .order_by("scope__depth")
    )
    rows = []
    for key, spec in rules.thresholds.items():
        mine = [o for o in overrides if o.key == key]
        nearest = mine[-1] if mine else None
        here = next((o.value for o in mine if o.scope_id == node.pk), None)
        rows.append(
            ThresholdRow(
                spec,
                nearest.value if nearest else spec.default,
                nearest.scope.name if nearest else "",
                here,
            )
        )
    return rows


def overrides_in_scope(access: Access) -> QuerySet[ThresholdOverride]:
    return scope_queryset(
        ThresholdOverride.objects.select_related("scope", "updated_by"), access, "scope"
    )
