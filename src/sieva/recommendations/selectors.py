"""Reads: the thresholds in force for a node, the settings page's rows, and recommendations
in the user's subtree (each fetched through one scoped getter)."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from sieva.evaluation.findings.ruleset import ThresholdSpec, load_rules
from sieva.org.access import Access, scope_queryset
from sieva.org.models import OrgUnit
from sieva.recommendations.models import ThresholdOverride, TrackedRecommendation


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


def recommendations_in_scope(access: Access) -> QuerySet[TrackedRecommendation]:
    return scope_queryset(
        TrackedRecommendation.objects.select_related("scope", "owner_unit", "owner_user"),
        access,
        "scope",
    )


def get_recommendation_for_user(access: Access, pk: int) -> TrackedRecommendation:
    """The recommendation `pk` when it lies in the user's subtree; otherwise 404."""
    record = get_object_or_404(recommendations_in_scope(access), pk=pk)
    if not access.covers(record.scope):
        raise Http404
    return record


def recommendations_for(access: Access, scope_key: str, period: str) -> list[TrackedRecommendation]:
    return list(recommendations_in_scope(access).filter(scope_key=scope_key, period=period))


def previous_recommendations(
    access: Access, scope_key: str, period: str
) -> list[TrackedRecommendation]:
    """The recommendations of the latest period before `period` for the same scope, with
    their status, so a new evaluation can say whether they were carried out."""
    earlier = recommendations_in_scope(access).filter(scope_key=scope_key, period__lt=period)
    last = earlier.order_by("-period").values_list("period", flat=True).first()
    return [] if last is None else list(earlier.filter(period=last))
