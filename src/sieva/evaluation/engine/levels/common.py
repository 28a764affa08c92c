"""Figures shared by the levels: rates with Wilson intervals and means with t intervals,
suppressed below the minimum cell size, and the response rate with its margin of error."""

from collections.abc import Sequence

from django.conf import settings
from django.utils.translation import gettext as _

from sieva.analysis.descriptive import mean_ci, proportion_ci
from sieva.analysis.sampling import margin_of_error
from sieva.core import numbers
from sieva.evaluation.engine.adapters import ResponseRate
from sieva.evaluation.engine.figures import Caveat, CaveatKind, Design, Figure, suppressed


def min_cell() -> int:
    return int(settings.SIEVA_MIN_CELL_SIZE)


def _no_data(key: str, label: str, unit: str, design: Design, source: str) -> Figure:
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
        return _no_data(key, label, "%", design, source)
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
    suppress: bool = True,
) -> Figure:
    """The mean of `values` with its 95 % t interval.

    `suppress=False` is for means over units (each already resting on enough people), where
    a small n is a statistical weakness, not a privacy risk."""
    n = len(values)
    if n == 0:
        return _no_data(key, label, unit, design, source)
    if suppress and n < min_cell():
        return suppressed(key, label, n, min_n=min_cell(), unit=unit, design=design, source=source)
    if n == 1:
        return Figure(key, label, float(values[0]), 1, unit, design=design, source=source)
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


def response_margin(answered: int, population: int) -> float | None:
    """Worst-case (p = 0.5) 95 % margin of error of a percentage from `answered` of
    `population` people (finite population correction); None when nobody answered."""
    if answered < 1 or population < 1:
        return None
    return margin_of_error(answered, population)


def response_rate_figure(key: str, rate: ResponseRate, source: str = "") -> Figure:
    """The response rate, with a caveat when the margin of error exceeds the setting."""
    figure = rate_figure(
        key, _("Tingkat respons"), rate.answered, rate.population or rate.answered, source=source
    )
    moe = response_margin(rate.answered, rate.population)
    limit = float(settings.SIEVA_MAX_MARGIN_OF_ERROR)
    if moe is not None and moe > limit:
        shown, bound = numbers.compared(moe * 100, limit * 100, places=0)
        figure = figure.with_caveat(
            Caveat(
                CaveatKind.LOW_RESPONSE,
                _(
                    "%(answered)d dari %(population)d menjawab: margin of error ±%(moe)s poin "
                    "persen, melebihi batas ±%(limit)s."
                )
                % {
                    "answered": rate.answered,
                    "population": rate.population,
                    "moe": shown,
                    "limit": bound,
                },
            )
        )
    return figure
