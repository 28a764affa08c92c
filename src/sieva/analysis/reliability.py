"""Reliability and item analysis: Cronbach's alpha, KR-20, difficulty and discrimination.

Input is a respondents × items matrix without missing values (drop incomplete rows first).

Codes
-----
`Difficulty`: ``hard`` (p ≤ 0.30), ``moderate`` (p ≤ 0.70), ``easy``.
`Discrimination`: ``very_good`` (D ≥ 0.40), ``good`` (≥ 0.30), ``fair`` (≥ 0.20), ``poor``.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import stats

from sieva.analysis._validation import as_matrix, check_level
from sieva.analysis.types import ConfidenceInterval

__all__ = [
    "CronbachAlpha",
    "Difficulty",
    "Discrimination",
    "ItemAnalysis",
    "ItemStatistics",
    "Kr20",
    "ItemQuality",
    "cronbach_alpha",
    "item_analysis",
    "kr20",
]


class Difficulty(StrEnum):
    """Difficulty of a right/wrong item (sukar / sedang / mudah in Indonesian reports)."""

    HARD = "hard"
    MODERATE = "moderate"
    EASY = "easy"


class Discrimination(StrEnum):
    """Quality of an item's upper–lower discrimination (Ebel & Frisbie 1991)."""

    VERY_GOOD = "very_good"
    GOOD = "good"
    FAIR = "fair"
    POOR = "poor"


@dataclass(frozen=True)
class ItemStatistics:
    """One item of a scale: mean, SD, corrected item–rest correlation, alpha if deleted.

    ``item_rest_r`` is None when the item (or the rest) does not vary; ``alpha_if_deleted``
    is None for a two-item scale (one item left has no alpha).
    """

    name: str
    mean: float
    sd: float
    item_rest_r: float | None
    alpha_if_deleted: float | None


@dataclass(frozen=True)
class CronbachAlpha:
    """Cronbach's alpha of ``k`` items over ``n`` respondents with Feldt's interval."""

    alpha: float
    ci: ConfidenceInterval
    n: int
    k: int
    items: tuple[ItemStatistics, ...]


@dataclass(frozen=True)
class Kr20:
    """Kuder–Richardson 20 of ``k`` dichotomous items over ``n`` respondents."""

    kr20: float
    n: int
    k: int


@dataclass(frozen=True)
class ItemQuality:
    """Classical analysis of one right/wrong item.

    ``difficulty`` is the proportion correct; ``point_biserial`` its correlation with the
    rest score (None if either does not vary); ``discrimination`` the upper–lower index D.
    """

    name: str
    difficulty: float
    difficulty_category: Difficulty
    point_biserial: float | None
    discrimination: float
    discrimination_category: Discrimination


@dataclass(frozen=True)
class ItemAnalysis:
    """Item analysis of a test; ``group_size`` people form each of the upper and lower groups."""

    n: int
    group_size: int
    items: tuple[ItemQuality, ...]


def _names(item_names: Sequence[str] | None, k: int) -> list[str]:
    if item_names is None:
        return [f"item{j + 1}" for j in range(k)]
    names = [str(x) for x in item_names]
    if len(names) != k:
        raise ValueError(f"item_names has {len(names)} names for {k} items")
    return names


def _alpha(x: NDArray[np.float64]) -> float:
    total_var = float(np.var(x.sum(axis=1), ddof=1))
    if total_var == 0.0:
        raise ValueError("total scores do not vary; alpha is undefined")
    k = int(x.shape[1])
    return k / (k - 1) * (1 - float(np.var(x, axis=0, ddof=1).sum()) / total_var)


def _corr(a: NDArray[np.float64], b: NDArray[np.float64]) -> float | None:
    if float(np.std(a)) == 0.0 or float(np.std(b)) == 0.0:
        return None
    return float(np.corrcoef(a, b)[0, 1])


def cronbach_alpha(
    items: ArrayLike, *, item_names: Sequence[str] | None = None, confidence: float = 0.95
) -> CronbachAlpha:
    """Cronbach's alpha with Feldt's interval and per-item statistics.

    Parameters
    ----------
    items : array_like, shape (n respondents, k items)
        Scores without missing values, ``n >= 3``, ``k >= 2``.
    item_names : sequence of str, optional
        Column names for the item statistics (default item1 … itemk).
    confidence : float
        Interval level, default 0.95.

    Returns
    -------
    CronbachAlpha

    Notes
    -----
    ``α = k/(k−1) · (1 − Σ s_j² / s_X²)`` (Cronbach 1951), equal to Hoyt's ANOVA estimate
    ``1 − MS_residual / MS_respondents`` and to ICC(3,k) (Shrout & Fleiss 1979).
    Feldt interval (Feldt, Woodruff & Salih 1987): ``[1 − (1−α)·F_{1−γ/2},
    1 − (1−α)·F_{γ/2}]`` with F on ``(n−1, (n−1)(k−1))`` df. Item–rest: Pearson r of the item
    with the sum of the other items.

    Examples
    --------
    >>> sf = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]
    >>> a = cronbach_alpha(sf)
    >>> round(a.alpha, 3), round(a.ci.low, 3), round(a.ci.high, 3)
    (0.909, 0.676, 0.986)
    """
    x = as_matrix(items, "items", min_rows=3, min_cols=2)
    level = check_level(confidence)
    n, k = x.shape
    names = _names(item_names, k)
    alpha = _alpha(x)
    df1, df2 = n - 1, (n - 1) * (k - 1)
    low = 1 - (1 - alpha) * float(stats.f.ppf(0.5 + level / 2, df1, df2))
    high = 1 - (1 - alpha) * float(stats.f.ppf(0.5 - level / 2, df1, df2))
    total = x.sum(axis=1)
    stats_: list[ItemStatistics] = []
    for j, name in enumerate(names):
        rest = np.delete(x, j, axis=1)
        if_deleted = None
        if k > 2 and float(np.var(rest.sum(axis=1))) > 0.0:
            if_deleted = _alpha(rest)
        stats_.append(
            ItemStatistics(
                name=name,
                mean=float(np.mean(x[:, j])),
                sd=float(np.std(x[:, j], ddof=1)),
                item_rest_r=_corr(x[:, j], total - x[:, j]),
                alpha_if_deleted=if_deleted,
            )
        )
    return CronbachAlpha(alpha, ConfidenceInterval(low, high, level), n, k, tuple(stats_))


