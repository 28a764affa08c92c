"""Empirical Bayes shrinkage of group means (e.g. each mentor's mentees' outcomes).

A mentor with two mentees whose results happen to be good should not top a ranking: the
normal–normal model pulls each group's mean towards the overall mean, the more so the fewer
people it rests on and the smaller the real differences between groups are.
"""

import math
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import optimize

from sieva.analysis._validation import as_vector

__all__ = ["GroupEstimate", "Shrinkage", "empirical_bayes_means"]


@dataclass(frozen=True)
class GroupEstimate:
    """One group: its raw mean, the shrunk (posterior) mean, the weight its own data get
    (``reliability`` = τ² / (τ² + σ²/n), 0 = all pulled to the overall mean) and the
    posterior SD."""

    label: Hashable
    n: int
    raw_mean: float
    shrunk_mean: float
    reliability: float
    posterior_sd: float


@dataclass(frozen=True)
class Shrinkage:
    """The fitted one-way random-effects model and every group's estimate (input order)."""

    overall_mean: float
    between_variance: float  # τ², variance of the true group means
    within_variance: float  # σ², variance of individuals around their group's mean
    groups: tuple[GroupEstimate, ...]
    method: str = "REML"


def _group(
    values: NDArray[np.float64], labels: Sequence[Hashable]
) -> list[tuple[Hashable, NDArray[np.float64]]]:
    order: dict[Hashable, list[int]] = {}
    for i, label in enumerate(labels):
        order.setdefault(label, []).append(i)
    return [(label, values[idx]) for label, idx in order.items()]


def _profiled_deviance(
    ratio: float, n: NDArray[np.float64], means: NDArray[np.float64], ssw: float, total: int
) -> tuple[float, float, float]:
    """−2 × REML log-likelihood of ``yᵢⱼ = μ + uⱼ + eᵢⱼ`` at ``λ = τ²/σ²`` with σ² profiled
    out (up to a constant), and the σ² and μ that go with it.

    With ``vⱼ = 1 + nⱼλ``: ``σ̂² = Q/(N − 1)``, ``Q = SSW + Σ nⱼ(ȳⱼ − μ̂)²/vⱼ``,
    ``μ̂ = Σ(nⱼ/vⱼ)ȳⱼ / Σ(nⱼ/vⱼ)``; deviance ``(N − 1)·log Q + Σ log vⱼ + log Σ nⱼ/vⱼ``.
    """
    v = 1.0 + n * ratio
    w = n / v
    mu = float(np.sum(w * means) / np.sum(w))
    q = ssw + float(np.sum(w * (means - mu) ** 2))
    deviance = (total - 1) * math.log(q) + float(np.sum(np.log(v))) + math.log(float(np.sum(w)))
    return deviance, q / (total - 1), mu


def empirical_bayes_means(values: ArrayLike, groups: Sequence[Hashable]) -> Shrinkage:
    """Shrink each group's mean towards the overall mean under a normal–normal model.

    Parameters
    ----------
    values : array_like
        One outcome per person (e.g. each mentee's GAS T-score).
    groups : sequence
        The group of each person (e.g. the mentor), same length as `values`.

    Returns
    -------
    Shrinkage

    Notes
    -----
    Model: ``yᵢⱼ = μ + uⱼ + eᵢⱼ``, ``uⱼ ~ N(0, τ²)``, ``eᵢⱼ ~ N(0, σ²)``. σ² and τ² ≥ 0 are
    estimated by restricted maximum likelihood, μ by generalised least squares; each group's
    estimate is the BLUP ``μ̂ + Bⱼ(ȳⱼ − μ̂)`` with ``Bⱼ = τ²/(τ² + σ²/nⱼ)`` and posterior SD
    ``√(1/(1/τ² + nⱼ/σ²))`` (Morris 1983, JASA 78, 47–55; Robinson 1991, Statistical Science
    6, 15–32). With τ² = 0 every group gets μ̂. Needs at least two groups and at least one
    group with two or more people (to separate σ² from τ²).

    Examples
    --------
    >>> fit = empirical_bayes_means([60, 64, 40, 44, 50, 54], ["a", "a", "b", "b", "c", "c"])
    >>> round(fit.overall_mean, 2), [round(g.shrunk_mean, 2) for g in fit.groups]
    (52.0, [61.6, 42.4, 52.0])
    """
    y = as_vector(values, "values", min_n=3)
    if len(groups) != y.size:
        raise ValueError(f"values has {y.size} entries but groups {len(groups)}")
    grouped = _group(y, groups)
    if len(grouped) < 2:
        raise ValueError("need at least two groups to shrink towards their mean")
    n = np.array([len(v) for _, v in grouped], dtype=np.float64)
    if y.size == len(grouped):
        raise ValueError("need at least one group with two or more values")
    means = np.array([float(v.mean()) for _, v in grouped])
    ssw = float(sum(float(((v - v.mean()) ** 2).sum()) for _, v in grouped))
    if ssw == 0:
        raise ValueError("every person equals their group's mean: no within-group variation")
    # λ = τ²/σ² on a log scale over a range wide enough for any data, then the boundary λ = 0
    # (no real differences between groups), whichever fits better.
    found = optimize.minimize_scalar(
        lambda t: _profiled_deviance(math.exp(t), n, means, ssw, y.size)[0],
        bounds=(-30.0, 30.0),
        method="bounded",
        options={"xatol": 1e-12},
    )
    ratio = math.exp(float(found.x))
    if _profiled_deviance(0.0, n, means, ssw, y.size)[0] <= float(found.fun):
        ratio = 0.0
    _deviance, sigma2, mu = _profiled_deviance(ratio, n, means, ssw, y.size)
    tau2 = ratio * sigma2
    estimates = []
    for (label, _), size, mean in zip(grouped, n, means, strict=True):
        reliability = float(tau2 / (tau2 + sigma2 / size))
        posterior_var = 1.0 / (1.0 / tau2 + size / sigma2) if tau2 > 0 else 0.0
        estimates.append(
            GroupEstimate(
                label=label,
                n=int(size),
                raw_mean=float(mean),
                shrunk_mean=float(mu + reliability * (float(mean) - mu)),
                reliability=float(reliability),
                posterior_sd=math.sqrt(posterior_var),
            )
        )
    return Shrinkage(mu, tau2, sigma2, tuple(estimates))
