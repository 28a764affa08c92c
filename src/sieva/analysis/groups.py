"""Two independent groups: Welch t, Mann–Whitney, Hedges' g, proportions, contingency tables.

Every difference is ``first − second`` (e.g. trained − comparison).

Codes
-----
`ContingencyMethod`: ``chi-square``, ``fisher``.
`ContingencyWarning`: ``small_expected_counts`` (params ``min_expected``, the smallest
expected count, and ``percent_below_5``, the percentage of cells expecting fewer than 5).
"""

import math
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from numpy.typing import ArrayLike
from scipy import stats

from sieva.analysis._effect import hedges_correction, normal_ci
from sieva.analysis._validation import as_vector, check_level
from sieva.analysis.descriptive import proportion_ci
from sieva.analysis.types import (
    ConfidenceInterval,
    EffectSize,
    IntervalMethod,
    Notice,
    PValueMethod,
)

__all__ = [
    "ContingencyMethod",
    "ContingencyTest",
    "ContingencyWarning",
    "MannWhitney",
    "ProportionDifference",
    "WelchTTest",
    "chi_square",
    "fisher_exact",
    "hedges_g",
    "independence_test",
    "mann_whitney",
    "proportion_difference",
    "welch_t",
]


class ContingencyMethod(StrEnum):
    CHI_SQUARE = "chi-square"
    FISHER = "fisher"


class ContingencyWarning(StrEnum):
    SMALL_EXPECTED_COUNTS = "small_expected_counts"


@dataclass(frozen=True)
class WelchTTest:
    """Welch's unequal-variance t test of ``mean(first) − mean(second)``."""

    n1: int
    n2: int
    mean1: float
    mean2: float
    mean_diff: float
    ci: ConfidenceInterval
    t: float
    df: float
    p: float


@dataclass(frozen=True)
class MannWhitney:
    """Mann–Whitney U test; ``u`` is the statistic of the first group (R's ``W``)."""

    n1: int
    n2: int
    u: float
    p: float
    rank_biserial: float
    method: PValueMethod


@dataclass(frozen=True)
class ProportionDifference:
    """``p1 − p2`` with Newcombe's hybrid score interval."""

    p1: float
    p2: float
    diff: float
    ci: ConfidenceInterval


@dataclass(frozen=True)
class ContingencyTest:
    """Test of independence in a contingency table.

    ``method`` is ``chi-square`` (``statistic`` = X², ``df`` its degrees of freedom) or
    ``fisher`` (``statistic`` = sample odds ratio, ``df`` None). ``warning`` is set when the
    expected counts are too small for the chi-square approximation.
    """

    method: ContingencyMethod
    statistic: float
    df: int | None
    p: float
    min_expected: float
    warning: Notice | None


def _two_groups(first: ArrayLike, second: ArrayLike, min_n: int) -> tuple[np.ndarray, np.ndarray]:
    return as_vector(first, "first", min_n=min_n), as_vector(second, "second", min_n=min_n)


def welch_t(first: ArrayLike, second: ArrayLike, *, confidence: float = 0.95) -> WelchTTest:
    """Welch's t test for two independent groups with possibly unequal variances.

    Parameters
    ----------
    first, second : array_like of float
        At least two observations each.
    confidence : float
        Interval level, default 0.95.

    Returns
    -------
    WelchTTest

    Notes
    -----
    ``t = (x̄₁ − x̄₂) / √(s₁²/n₁ + s₂²/n₂)``; Welch–Satterthwaite
    ``df = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁−1) + (s₂²/n₂)²/(n₂−1))``.
    Reference: Welch (1947), Biometrika 34:28–35; R ``t.test(x, y)`` (its default).

    Examples
    --------
    >>> r = welch_t([78, 82, 75, 90, 85], [70, 72, 68, 80, 74])
    >>> round(r.mean_diff, 1), round(r.t, 3), round(r.df, 2), round(r.p, 4)
    (9.2, 2.756, 7.57, 0.0262)
    """
    level = check_level(confidence)
    a, b = _two_groups(first, second, 2)
    va, vb = float(np.var(a, ddof=1)) / a.size, float(np.var(b, ddof=1)) / b.size
    if va + vb == 0.0:
        raise ValueError("both groups have zero variance; the t statistic is undefined")
    diff = float(np.mean(a) - np.mean(b))
    se = math.sqrt(va + vb)
    df = (va + vb) ** 2 / (va**2 / (a.size - 1) + vb**2 / (b.size - 1))
    t = diff / se
    p = float(2 * stats.t.sf(abs(t), df))
    half = float(stats.t.ppf(0.5 + level / 2, df)) * se
    ci = ConfidenceInterval(diff - half, diff + half, level)
    return WelchTTest(
        int(a.size), int(b.size), float(np.mean(a)), float(np.mean(b)), diff, ci, t, df, p
    )


