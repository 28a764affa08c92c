"""Comparison groups by matching: nearest-neighbour matching and the balance it achieves.

Treated units (e.g. mentees) are matched to untreated ones (non-mentees) that resemble them on
covariates (grade, tenure, baseline performance) and, optionally, exactly on a stratum (kind
of unit). The balance table says how alike the groups are before and after matching.
"""

import math
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "BalanceRow",
    "MatchedPair",
    "Matching",
    "balance_table",
    "nearest_neighbour_match",
    "standardised_mean_difference",
]

#: |SMD| below this is conventionally read as negligible imbalance (Austin 2009; Stuart 2010).
SMD_BALANCED = 0.1


@dataclass(frozen=True)
class MatchedPair:
    """Row `treated` of the treated matrix matched to row `control` of the control matrix."""

    treated: int
    control: int
    distance: float


@dataclass(frozen=True)
class Matching:
    """The pairs made and the treated rows left without a match (no control in their stratum
    or within the caliper)."""

    pairs: tuple[MatchedPair, ...]
    unmatched: tuple[int, ...]
    method: str = "nearest neighbour, Mahalanobis, 1:1 without replacement"


def _covariates(values: ArrayLike, name: str) -> NDArray[np.float64]:
    try:
        arr = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must contain only numbers") from None
    if arr.ndim == 1:
        arr = arr.reshape(-1, 1)
    if arr.ndim != 2:
        raise ValueError(f"{name} must be rows × covariates, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} contains missing (NaN) or infinite values; remove them first")
    return arr


def _strata(strata: Sequence[Hashable] | None, n: int, name: str) -> list[Hashable]:
    if strata is None:
        return [None] * n
    if len(strata) != n:
        raise ValueError(f"{name} needs one stratum per row: {n} rows, {len(strata)} strata")
    return list(strata)


def nearest_neighbour_match(
    treated: ArrayLike,
    control: ArrayLike,
    *,
    treated_strata: Sequence[Hashable] | None = None,
    control_strata: Sequence[Hashable] | None = None,
    caliper: float | None = None,
) -> Matching:
    """Greedy 1:1 nearest-neighbour matching on the Mahalanobis distance, without replacement.

    Parameters
    ----------
    treated, control : array_like, shape (n, k)
        Covariates of the treated and of the candidate control rows (same k columns).
    treated_strata, control_strata : sequence, optional
        A label per row that must be equal within a pair (exact matching, e.g. unit kind).
    caliper : float, optional
        Largest Mahalanobis distance accepted for a pair.

    Returns
    -------
    Matching

    Notes
    -----
    ``d(x, y) = √((x − y)ᵀ S⁻¹ (x − y))`` with S the sample covariance of all rows, treated and
    control (pseudo-inverse when a covariate is constant). Treated rows are taken in input
    order; each takes the nearest control still free in its stratum (ties: the first
    control). Rubin (1980), Biometrics 36, 293–298; Stuart (2010), Statistical Science 25,
    1–21.

    Examples
    --------
    >>> m = nearest_neighbour_match([[1.0], [5.0]], [[4.8], [0.9], [3.0]])
    >>> [(p.treated, p.control) for p in m.pairs]
    [(0, 1), (1, 0)]
    """
    t = _covariates(treated, "treated")
    c = _covariates(control, "control")
    if t.shape[1] != c.shape[1]:
        raise ValueError(f"treated has {t.shape[1]} covariates but control {c.shape[1]}")
    if caliper is not None and not (math.isfinite(caliper) and caliper > 0):
        raise ValueError(f"caliper must be a positive number, got {caliper}")
    t_strata = _strata(treated_strata, len(t), "treated_strata")
    c_strata = _strata(control_strata, len(c), "control_strata")
    both = np.vstack([t, c])
    cov = np.atleast_2d(np.cov(both, rowvar=False)) if len(both) > 1 else np.eye(t.shape[1])
    inverse = np.linalg.pinv(cov)
    free = np.ones(len(c), dtype=bool)
    pairs, unmatched = [], []
    for i, row in enumerate(t):
        allowed = free & np.array([s == t_strata[i] for s in c_strata], dtype=bool)
        if not allowed.any():
            unmatched.append(i)
            continue
        diff = c - row
        distances = np.sqrt(np.maximum(np.einsum("ij,jk,ik->i", diff, inverse, diff), 0.0))
        distances[~allowed] = np.inf
        j = int(np.argmin(distances))
        if caliper is not None and distances[j] > caliper:
            unmatched.append(i)
            continue
        free[j] = False
        pairs.append(MatchedPair(i, j, float(distances[j])))
    return Matching(tuple(pairs), tuple(unmatched))


