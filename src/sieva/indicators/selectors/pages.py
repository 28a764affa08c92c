"""What the indicator pages show: lists, one unit's trend, the entry grid and the export."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Max, QuerySet
from django.utils.translation import gettext as _

from sieva.indicators.access import definitions_for_user, unit_indicators_for_user
from sieva.indicators.models import IndicatorActual, IndicatorDefinition, UnitIndicator
from sieva.indicators.periods import period_label
from sieva.org.access import Access


def definition_rows(access: Access) -> QuerySet[IndicatorDefinition]:
    """Definitions in scope with how many units adopted them (scoped too) and the last period."""
    return definitions_for_user(access).annotate(
        n_units=Count("unit_indicators", distinct=True),
        last_period=Max("actuals__period"),
    )


def adopted_units(access: Access, definition: IndicatorDefinition) -> list[UnitIndicator]:
    """The unit indicators of `definition` whose unit the user may see, by tree order."""
    return list(unit_indicators_for_user(access).filter(definition=definition))


@dataclass(frozen=True)
class TrendPoint:
    period: dt.date
    label: str
    value: Decimal
    source: str
    note: str


def unit_trend(item: UnitIndicator) -> list[TrendPoint]:
    definition = item.definition
    rows = IndicatorActual.objects.filter(definition=definition, unit=item.unit).order_by("period")
    return [
        TrendPoint(
            r.period,
            period_label(r.period, definition.frequency),
            r.value,
            r.get_source_display(),
            r.note,
        )
        for r in rows
    ]


def grid_values(
    definition: IndicatorDefinition, unit_ids: list[int], periods: list[dt.date]
) -> dict[tuple[int, dt.date], Decimal]:
    rows = IndicatorActual.objects.filter(
        definition=definition, unit_id__in=unit_ids, period__in=periods
    ).values_list("unit_id", "period", "value")
    return {(u, p): v for u, p, v in rows}


def export_headers() -> list[str]:
    return [
        "KODE_UNIT",
        _("Nama unit"),
        "KODE_INDIKATOR",
        _("Indikator"),
        _("Satuan"),
        "PERIODE",
        "NILAI",
        _("Sumber"),
    ]


def export_rows(access: Access) -> list[list[Any]]:
    """Every actual of adopted indicators in scope, in the import layout plus names."""
    rows = (
        IndicatorActual.objects.filter(
            unit__path__startswith=access.scope_path,
            definition__owner__path__startswith=access.scope_path,
        )
        .select_related("unit", "definition")
        .order_by("unit__path", "definition__code", "period")
    )
    return [
        [
            a.unit.code,
            a.unit.name,
            a.definition.code,
            a.definition.name,
            a.definition.unit_of_measure,
            period_label(a.period, a.definition.frequency),
            a.value,
            a.get_source_display(),
        ]
        for a in rows
    ]