def mann_whitney(first: ArrayLike, second: ArrayLike) -> MannWhitney:
    """Mann–Whitney U (Wilcoxon rank-sum) test and rank-biserial correlation.

    Parameters
    ----------
    first, second : array_like of float
        At least one observation each.

    Returns
    -------
    MannWhitney

    Notes
    -----
    ``U₁ = R₁ − n₁(n₁+1)/2`` with ``R₁`` the rank sum of the first group (mid-ranks for ties).
    As R's ``wilcox.test(x, y)``: exact p when both groups are under 50 and there are no
    ties, otherwise normal approximation with tie and continuity corrections.
    Rank-biserial ``r = 2U₁/(n₁n₂) − 1`` (Wendt 1972), positive when the first group is higher.
    Reference: Mann & Whitney (1947), Ann. Math. Stat. 18:50–60.

    Examples
    --------
    >>> r = mann_whitney([78, 82, 75, 90, 85], [70, 72, 68, 80, 74])
    >>> r.u, round(r.p, 4), round(r.rank_biserial, 2)
    (23.0, 0.0317, 0.84)
    """
    a, b = _two_groups(first, second, 1)
    pooled = np.concatenate([a, b])
    ties = np.unique(pooled).size < pooled.size
    exact = a.size < 50 and b.size < 50 and not ties
    res = stats.mannwhitneyu(
        a,
        b,
        alternative="two-sided",
        use_continuity=True,
        method="exact" if exact else "asymptotic",
    )
    u = float(res.statistic)
    return MannWhitney(
        n1=int(a.size),
        n2=int(b.size),
        u=u,
        p=float(res.pvalue),
        rank_biserial=2 * u / (a.size * b.size) - 1,
        method=PValueMethod.EXACT if exact else PValueMethod.NORMAL_APPROXIMATION,
    )


def hedges_g(first: ArrayLike, second: ArrayLike, *, confidence: float = 0.95) -> EffectSize:
    """Hedges' g for two independent groups, with its approximate interval.

    Parameters
    ----------
    first, second : array_like of float
        At least two observations each.
    confidence : float
        Interval level, default 0.95.

    Returns
    -------
    EffectSize
        ``name="g"``, interval from the normal approximation.

    Notes
    -----
    ``d = (x̄₁ − x̄₂) / s_p`` with ``s_p² = ((n₁−1)s₁² + (n₂−1)s₂²) / (n₁+n₂−2)``;
    ``g = J(n₁+n₂−2) · d`` with the exact Hedges (1981) factor;
    ``V_d = (n₁+n₂)/(n₁n₂) + d²/(2(n₁+n₂))``, ``V_g = J² V_d``, interval ``g ± z √V_g``
    (Borenstein et al. 2009, eqs. 4.18–4.24; Hedges & Olkin 1985).

    Examples
    --------
    >>> es = hedges_g([78, 82, 75, 90, 85], [70, 72, 68, 80, 74])
    >>> round(es.value, 3), round(es.ci.low, 3), round(es.ci.high, 3)
    (1.574, 0.259, 2.888)
    """
    level = check_level(confidence)
    a, b = _two_groups(first, second, 2)
    n1, n2 = a.size, b.size
    pooled_var = ((n1 - 1) * np.var(a, ddof=1) + (n2 - 1) * np.var(b, ddof=1)) / (n1 + n2 - 2)
    if pooled_var == 0.0:
        raise ValueError("both groups have zero variance; Hedges' g is undefined")
    d = float((np.mean(a) - np.mean(b)) / math.sqrt(pooled_var))
    j = hedges_correction(n1 + n2 - 2)
    var_d = (n1 + n2) / (n1 * n2) + d**2 / (2 * (n1 + n2))
    g = j * d
    ci = normal_ci(g, j * math.sqrt(var_d), level)
    return EffectSize("g", g, ci, IntervalMethod.NORMAL_APPROXIMATION)


