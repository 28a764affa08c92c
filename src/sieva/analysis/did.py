"""Difference-in-differences: the 2 × 2 design, two-way fixed effects and a pre-trend check.

Estimation by OLS (statsmodels) with standard errors clustered by unit (CR1, t with G − 1
degrees of freedom). With few clusters those errors are too small: every result carries a
warning when there are fewer than ``min_clusters`` (default 30) units or fewer than 5
treated units (Cameron & Miller 2015, J. Human Resources 50:317–372; MacKinnon & Webb 2017).

Codes
-----
`DidWarning` (each a `Notice` in ``warnings``):
``few_clusters`` (params ``n_clusters``, ``min_clusters``): clustered errors unreliable;
``few_treated_clusters`` (``n_treated_clusters``, ``min_treated_clusters``): inference rests on
very few treated units; ``staggered_adoption``: treatment starts at different times, so
two-way fixed effects can be biased (Goodman-Bacon 2021); ``treatment_switches_off``: some
units leave treatment, the estimate averages on/off spells.
"""

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from sieva.analysis._validation import as_vector, check_level
from sieva.analysis.types import ConfidenceInterval, Notice

__all__ = [
    "DidEstimate",
    "DidWarning",
    "Lead",
    "PretrendCheck",
    "did_2x2",
    "did_twfe",
    "pretrend_check",
]

MIN_TREATED_CLUSTERS = 5


class DidWarning(StrEnum):
    FEW_CLUSTERS = "few_clusters"
    FEW_TREATED_CLUSTERS = "few_treated_clusters"
    STAGGERED_ADOPTION = "staggered_adoption"
    TREATMENT_SWITCHES_OFF = "treatment_switches_off"


@dataclass(frozen=True)
class DidEstimate:
    """A difference-in-differences effect with its clustered (or HC1) inference.

    ``df`` is the t distribution's degrees of freedom (G − 1 when clustered).
    ``cell_means`` (2 × 2 design only) holds the four group × period means.
    """

    design: str
    estimate: float
    se: float
    ci: ConfidenceInterval
    t: float
    df: int
    p: float
    n_obs: int
    n_clusters: int | None
    n_treated_clusters: int | None
    cell_means: dict[str, float] | None
    warnings: tuple[Notice, ...]


@dataclass(frozen=True)
class Lead:
    """Coefficient of ``relative_period`` periods before treatment (−1 is the reference)."""

    relative_period: int
    estimate: float
    se: float
    p: float


@dataclass(frozen=True)
class PretrendCheck:
    """Joint Wald test that every lead is zero; a small ``p`` questions parallel trends."""

    leads: tuple[Lead, ...]
    f: float
    df_num: int
    df_denom: int
    p: float
    n_clusters: int
    warnings: tuple[Notice, ...]


def _binary(values: ArrayLike, name: str, n: int) -> NDArray[np.float64]:
    arr = as_vector(values, name)
    if arr.size != n:
        raise ValueError(f"{name} has {arr.size} values for {n} outcomes")
    if not np.all((arr == 0) | (arr == 1)):
        raise ValueError(f"{name} must be 0/1 (or False/True)")
    return arr


def _codes(labels: Sequence[Hashable], name: str, n: int) -> NDArray[np.int64]:
    if len(labels) != n:
        raise ValueError(f"{name} has {len(labels)} values for {n} outcomes")
    index: dict[Hashable, int] = {}
    return np.array([index.setdefault(x, len(index)) for x in labels], dtype=np.int64)


def _cluster_warnings(n_clusters: int, n_treated: int, min_clusters: int) -> list[Notice]:
    out = []
    if n_clusters < min_clusters:
        params = {"n_clusters": n_clusters, "min_clusters": min_clusters}
        out.append(Notice(DidWarning.FEW_CLUSTERS, params))
    if n_treated < MIN_TREATED_CLUSTERS:
        params = {"n_treated_clusters": n_treated, "min_treated_clusters": MIN_TREATED_CLUSTERS}
        out.append(Notice(DidWarning.FEW_TREATED_CLUSTERS, params))
    return out