def _binary(items: ArrayLike) -> NDArray[np.float64]:
    x = as_matrix(items, "items", min_rows=2, min_cols=2)
    if not np.all((x == 0) | (x == 1)):
        raise ValueError("items must be scored 0 (wrong) or 1 (right)")
    return x


def kr20(items: ArrayLike) -> Kr20:
    """Kuder–Richardson formula 20 for right/wrong items.

    Parameters
    ----------
    items : array_like of 0/1, shape (n respondents, k items)

    Returns
    -------
    Kr20

    Notes
    -----
    ``KR-20 = k/(k−1) · (1 − Σ p_j q_j / σ_X²)`` with ``p_j`` the proportion correct,
    ``q_j = 1 − p_j`` and ``σ_X²`` the variance of total scores with divisor n, so that it
    equals Cronbach's alpha of the same 0/1 matrix (Kuder & Richardson 1937).

    Examples
    --------
    >>> m = [[1, 1, 1], [1, 1, 0], [1, 0, 0], [0, 0, 0], [1, 1, 1]]
    >>> round(kr20(m).kr20, 4)
    0.7941
    """
    x = _binary(items)
    n, k = x.shape
    p = x.mean(axis=0)
    total_var = float(np.var(x.sum(axis=1)))
    if total_var == 0.0:
        raise ValueError("total scores do not vary; KR-20 is undefined")
    return Kr20(k / (k - 1) * (1 - float(np.sum(p * (1 - p))) / total_var), n, k)


def _difficulty_category(p: float) -> Difficulty:
    if p <= 0.30:
        return Difficulty.HARD
    if p <= 0.70:
        return Difficulty.MODERATE
    return Difficulty.EASY


def _discrimination_category(d: float) -> Discrimination:
    if d >= 0.40:
        return Discrimination.VERY_GOOD
    if d >= 0.30:
        return Discrimination.GOOD
    if d >= 0.20:
        return Discrimination.FAIR
    return Discrimination.POOR


def item_analysis(
    items: ArrayLike, *, item_names: Sequence[str] | None = None, group_fraction: float = 0.27
) -> ItemAnalysis:
    """Difficulty, corrected point-biserial and upper–lower discrimination of test items.

    Parameters
    ----------
    items : array_like of 0/1, shape (n respondents, k items)
    item_names : sequence of str, optional
    group_fraction : float
        Share of respondents in each of the upper and lower groups (Kelley 1939: 0.27).

    Returns
    -------
    ItemAnalysis

    Notes
    -----
    Difficulty ``p_j`` = proportion correct: ≤ 0.30 hard (sukar), ≤ 0.70 moderate (sedang),
    else easy (mudah).
    Point-biserial = Pearson r of the 0/1 item with the rest score (corrected for overlap).
    Discrimination ``D = p_upper − p_lower`` over the top and bottom ``round(f·n)`` totals
    (ties at the cut keep input order), judged per Ebel & Frisbie (1991): ≥ 0.40 very good
    (sangat baik), 0.30–0.39 good (baik), 0.20–0.29 fair (cukup), below poor (jelek).

    Examples
    --------
    >>> m = [[1, 1, 0], [1, 1, 1], [1, 0, 0], [0, 0, 0], [1, 1, 1], [0, 1, 0]]
    >>> r = item_analysis(m, group_fraction=0.34)
    >>> [(i.difficulty_category.value, i.discrimination) for i in r.items]
    [('moderate', 1.0), ('moderate', 0.5), ('moderate', 1.0)]
    """
    x = _binary(items)
    if not 0.0 < group_fraction <= 0.5:
        raise ValueError(f"group_fraction must be in (0, 0.5], got {group_fraction}")
    n, k = x.shape
    names = _names(item_names, k)
    size = max(1, math.floor(group_fraction * n + 0.5))
    total = x.sum(axis=1)
    order = np.argsort(-total, kind="stable")
    upper, lower = x[order[:size]], x[order[-size:]]
    out: list[ItemQuality] = []
    for j, name in enumerate(names):
        p = float(np.mean(x[:, j]))
        d = float(np.mean(upper[:, j]) - np.mean(lower[:, j]))
        out.append(
            ItemQuality(
                name=name,
                difficulty=p,
                difficulty_category=_difficulty_category(p),
                point_biserial=_corr(x[:, j], total - x[:, j]),
                discrimination=d,
                discrimination_category=_discrimination_category(d),
            )
        )
    return ItemAnalysis(n, size, tuple(out))