def proportion_difference(
    successes1: int, n1: int, successes2: int, n2: int, *, confidence: float = 0.95
) -> ProportionDifference:
    """Difference of two independent proportions with Newcombe's hybrid score interval.

    Parameters
    ----------
    successes1, n1, successes2, n2 : int
        Counts and sizes of the two groups.
    confidence : float
        Interval level, default 0.95.

    Returns
    -------
    ProportionDifference

    Notes
    -----
    With Wilson limits ``(l₁, u₁)``, ``(l₂, u₂)``: ``L = δ − √((p₁−l₁)² + (u₂−p₂)²)``,
    ``U = δ + √((u₁−p₁)² + (p₂−l₂)²)``. Reference: Newcombe (1998), Stat. Med.
    17:873–890, method 10 (worked example 56/70 − 48/80: 0.0524 to 0.3339).

    Examples
    --------
    >>> r = proportion_difference(56, 70, 48, 80)
    >>> round(r.diff, 2), round(r.ci.low, 4), round(r.ci.high, 4)
    (0.2, 0.0524, 0.3339)
    """
    first = proportion_ci(successes1, n1, confidence=confidence)
    second = proportion_ci(successes2, n2, confidence=confidence)
    p1, p2 = first.proportion, second.proportion
    diff = p1 - p2
    low = diff - math.hypot(p1 - first.ci.low, second.ci.high - p2)
    high = diff + math.hypot(first.ci.high - p1, p2 - second.ci.low)
    return ProportionDifference(p1, p2, diff, ConfidenceInterval(low, high, first.ci.level))


def _table(table: ArrayLike) -> np.ndarray:
    arr = np.asarray(table, dtype=np.float64)
    if arr.ndim != 2 or arr.shape[0] < 2 or arr.shape[1] < 2:
        raise ValueError(f"a contingency table needs at least 2 × 2 cells, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)) or np.any(arr < 0) or np.any(arr != np.round(arr)):
        raise ValueError("a contingency table holds non-negative whole counts")
    if np.any(arr.sum(axis=0) == 0) or np.any(arr.sum(axis=1) == 0):
        raise ValueError("a contingency table must not have an empty row or column")
    return arr


def chi_square(table: ArrayLike, *, correction: bool = True) -> ContingencyTest:
    """Pearson's chi-square test of independence.

    Parameters
    ----------
    table : array_like of int
        Counts, rows × columns, at least 2 × 2, no empty row or column.
    correction : bool
        Yates' continuity correction for 2 × 2 tables (R's default), default True.

    Returns
    -------
    ContingencyTest

    Notes
    -----
    ``X² = Σ (O − E)² / E`` with ``E = row total × column total / N``,
    ``df = (r−1)(c−1)``. Warns when any expected count is below 1 or more than 20 % are
    below 5 (Cochran 1954). Reference: R ``chisq.test``.

    Examples
    --------
    >>> r = chi_square([[762, 327, 468], [484, 239, 477]])
    >>> round(r.statistic, 2), r.df, f"{r.p:.3e}"
    (30.07, 2, '2.954e-07')
    """
    arr = _table(table)
    res = stats.chi2_contingency(arr, correction=correction)
    expected = np.asarray(res.expected_freq)
    warning = None
    percent_below_5 = 100 * float(np.mean(expected < 5))
    if expected.min() < 1 or percent_below_5 > 20:
        warning = Notice(
            ContingencyWarning.SMALL_EXPECTED_COUNTS,
            {"min_expected": float(expected.min()), "percent_below_5": percent_below_5},
        )
    return ContingencyTest(
        ContingencyMethod.CHI_SQUARE,
        float(res.statistic),
        int(res.dof),
        float(res.pvalue),
        float(expected.min()),
        warning,
    )


def fisher_exact(table: ArrayLike) -> ContingencyTest:
    """Fisher's exact test for a 2 × 2 table (two-sided).

    Parameters
    ----------
    table : array_like of int
        A 2 × 2 table of counts.

    Returns
    -------
    ContingencyTest
        ``statistic`` is the sample odds ratio ``(a·d)/(b·c)``.

    Notes
    -----
    The two-sided p sums the hypergeometric probabilities of all tables with the same
    margins that are no more likely than the observed one (Fisher 1935; R ``fisher.test``).

    Examples
    --------
    >>> round(fisher_exact([[3, 1], [1, 3]]).p, 4)
    0.4857
    """
    arr = _table(table)
    if arr.shape != (2, 2):
        raise ValueError(f"Fisher's exact test here takes a 2 × 2 table, got shape {arr.shape}")
    res = stats.fisher_exact(arr.astype(np.int64))
    expected = arr.sum(axis=1, keepdims=True) * arr.sum(axis=0, keepdims=True) / arr.sum()
    return ContingencyTest(
        ContingencyMethod.FISHER,
        float(res.statistic),
        None,
        float(res.pvalue),
        float(expected.min()),
        None,
    )


def independence_test(table: ArrayLike) -> ContingencyTest:
    """Fisher's exact test for a 2 × 2 table with an expected count below 5, else chi-square.

    Examples
    --------
    >>> independence_test([[3, 1], [1, 3]]).method.value
    'fisher'
    """
    arr = _table(table)
    expected = arr.sum(axis=1, keepdims=True) * arr.sum(axis=0, keepdims=True) / arr.sum()
    if arr.shape == (2, 2) and expected.min() < 5:
        return fisher_exact(arr)
    return chi_square(arr)
