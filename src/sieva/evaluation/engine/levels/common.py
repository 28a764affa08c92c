"""Figures shared by the levels: rates with Wilson intervals and means with t intervals,
suppressed below the minimum cell size."""

from collections.abc import Sequence

from django.conf import settings
from django.utils.translation import gettext as _

from sieva.analysis.descriptive import mean_ci, proportion_ci
from sieva.evaluation.engine.figures import Caveat, CaveatKind, Design, Figure, suppressed


def min_cell() -> int:
    return int(settings.SIEVA_MIN_CELL_SIZE)


def rate_figure(
    key: str,
    label: str,
    successes: int,
    n: int,
    *,
    design: Design = Design.RECORDS,
    source: str = "",
) -> Figure:
    """successes / n as a percentage with its 95 % Wilson interval."""
    if n == 0:
        return Figure(
            key,
            label,
            None,
            0,
            "%",
            design=design,
            source=source,
            caveats=(Caveat(CaveatKind.NO_DATA, _("Belum ada data.")),),
        )
    if n < min_cell():
        return suppressed(key, label, n, min_n=min_cell(), unit="%", design=design, source=source)
    estimate = proportion_ci(successes, n)
    return Figure(
        key,
        label,
        estimate.proportion * 100,
        n,
        "%",
        ci=(estimate.ci.low * 100, estimate.ci.high * 100),
        design=design,
        source=source,
    )


def mean_figure(
    key: str,
    label: str,
    values: Sequence[float],
    *,
    unit: str = "",
    design: Design = Design.POST_ONLY,
    source: str = "",
) -> Figure:
    """The mean of `values` with its 95 % t interval (no interval for a single value)."""
    n = len(values)
    if n == 0:
        return Figure(
            key,
            label,
            None,
            0,
            unit,
            design=design,
            source=source,
            caveats=(Caveat(CaveatKind.NO_DATA, _("Belum ada data.")),),
        )
    if n < min_cell():
        return suppressed(key, label, n, min_n=min_cell(), unit=unit, design=design, source=source)
    estimate = mean_ci(values)
    return Figure(
        key,
        label,
        estimate.mean,
        n,
        unit,
        ci=(estimate.ci.low, estimate.ci.high),
        design=design,
        source=source,
    )