def _fit(y: NDArray[np.float64], x: NDArray[np.float64], groups: NDArray[np.int64] | None) -> Any:
    import statsmodels.api as sm

    if np.linalg.matrix_rank(x) < x.shape[1]:
        raise ValueError("the design is not identified (collinear regressors); check the data")
    model = sm.OLS(y, x)
    if groups is None:
        return model.fit(cov_type="HC1", use_t=True)
    return model.fit(cov_type="cluster", cov_kwds={"groups": groups}, use_t=True)


def _estimate(res: Any, column: int, design: str, level: float, **extra: Any) -> DidEstimate:
    low, high = (float(v) for v in np.asarray(res.conf_int(alpha=1 - level))[column])
    return DidEstimate(
        design=design,
        estimate=float(res.params[column]),
        se=float(res.bse[column]),
        ci=ConfidenceInterval(low, high, level),
        t=float(res.tvalues[column]),
        df=int(round(float(getattr(res, "df_resid_inference", None) or res.df_resid))),
        p=float(res.pvalues[column]),
        n_obs=int(res.nobs),
        **extra,
    )


def did_2x2(
    y: ArrayLike,
    *,
    treated: ArrayLike,
    post: ArrayLike,
    unit: Sequence[Hashable] | None = None,
    confidence: float = 0.95,
    min_clusters: int = 30,
) -> DidEstimate:
    """Classic 2 × 2 difference-in-differences.

    Parameters
    ----------
    y : array_like of float
        Outcome per observation (person or unit × period).
    treated, post : array_like of 0/1
        Group (1 = took part) and period (1 = after) of each observation.
    unit : sequence, optional
        Unit identifier for clustering (panel); None for repeated cross-sections (HC1).
    confidence : float
        Interval level, default 0.95.
    min_clusters : int
        Below this number of clusters a warning is added, default 30.

    Returns
    -------
    DidEstimate

    Notes
    -----
    ``y = β₀ + β₁ treated + β₂ post + δ treated·post + ε``; ``δ = (ȳ_T,post − ȳ_T,pre) −
    (ȳ_C,post − ȳ_C,pre)`` (Angrist & Pischke 2009, ch. 5.2; Card & Krueger 1994).
    Valid if, without the program, both groups would have moved in parallel.

    Examples
    --------
    >>> y = [10, 11, 12, 10, 12, 11, 13, 14, 15, 18, 19, 20]
    >>> tr = [0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1]
    >>> po = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]
    >>> round(did_2x2(y, treated=tr, post=po).estimate, 3)
    5.0
    """
    level = check_level(confidence)
    out = as_vector(y, "y", min_n=4)
    n = out.size
    g, p = _binary(treated, "treated", n), _binary(post, "post", n)
    cells = {
        "control_pre": (g == 0) & (p == 0),
        "control_post": (g == 0) & (p == 1),
        "treated_pre": (g == 1) & (p == 0),
        "treated_post": (g == 1) & (p == 1),
    }
    empty = [name for name, mask in cells.items() if not mask.any()]
    if empty:
        raise ValueError(f"every group × period cell needs data; empty: {', '.join(empty)}")
    x = np.column_stack([np.ones(n), g, p, g * p])
    groups = None if unit is None else _codes(unit, "unit", n)
    res = _fit(out, x, groups)
    warnings: list[Notice] = []
    n_clusters = n_treated = None
    if groups is not None:
        n_clusters = int(groups.max()) + 1
        n_treated = int(np.unique(groups[g == 1]).size)
        warnings = _cluster_warnings(n_clusters, n_treated, min_clusters)
    means = {name: float(np.mean(out[mask])) for name, mask in cells.items()}
    return _estimate(
        res,
        3,
        "2x2",
        level,
        n_clusters=n_clusters,
        n_treated_clusters=n_treated,
        cell_means=means,
        warnings=tuple(warnings),
    )


