"""Unit outcomes for L4 results: which service units were trained and when, comparable
untrained units, and monthly panels of IKM (the SKM app's IKM reader) and unit indicators."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Min, QuerySet

from sieva.core.periods import add_months
from sieva.indicators.models import (
    Direction,
    IndicatorActual,
    IndicatorKind,
)
from sieva.org.models import OrgKind, OrgUnit
from sieva.programs.models import (
    Cohort,
    Enrollment,
    EnrollmentStatus,
)
from sieva.satisfaction.periods import month_period
from sieva.satisfaction.selectors import ikm_scores

# --- L4 results: citizen satisfaction (IKM) of the units whose staff were trained --------------


@dataclass(frozen=True)
class Panel:
    """An outcome per unit and month for trained and comparison units.

    `treated_from[unit]` is the first month after the unit's first trained employee finished;
    `rows` are (unit, month, value)."""

    treated_from: dict[int, dt.date]
    comparison: list[int]
    rows: list[tuple[int, dt.date, float]]


def _month_after(day: dt.date) -> dt.date:
    return add_months(dt.date(day.year, day.month, 1), 1)


def trained_service_units(cohorts: QuerySet[Cohort]) -> dict[int, dt.date]:
    """Service units with an employee who completed one of `cohorts`, and the first month
    after the earliest such cohort ended (when the unit counts as trained)."""
    rows = (
        Enrollment.objects.filter(
            cohort__in=cohorts.values("pk"),
            status=EnrollmentStatus.PASSED,
            employee__unit__kind=OrgKind.SERVICE_UNIT,
        )
        .values("employee__unit_id")
        .annotate(first_end=Min("cohort__end_date"))
        .order_by()
    )
    return {r["employee__unit_id"]: _month_after(r["first_end"]) for r in rows}


def comparison_service_units(
    cohorts: QuerySet[Cohort], treated: Iterable[int], within: QuerySet[OrgUnit]
) -> list[int]:
    """Service units in `within` (the user's subtree) under the same instansi as the trained
    units, none of whose staff was ever enrolled in these programs."""
    treated_ids = list(treated)
    treated_paths = OrgUnit.objects.filter(pk__in=treated_ids).values_list("path", flat=True)
    agency_paths = [
        path
        for path in OrgUnit.objects.filter(kind=OrgKind.AGENCY).values_list("path", flat=True)
        if any(t.startswith(path) for t in treated_paths)
    ]
    # Staff in any cohort of the same programs (earlier or later) disqualify a unit: it is
    # not an untrained comparison for that program.
    touched = Enrollment.objects.filter(cohort__program__in=cohorts.values("program_id")).values(
        "employee__unit_id"
    )
    candidates = (
        within.filter(kind=OrgKind.SERVICE_UNIT)
        .exclude(pk__in=treated_ids)
        .exclude(pk__in=touched)
        .values_list("pk", "path")
    )
    return [pk for pk, path in candidates if any(path.startswith(a) for a in agency_paths)]


def _window(treated_from: dict[int, dt.date], months_around: int) -> tuple[dt.date, dt.date]:
    return (
        add_months(min(treated_from.values()), -months_around),
        add_months(max(treated_from.values()), months_around),
    )


def ikm_panel(
    treated_from: dict[int, dt.date], comparison: list[int], *, months_around: int
) -> Panel:
    """Monthly NIK (IKM × 25, unrounded) of each unit-month that the SKM app's IKM reader
    shows (enough respondents, see `sieva.satisfaction.selectors.is_shown`)."""
    if not treated_from:
        return Panel({}, comparison, [])
    start, end = _window(treated_from, months_around)
    months = [add_months(start, i) for i in range(_months_between(start, end) + 1)]
    scores = ikm_scores([*treated_from, *comparison], [month_period(m) for m in months])
    rows = sorted(
        (s.unit_id, s.period.first, s.result.nik_unrounded)
        for s in scores
        if s.result is not None and s.unit_id is not None
    )
    return Panel(treated_from, comparison, rows)


def _months_between(first: dt.date, last: dt.date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month


@dataclass(frozen=True)
class IndicatorPanel:
    definition_id: int
    name: str
    unit_of_measure: str
    lower_is_better: bool
    panel: Panel


def indicator_panels(
    treated_from: dict[int, dt.date], comparison: list[int], *, months_around: int
) -> list[IndicatorPanel]:
    """Every unit indicator (except IKM, which comes from the SKM) reported by a trained unit,
    as a panel over the same window."""
    if not treated_from:
        return []
    start, end = _window(treated_from, months_around)
    units = [*treated_from, *comparison]
    actuals = (
        IndicatorActual.objects.filter(
            unit_id__in=units,
            period__range=(start, end),
            definition__in=IndicatorActual.objects.filter(unit_id__in=list(treated_from))
            .exclude(definition__kind=IndicatorKind.IKM)
            .values("definition_id"),
        )
        .values_list(
            "definition_id",
            "definition__name",
            "definition__unit_of_measure",
            "definition__direction",
            "unit_id",
            "period",
            "value",
        )
        .order_by("definition_id", "unit_id", "period")
    )
    panels: dict[int, IndicatorPanel] = {}
    for definition, name, measure, direction, unit, period, value in actuals:
        if definition not in panels:
            panels[definition] = IndicatorPanel(
                definition,
                name,
                measure,
                direction == Direction.LOWER_IS_BETTER,
                Panel(treated_from, comparison, []),
            )
        panels[definition].panel.rows.append((unit, period, float(value)))
    return list(panels.values())
