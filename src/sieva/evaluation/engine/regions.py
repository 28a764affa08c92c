"""Regions side by side: the same evaluation for each instansi in the user's subtree, to be
shown with intervals (never as a bare ranking)."""

from collections.abc import Callable
from dataclasses import dataclass, replace

from sieva.evaluation.engine import Scope, evaluate
from sieva.evaluation.engine.result import EvaluationResult
from sieva.org.access import Access, org_units_for_user
from sieva.org.models import OrgKind, OrgUnit


@dataclass(frozen=True)
class RegionRow:
    region: OrgUnit
    result: EvaluationResult


@dataclass(frozen=True)
class RegionComparison:
    scope: Scope
    rows: tuple[RegionRow, ...]


def regions_for(access: Access, scope: Scope) -> list[OrgUnit]:
    """The instansi (pemerintah kota/kabupaten/provinsi, kementerian) under the chosen node or,
    without one, under the user's scope, in name order."""
    units = org_units_for_user(access).filter(kind=OrgKind.AGENCY)
    if scope.node is not None:
        units = units.filter(path__startswith=scope.node.path)
    return list(units.order_by("name"))


def compare_regions(
    access: Access,
    scope: Scope,
    evaluate_one: Callable[[Access, Scope], EvaluationResult] = evaluate,
) -> RegionComparison:
    """Each instansi's evaluation; `evaluate_one` lets the page read stored results."""
    rows = tuple(
        RegionRow(region, evaluate_one(access, replace(scope, node=region)))
        for region in regions_for(access, scope)
    )
    return RegionComparison(scope, rows)