def _panel(
    y: ArrayLike, unit: Sequence[Hashable], period: Sequence[Hashable], treatment: ArrayLike
) -> tuple[NDArray[np.float64], NDArray[np.int64], NDArray[np.int64], NDArray[np.float64]]:
    out = as_vector(y, "y", min_n=4)
    n = out.size
    units = _codes(unit, "unit", n)
    if len(period) != n:
        raise ValueError(f"period has {len(period)} values for {n} outcomes")
    try:
        ordered = sorted(set(period))  # type: ignore[type-var]
    except TypeError:
        raise ValueError(
            "periods must be comparable (numbers, or dates/strings of one kind)"
        ) from None
    rank = {t: i for i, t in enumerate(ordered)}
    periods = np.array([rank[t] for t in period], dtype=np.int64)
    d = _binary(treatment, "treatment", n)
    if len(ordered) < 2 or d.min() == d.max():
        raise ValueError("a panel needs at least two periods and both treated and untreated rows")
    return out, units, periods, d


def _dummies(codes: NDArray[np.int64], drop_first: bool) -> NDArray[np.float64]:
    full: NDArray[np.float64] = np.equal.outer(codes, np.arange(int(codes.max()) + 1)).astype(
        np.float64
    )
    return full[:, 1:] if drop_first else full


def _first_treated(
    units: NDArray[np.int64], periods: NDArray[np.int64], d: NDArray[np.float64]
) -> dict[int, int]:
    first: dict[int, int] = {}
    for u, t in zip(units[d == 1], periods[d == 1], strict=True):
        first[int(u)] = min(first.get(int(u), int(t)), int(t))
    return first


def _timing_warnings(
    units: NDArray[np.int64], periods: NDArray[np.int64], d: NDArray[np.float64]
) -> list[Notice]:
    first = _first_treated(units, periods, d)
    out = []
    if len(set(first.values())) > 1:
        out.append(Notice(DidWarning.STAGGERED_ADOPTION))
    if any(d[(units == u) & (periods > t)].min(initial=1) == 0 for u, t in first.items()):
        out.append(Notice(DidWarning.TREATMENT_SWITCHES_OFF))
    return out


def did_twfe(
    y: ArrayLike,
    *,
    unit: Sequence[Hashable],
    period: Sequence[Hashable],
    treatment: ArrayLike,
    confidence: float = 0.95,
    min_clusters: int = 30,
) -> DidEstimate:
    """Panel difference-in-differences by two-way fixed effects, clustered by unit.

    Parameters
    ----------
    y : array_like of float
        Outcome per unit × period row (an unbalanced panel is allowed).
    unit, period : sequence
        Unit identifier and period (sortable) of each row.
    treatment : array_like of 0/1
        1 where the unit is under the program in that period.
    confidence : float
        Interval level, default 0.95.
    min_clusters : int
        Below this number of units a warning is added, default 30.

    Returns
    -------
    DidEstimate

    Notes
    -----
    ``y_it = α_i + λ_t + δ D_it + ε_it`` by OLS with unit and period dummies; CR1 errors
    clustered by unit with ``G/(G−1)·(N−1)/(N−K)`` (as Stata ``regress … i.unit i.period,
    vce(cluster unit)``), t on G − 1 df. With one adoption date this is the DiD estimate;
    with staggered adoption it is a weighted average that can mislead (Goodman-Bacon 2021),
    so a warning is added.

    Examples
    --------
    >>> unit = ["a", "a", "b", "b", "c", "c", "d", "d"]
    >>> period = [1, 2] * 4
    >>> d = [0, 1, 0, 1, 0, 0, 0, 0]
    >>> y = [10, 15, 12, 17.5, 11, 12, 9, 10.5]
    >>> r = did_twfe(y, unit=unit, period=period, treatment=d)
    >>> round(r.estimate, 2), r.n_clusters
    (4.0, 4)
    """
    level = check_level(confidence)
    out, units, periods, d = _panel(y, unit, period, treatment)
    x = np.column_stack([d, _dummies(units, False), _dummies(periods, True)])
    res = _fit(out, x, units)
    n_clusters = int(units.max()) + 1
    n_treated = int(np.unique(units[d == 1]).size)
    warnings = _cluster_warnings(n_clusters, n_treated, min_clusters)
    warnings += _timing_warnings(units, periods, d)
    return _estimate(
        res,
        0,
        "twfe",
        level,
        n_clusters=n_clusters,
        n_treated_clusters=n_treated,
        cell_means=None,
        warnings=tuple(warnings),
    )