def standardised_mean_difference(
    treated: ArrayLike, control: ArrayLike, *, denominator: float | None = None
) -> float | None:
    """``(mean_t − mean_c) / √((s_t² + s_c²) / 2)``, or over `denominator` when given.

    None when the denominator is 0 (a covariate constant in both groups). Austin (2009),
    Statistics in Medicine 28, 3083–3107, eq. 1.

    Examples
    --------
    >>> round(standardised_mean_difference([1, 2, 3], [2, 3, 4]), 4)
    -1.0
    """
    t = np.asarray(treated, dtype=np.float64)
    c = np.asarray(control, dtype=np.float64)
    if t.size < 1 or c.size < 1:
        raise ValueError("both groups need at least one value")
    if denominator is None:
        denominator = _pooled_sd(t, c)
    if denominator == 0:
        return None
    return float((t.mean() - c.mean()) / denominator)


def _pooled_sd(t: NDArray[np.float64], c: NDArray[np.float64]) -> float:
    var_t = float(t.var(ddof=1)) if t.size > 1 else 0.0
    var_c = float(c.var(ddof=1)) if c.size > 1 else 0.0
    return math.sqrt((var_t + var_c) / 2.0)


@dataclass(frozen=True)
class BalanceRow:
    """One covariate before and after matching.

    The SMDs share one denominator, the pooled SD of the unmatched groups, so a change in the
    SMD is a change in the means, not in the yardstick (Stuart 2010, §6.1). None marks a
    covariate constant in both groups.
    """

    covariate: str
    mean_treated: float
    mean_control: float
    smd_before: float | None
    mean_treated_matched: float | None
    mean_control_matched: float | None
    smd_after: float | None

    @property
    def balanced(self) -> bool | None:
        """|SMD after| < 0.1, or None without a matched sample."""
        if self.mean_treated_matched is None:
            return None
        return self.smd_after is None or abs(self.smd_after) < SMD_BALANCED


def balance_table(
    treated: ArrayLike, control: ArrayLike, names: Sequence[str], matching: Matching
) -> list[BalanceRow]:
    """Means and standardised mean differences per covariate, before and after `matching`.

    Examples
    --------
    >>> m = nearest_neighbour_match([[1.0], [5.0]], [[4.8], [0.9], [3.0]])
    >>> row = balance_table([[1.0], [5.0]], [[4.8], [0.9], [3.0]], ["x"], m)[0]
    >>> round(row.smd_before, 3), round(row.smd_after, 3)
    (0.041, 0.062)
    """
    t = _covariates(treated, "treated")
    c = _covariates(control, "control")
    if len(names) != t.shape[1] or c.shape[1] != t.shape[1]:
        raise ValueError("give one name per covariate, the same covariates in both groups")
    matched_t = [p.treated for p in matching.pairs]
    matched_c = [p.control for p in matching.pairs]
    rows = []
    for k, name in enumerate(names):
        denominator = _pooled_sd(t[:, k], c[:, k])
        after_t = t[matched_t, k] if matched_t else None
        after_c = c[matched_c, k] if matched_c else None
        rows.append(
            BalanceRow(
                covariate=name,
                mean_treated=float(t[:, k].mean()),
                mean_control=float(c[:, k].mean()),
                smd_before=standardised_mean_difference(t[:, k], c[:, k], denominator=denominator),
                mean_treated_matched=None if after_t is None else float(after_t.mean()),
                mean_control_matched=None if after_c is None else float(after_c.mean()),
                smd_after=None
                if after_t is None or after_c is None
                else standardised_mean_difference(after_t, after_c, denominator=denominator),
            )
        )
    return rows
