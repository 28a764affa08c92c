"""Multiple comparisons: Holm's step-down adjustment."""

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from sieva.analysis._validation import as_vector, check_level

__all__ = ["HolmResult", "holm"]


@dataclass(frozen=True)
class HolmResult:
    """Holm-adjusted p-values, in the input order, and which hypotheses are rejected."""

    adjusted: tuple[float, ...]
    reject: tuple[bool, ...]
    alpha: float


def holm(pvalues: ArrayLike, *, alpha: float = 0.05) -> HolmResult:
    """Holm's step-down adjustment controlling the family-wise error rate.

    Parameters
    ----------
    pvalues : array_like of float
        Raw p-values in [0, 1], at least one.
    alpha : float
        Family-wise error rate, default 0.05.

    Returns
    -------
    HolmResult

    Notes
    -----
    Sort ``p_(1) ≤ … ≤ p_(m)``; ``p̃_(i) = min(1, max_{j ≤ i} (m − j + 1) p_(j))``; reject
    where ``p̃ ≤ α``. Adjusted values are never below the raw ones and keep their order.
    Reference: Holm (1979), Scand. J. Stat. 6:65–70; R ``p.adjust(p, "holm")``.

    Examples
    --------
    >>> r = holm([0.01, 0.04, 0.03, 0.005])
    >>> [round(p, 4) for p in r.adjusted], r.reject
    ([0.03, 0.06, 0.06, 0.02], (True, False, False, True))
    """
    p = as_vector(pvalues, "pvalues", min_n=1)
    level = check_level(alpha, "alpha")
    if np.any((p < 0) | (p > 1)):
        raise ValueError("p-values must lie between 0 and 1")
    m = p.size
    order = np.argsort(p, kind="stable")
    stepped = np.maximum.accumulate((m - np.arange(m)) * p[order])
    adjusted = np.empty(m)
    adjusted[order] = np.minimum(stepped, 1.0)
    return HolmResult(
        adjusted=tuple(float(x) for x in adjusted),
        reject=tuple(bool(x <= level) for x in adjusted),
        alpha=level,
    )