def pretrend_check(
    y: ArrayLike,
    *,
    unit: Sequence[Hashable],
    period: Sequence[Hashable],
    treatment: ArrayLike,
    min_clusters: int = 30,
) -> PretrendCheck:
    """Event-study test of parallel pre-trends from leads of the treatment.

    Parameters
    ----------
    y, unit, period, treatment
        As for `did_twfe`; units never treated serve as the comparison.
    min_clusters : int
        Below this number of units a warning is added, default 30.

    Returns
    -------
    PretrendCheck

    Notes
    -----
    ``y_it = α_i + λ_t + Σ_{k≥2} β_{−k} 1[t − g_i = −k] + Σ_{k≥0} γ_k 1[t − g_i = k] + ε``
    with ``g_i`` the first treated period of unit i and ``k = −1`` the reference
    (Autor 2003; Freyberg & Roth 2022 on what such tests can and cannot show). H₀: every
    ``β_{−k} = 0``, Wald F with the clustered covariance on (q, G − 1) df. Needs at least
    two periods before treatment and never-treated (or later-treated) units.

    Examples
    --------
    >>> unit = [u for u in "abcdef" for _ in range(4)]
    >>> period = [1, 2, 3, 4] * 6
    >>> d = [0, 0, 1, 1] * 3 + [0, 0, 0, 0] * 3
    >>> y = [1, 2, 6, 7, 2, 3, 7, 9, 0, 1, 5, 6, 1, 2, 3, 4, 3, 4.5, 5, 6, 2, 3, 4, 5.5]
    >>> r = pretrend_check(y, unit=unit, period=period, treatment=d)
    >>> [lead.relative_period for lead in r.leads], round(r.p, 2)
    ([-2], 0.46)
    """
    out, units, periods, d = _panel(y, unit, period, treatment)
    first = _first_treated(units, periods, d)
    rel = np.array(
        [periods[i] - first[int(u)] if int(u) in first else -1 for i, u in enumerate(units)],
        dtype=np.int64,
    )
    leads = sorted({int(r) for r in rel if r <= -2}, reverse=True)
    if not leads:
        raise ValueError("a pre-trend check needs at least two periods before treatment")
    lags = sorted({int(r) for r in rel if r >= 0})
    event = np.column_stack([(rel == k).astype(np.float64) for k in leads + lags])
    x = np.column_stack([event, _dummies(units, False), _dummies(periods, True)])
    res = _fit(out, x, units)
    q = len(leads)
    ftest = res.f_test(np.eye(x.shape[1])[:q])
    n_clusters = int(units.max()) + 1
    warnings = _cluster_warnings(n_clusters, len(first), min_clusters)
    return PretrendCheck(
        leads=tuple(
            Lead(k, float(res.params[j]), float(res.bse[j]), float(res.pvalues[j]))
            for j, k in enumerate(leads)
        ),
        f=float(np.squeeze(ftest.fvalue)),
        df_num=q,
        df_denom=int(ftest.df_denom),
        p=float(ftest.pvalue),
        n_clusters=n_clusters,
        warnings=tuple(warnings),
    )
