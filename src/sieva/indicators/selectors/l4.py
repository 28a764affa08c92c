"""Unit indicators for the L4 (results) level of the evaluation engine.

`before_after` shapes unit × period actuals for `sieva.analysis.did`: with comparison units
it estimates a 2 × 2 difference-in-differences clustered by unit (the panel rows are there
for `did_twfe` and `pretrend_check` too); without them it is a before/after of the trained
units only, flagged with a caveat, since a trend or a shock would look like an effect.
"""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from sieva.analysis.did import DidEstimate, did_2x2
from sieva.analysis.paired import PairedTTest, paired_t
from sieva.indicators.models import Direction, IndicatorActual, IndicatorDefinition
from sieva.org.models import OrgUnit

__all__ = ["BeforeAfter", "DidInput", "IndicatorSeries", "before_after", "indicator_series"]

NO_COMPARISON = _(
    "Tanpa unit pembanding: perubahan sebelum/sesudah bisa disebabkan tren atau kejadian "
    "lain, bukan oleh program."
)


@dataclass(frozen=True)
class IndicatorSeries:
    """Values of one indicator per unit, aligned with `periods` (None where not reported)."""

    definition_id: int
    periods: tuple[dt.date, ...]
    values: dict[int, tuple[float | None, ...]]


@dataclass(frozen=True)
class DidInput:
    """Unit × period rows as `did_2x2(y, treated=, post=, unit=)` and
    `did_twfe(y, unit=, period=, treatment=)` take them (treatment = treated × post)."""

    y: tuple[float, ...]
    unit: tuple[int, ...]
    period: tuple[dt.date, ...]
    treated: tuple[int, ...]
    post: tuple[int, ...]

    @property
    def treatment(self) -> tuple[int, ...]:
        return tuple(t * p for t, p in zip(self.treated, self.post, strict=True))


@dataclass(frozen=True)
class BeforeAfter:
    """Before/after (or DiD) of one indicator around `cutoff` (first period counted as after).

    ``design`` is "did" with comparison units, else "before_after" with ``caveat`` set.
    ``improvement_sign`` is −1 for lower-is-better indicators: multiply an estimate by it
    and a positive number means things got better. ``estimate`` is None when the data do
    not allow one (a cell without data, or fewer than two trained units for before/after).
    """

    design: str
    definition_id: int
    cutoff: dt.date
    improvement_sign: int
    data: DidInput
    n_treated_units: int
    n_comparison_units: int
    means: dict[str, float | None]
    did: DidEstimate | None
    paired: PairedTTest | None
    caveat: str
    warnings: tuple[str, ...]


def _ids(units: Iterable[OrgUnit | int]) -> list[int]:
    return sorted({u.pk if isinstance(u, OrgUnit) else int(u) for u in units})


def indicator_series(
    unit_ids: Iterable[int], definition: IndicatorDefinition, periods: Sequence[dt.date]
) -> IndicatorSeries:
    """The actuals of `definition` for `unit_ids` in `periods` (one query)."""
    ids, wanted = _ids(unit_ids), tuple(periods)
    slot = {p: i for i, p in enumerate(wanted)}
    values: dict[int, list[float | None]] = {u: [None] * len(wanted) for u in ids}
    rows = IndicatorActual.objects.filter(
        definition=definition, unit_id__in=ids, period__in=wanted
    ).values_list("unit_id", "period", "value")
    for unit_id, period, value in rows:
        values[unit_id][slot[period]] = float(value)
    return IndicatorSeries(definition.pk, wanted, {u: tuple(v) for u, v in values.items()})


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def before_after(
    units: Iterable[OrgUnit | int],
    definition: IndicatorDefinition,
    cutoff_period: dt.date,
    comparison_units: Iterable[OrgUnit | int] | None = None,
) -> BeforeAfter:
    """Actuals of `units` (trained) and `comparison_units` before and after `cutoff_period`.

    Units that appear in both lists count as trained. Every stored period is used; periods
    before `cutoff_period` are "pre". Raises ValueError when `units` is empty.
    """
    treated = _ids(units)
    if not treated:
        raise ValueError("before_after needs at least one trained unit")
    comparison = [u for u in _ids(comparison_units or ()) if u not in set(treated)]
    rows = (
        IndicatorActual.objects.filter(definition=definition, unit_id__in=treated + comparison)
        .order_by("unit_id", "period")
        .values_list("unit_id", "period", "value")
    )
    is_treated = set(treated)
    y, unit, period, flag, post = [], [], [], [], []
    for unit_id, day, value in rows:
        y.append(float(value))
        unit.append(unit_id)
        period.append(day)
        flag.append(int(unit_id in is_treated))
        post.append(int(day >= cutoff_period))
    data = DidInput(tuple(y), tuple(unit), tuple(period), tuple(flag), tuple(post))
    cells: dict[str, list[float]] = {}
    for value, t, p in zip(y, flag, post, strict=True):
        name = f"{'treated' if t else 'control'}_{'post' if p else 'pre'}"
        cells.setdefault(name, []).append(value)
    names = ("treated_pre", "treated_post", "control_pre", "control_post")
    means = {name: _mean(cells.get(name, [])) for name in names}
    sign = -1 if definition.direction == Direction.LOWER_IS_BETTER else 1
    common = {
        "definition_id": definition.pk,
        "cutoff": cutoff_period,
        "improvement_sign": sign,
        "data": data,
        "n_treated_units": len({u for u, t in zip(unit, flag, strict=True) if t}),
        "n_comparison_units": len({u for u, t in zip(unit, flag, strict=True) if not t}),
        "means": means,
    }
    if comparison:
        estimate, warnings = None, ()
        if all(cells.get(name) for name in names):
            estimate = did_2x2(y, treated=flag, post=post, unit=unit)
            warnings = estimate.warnings
        return BeforeAfter("did", did=estimate, paired=None, caveat="", warnings=warnings, **common)
    return BeforeAfter(
        "before_after",
        did=None,
        paired=_paired(data),
        caveat=str(NO_COMPARISON),
        warnings=(),
        **common,
    )


def _paired(data: DidInput) -> PairedTTest | None:
    """Paired t over trained units' mean before vs mean after (units with both only)."""
    by_unit: dict[int, tuple[list[float], list[float]]] = {}
    for value, u, p in zip(data.y, data.unit, data.post, strict=True):
        by_unit.setdefault(u, ([], []))[p].append(value)
    pairs = [(_mean(a), _mean(b)) for a, b in by_unit.values() if a and b]
    if len(pairs) < 2:
        return None
    try:
        return paired_t([a for a, _b in pairs], [b for _a, b in pairs])
    except ValueError:  # identical differences: no spread to test
        return None
