"""Descriptive statistics: means with t intervals, Wilson intervals, Likert summaries.

Codes
-----
`LikertBand`: ``very_low`` (1.00–1.80), ``low`` (1.81–2.60), ``moderate`` (2.61–3.40),
``high`` (3.41–4.20), ``very_high`` (4.21–5.00).
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

import numpy as np
from numpy.typing import ArrayLike
from scipy import stats

from sieva.analysis._validation import as_vector, check_level, round_half_up
from sieva.analysis.types import ConfidenceInterval

__all__ = [
    "LIKERT_BANDS",
    "LikertBand",
    "LikertSummary",
    "MeanEstimate",
    "ProportionEstimate",
    "likert_band",
    "likert_summary",
    "mean_ci",
    "moments_from_sums",
    "proportion_ci",
]


class LikertBand(StrEnum):
    """Band of a 5-point Likert mean (sangat rendah … sangat tinggi in Indonesian reports)."""

    VERY_LOW = "very_low"
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"
    VERY_HIGH = "very_high"


#: Upper bounds (inclusive, on the mean rounded to 2 decimals) of the common 5-point bands.
LIKERT_BANDS: tuple[tuple[float, LikertBand], ...] = (
    (1.80, LikertBand.VERY_LOW),
    (2.60, LikertBand.LOW),
    (3.40, LikertBand.MODERATE),
    (4.20, LikertBand.HIGH),
    (5.00, LikertBand.VERY_HIGH),
)


@dataclass(frozen=True)
class MeanEstimate:
    """Mean, sample standard deviation (ddof 1), standard error and t-based interval."""

    n: int
    mean: float
    sd: float
    se: float
    ci: ConfidenceInterval


@dataclass(frozen=True)
class ProportionEstimate:
    """A proportion ``successes / n`` with its Wilson score interval."""

    successes: int
    n: int
    proportion: float
    ci: ConfidenceInterval


@dataclass(frozen=True)
class LikertSummary:
    """Summary of answers on a 1–5 scale: mean, interval, band and answer distribution."""

    estimate: MeanEstimate
    band: LikertBand
    counts: dict[int, int]
    percentages: dict[int, float]


def mean_ci(values: ArrayLike, *, confidence: float = 0.95) -> MeanEstimate:
    """Mean with a Student-t confidence interval.

    Parameters
    ----------
    values : array_like of float
        At least two finite observations.
    confidence : float
        Interval level, default 0.95.

    Returns
    -------
    MeanEstimate

    Notes
    -----
    ``x̄ ± t_{1−α/2, n−1} · s / √n`` with ``s`` the sample SD (ddof 1).
    Reference: Student (1908); R ``t.test(x)$conf.int``.

    Examples
    --------
    >>> est = mean_ci([3, 4, 4, 5, 2])
    >>> round(est.mean, 2), round(est.ci.low, 3), round(est.ci.high, 3)
    (3.6, 2.184, 5.016)
    """
    x = as_vector(values, "values", min_n=2)
    level = check_level(confidence)
    n = int(x.size)
    mean = float(np.mean(x))
    sd = float(np.std(x, ddof=1))
    se = sd / math.sqrt(n)
    half = float(stats.t.ppf(0.5 + level / 2, n - 1)) * se
    return MeanEstimate(n, mean, sd, se, ConfidenceInterval(mean - half, mean + half, level))


def moments_from_sums(n: int, total: Decimal, total_sq: Decimal) -> tuple[float, float]:
    """Mean and sample SD (ddof 1) from running sums ``n, Σx, Σx²``.

    Notes
    -----
    ``s² = (Σx² − (Σx)²/n)/(n − 1)``, computed in Decimal before the final float, so it does
    not suffer the cancellation the one-pass formula has in floating point (Chan, Golub &
    LeVeque 1983). SD is NaN for n < 2.

    Examples
    --------
    >>> moments_from_sums(3, Decimal(9), Decimal(29))
    (3.0, 1.0)
    """
    if n < 1:
        raise ValueError("need at least one value")
    mean = total / n
    if n < 2:
        return float(mean), math.nan
    variance = (total_sq - total * total / n) / (n - 1)
    return float(mean), math.sqrt(max(float(variance), 0.0))


def proportion_ci(successes: int, n: int, *, confidence: float = 0.95) -> ProportionEstimate:
    """Proportion with the Wilson score interval.

    Parameters
    ----------
    successes, n : int
        Count of "yes" and number of trials, ``0 <= successes <= n``, ``n >= 1``.
    confidence : float
        Interval level, default 0.95.

    Returns
    -------
    ProportionEstimate

    Notes
    -----
    With ``p̂ = x/n`` and ``z = Φ⁻¹(1−α/2)``:
    ``(p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)``.
    Reference: Wilson (1927), JASA 22:209–212; recommended by Brown, Cai & DasGupta (2001).

    Examples
    --------
    >>> est = proportion_ci(8, 10)
    >>> round(est.ci.low, 4), round(est.ci.high, 4)
    (0.4902, 0.9433)
    """
    if isinstance(successes, bool) or isinstance(n, bool):
        raise ValueError("successes and n must be whole numbers")
    if int(n) != n or int(successes) != successes:
        raise ValueError(f"successes and n must be whole numbers, got {successes} and {n}")
    if n < 1 or not 0 <= successes <= n:
        raise ValueError(f"need 0 <= successes <= n and n >= 1, got successes={successes}, n={n}")
    level = check_level(confidence)
    z = float(stats.norm.ppf(0.5 + level / 2))
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    low = 0.0 if successes == 0 else centre - half
    high = 1.0 if successes == n else centre + half
    return ProportionEstimate(int(successes), int(n), p, ConfidenceInterval(low, high, level))


def likert_band(mean: float) -> LikertBand:
    """Band of a 5-point Likert mean (1.00–1.80 very low … 4.21–5.00 very high).

    The mean is first rounded half-up to 2 decimals, as reports print it, so a mean of
    1.8049 (shown "1,80") is *very low* and 1.805 (shown "1,81") is *low*.

    Examples
    --------
    >>> likert_band(3.41).value, likert_band(3.40).value, likert_band(4.205).value
    ('high', 'moderate', 'very_high')
    """
    if not math.isfinite(mean) or not 1.0 <= mean <= 5.0:
        raise ValueError(f"a 5-point Likert mean must lie in 1–5, got {mean}")
    shown = round_half_up(mean, 2)
    for upper, label in LIKERT_BANDS:
        if shown <= upper:
            return label
    raise AssertionError("unreachable: the last band ends at 5.00")  # pragma: no cover


def likert_summary(answers: Sequence[float], *, confidence: float = 0.95) -> LikertSummary:
    """Mean, t interval, band and distribution of 5-point Likert answers.

    Parameters
    ----------
    answers : sequence of int
        Whole answers 1–5 (blanks removed by the caller).
    confidence : float
        Interval level, default 0.95.

    Returns
    -------
    LikertSummary

    Notes
    -----
    Bands of width 0.8 = (5 − 1) / 5 over the mean: 1.00–1.80 sangat rendah (very low),
    1.81–2.60 rendah (low), 2.61–3.40 sedang (moderate), 3.41–4.20 tinggi (high), 4.21–5.00
    sangat tinggi (very high) (common practice in Indonesian evaluation reports, e.g.
    Sudjana; see docs/statistics.md).

    Examples
    --------
    >>> s = likert_summary([4, 4, 5, 3, 4, 5])
    >>> round(s.estimate.mean, 2), s.band.value, s.counts[4]
    (4.17, 'high', 3)
    """
    x = as_vector(answers, "answers", min_n=2)
    if not np.all((x == np.round(x)) & (x >= 1) & (x <= 5)):
        bad = x[(x != np.round(x)) | (x < 1) | (x > 5)][0]
        raise ValueError(f"Likert answers must be whole numbers 1–5, got {bad:g}")
    est = mean_ci(x, confidence=confidence)
    counts = {k: int(np.sum(x == k)) for k in range(1, 6)}
    percentages = {k: 100.0 * c / x.size for k, c in counts.items()}
    return LikertSummary(est, likert_band(est.mean), counts, percentages)
