"""The gate to indicator data: scoped by the owner node (definitions) or the unit (targets).

Reading needs VIEW_REPORTS; writing needs EDIT_PEOPLE, i.e. the agency's admins, not the
organisers whose programs these numbers judge (decision 0011). Out of scope is a 404.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from sieva.indicators.models import IndicatorDefinition, MonetisedBenefit, UnitIndicator
from sieva.org.access import Access, Capability, scope_queryset
from sieva.programs.access import programs_for_user
from sieva.programs.models import Program

READ, WRITE = Capability.VIEW_REPORTS, Capability.EDIT_PEOPLE


def _check(access: Access, write: bool) -> None:
    if not access.can(WRITE if write else READ):
        raise PermissionDenied


def definitions_for_user(access: Access) -> QuerySet[IndicatorDefinition]:
    return scope_queryset(IndicatorDefinition.objects.select_related("owner"), access, "owner")


def unit_indicators_for_user(access: Access) -> QuerySet[UnitIndicator]:
    return scope_queryset(
        UnitIndicator.objects.select_related("unit", "definition__owner"), access, "unit"
    )


def get_definition_for_user(access: Access, pk: int, *, write: bool = False) -> IndicatorDefinition:
    """The definition `pk` if its owner is in the user's subtree; 403 without the capability."""
    _check(access, write)
    definition = get_object_or_404(IndicatorDefinition.objects.select_related("owner"), pk=pk)
    if not access.covers(definition.owner):
        raise Http404
    return definition


def get_unit_indicator_for_user(access: Access, pk: int, *, write: bool = False) -> UnitIndicator:
    """The unit indicator `pk` if its unit is in the user's subtree."""
    _check(access, write)
    item = get_object_or_404(
        UnitIndicator.objects.select_related("unit", "definition__owner"), pk=pk
    )
    if not access.covers(item.unit):
        raise Http404
    return item


def get_program_for_benefits(access: Access, pk: int, *, write: bool = False) -> Program:
    """The program `pk` whose benefits and ROI are shown, scoped by its owner."""
    _check(access, write)
    return get_object_or_404(programs_for_user(access), pk=pk)


def get_benefit_for_user(access: Access, pk: int, *, write: bool = False) -> MonetisedBenefit:
    _check(access, write)
    benefit = get_object_or_404(
        MonetisedBenefit.objects.select_related("program__owner", "unit"), pk=pk
    )
    if not access.covers(benefit.program.owner):
        raise Http404
    return benefit
