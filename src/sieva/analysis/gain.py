"""Learning gain (Kirkpatrick level 2): Hake's normalised gain and the attrition check.

Codes
-----
`GainCategory`: ``high`` (g ≥ 0.7), ``medium`` (0.3 ≤ g < 0.7), ``low`` (g < 0.3).
`AttritionVerdict`: ``equivalent`` (|g| ≤ 0.05), ``adjust`` (0.05 < |g| ≤ 0.25),
``not_equivalent`` (|g| > 0.25), ``insufficient`` (too few people to compare).
"""

from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from numpy.typing import ArrayLike

from sieva.analysis._validation import as_vector, check_paired
from sieva.analysis.groups import hedges_g, welch_t

__all__ = [
    "AttritionCheck",
    "AttritionVerdict",
    "GainCategory",
    "NormalizedGain",
    "attrition_check",
    "gain_category",
    "normalized_gain",
]

#: What Works Clearinghouse baseline-equivalence thresholds on |g| (Standards Handbook 5.0).
WWC_EQUIVALENT = 0.05
WWC_ADJUSTABLE = 0.25


class GainCategory(StrEnum):
    """Hake's category of a normalised gain (tinggi / sedang / rendah in Indonesian reports)."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class AttritionVerdict(StrEnum):
    """Whether leavers' pre-test scores match those who stayed (WWC baseline equivalence)."""

    EQUIVALENT = "equivalent"
    ADJUST = "adjust"
    NOT_EQUIVALENT = "not_equivalent"
    INSUFFICIENT = "insufficient"


@dataclass(frozen=True)
class NormalizedGain:
    """Hake's gain for a class and for each person.

    ``class_gain`` is computed from the class means (Hake's ⟨g⟩); ``individual_mean`` is the
    mean of the individual gains (Bao 2006), over the ``n - n_undefined`` people whose pre-test
    was below the maximum. ``individual`` holds each person's gain (None when pre = max) and
    ``category_counts`` how many people fall in each category.
    """

    n: int
    max_score: float
    mean_pre: float
    mean_post: float
    class_gain: float | None
    class_category: GainCategory | None
    individual_mean: float | None
    individual_category: GainCategory | None
    n_undefined: int
    individual: tuple[float | None, ...]
    category_counts: dict[GainCategory, int]


@dataclass(frozen=True)
class AttritionCheck:
    """Pre-test scores of people who left before the post-test against those who stayed.

    ``g`` is Hedges' g of leavers − stayers; ``verdict`` follows the WWC thresholds:
    ``equivalent`` (|g| ≤ 0.05), ``adjust`` (0.05 < |g| ≤ 0.25, report adjusted results),
    ``not_equivalent`` (|g| > 0.25) or ``insufficient`` (fewer than two people in a group,
    nothing to compare).
    """

    n_stayers: int
    n_leavers: int
    attrition_rate: float
    mean_stayers: float
    mean_leavers: float | None
    g: float | None
    p: float | None
    verdict: AttritionVerdict


def gain_category(g: float) -> GainCategory:
    """Hake's category: ``high`` (g ≥ 0.7), ``medium`` (0.3 ≤ g < 0.7), else ``low``.

    Examples
    --------
    >>> [gain_category(g).value for g in (0.7, 0.3, -0.1)]
    ['high', 'medium', 'low']
    """
    if g >= 0.7:
        return GainCategory.HIGH
    if g >= 0.3:
        return GainCategory.MEDIUM
    return GainCategory.LOW


def normalized_gain(pre: ArrayLike, post: ArrayLike, *, max_score: float) -> NormalizedGain:
    """Hake's normalised gain of a pre/post test, for the class and per person.

    Parameters
    ----------
    pre, post : array_like of float
        Paired test scores, each at most ``max_score``.
    max_score : float
        Highest attainable score (e.g. 100).

    Returns
    -------
    NormalizedGain

    Notes
    -----
    Class: ``⟨g⟩ = (⟨post⟩ − ⟨pre⟩) / (max − ⟨pre⟩)`` (Hake 1998, Am. J. Phys. 66:64–74),
    undefined (None) when the class pre-test mean is already the maximum. Person:
    ``g_i = (post_i − pre_i) / (max − pre_i)``, undefined for a person with ``pre_i = max``
    (no room to gain), who is left out of ``individual_mean`` and counted in
    ``n_undefined``. A drop gives a negative gain (category *low*). Categories: ≥ 0.7
    high (tinggi), 0.3–0.7 medium (sedang), < 0.3 low (rendah) (Hake 1998; Meltzer 2002).

    Examples
    --------
    >>> r = normalized_gain([40, 60, 100], [70, 80, 100], max_score=100)
    >>> round(r.class_gain, 3), r.class_category.value, round(r.individual_mean, 3), r.n_undefined
    (0.5, 'medium', 0.5, 1)
    """
    a, b = check_paired(pre, post, min_n=1)
    if not np.isfinite(max_score):
        raise ValueError(f"max_score must be a finite number, got {max_score}")
    if np.any(a > max_score) or np.any(b > max_score):
        raise ValueError(f"scores must not exceed max_score={max_score:g}")
    mean_pre, mean_post = float(np.mean(a)), float(np.mean(b))
    class_gain = None
    if mean_pre < max_score:
        class_gain = (mean_post - mean_pre) / (max_score - mean_pre)
    individual: list[float | None] = [
        None if x == max_score else float((y - x) / (max_score - x))
        for x, y in zip(a, b, strict=True)
    ]
    defined = [g for g in individual if g is not None]
    individual_mean = float(np.mean(defined)) if defined else None
    counts = dict.fromkeys(GainCategory, 0)
    for g in defined:
        counts[gain_category(g)] += 1
    return NormalizedGain(
        n=int(a.size),
        max_score=float(max_score),
        mean_pre=mean_pre,
        mean_post=mean_post,
        class_gain=class_gain,
        class_category=None if class_gain is None else gain_category(class_gain),
        individual_mean=individual_mean,
        individual_category=None if individual_mean is None else gain_category(individual_mean),
        n_undefined=len(individual) - len(defined),
        individual=tuple(individual),
        category_counts=counts,
    )


def attrition_check(pre_stayers: ArrayLike, pre_leavers: ArrayLike) -> AttritionCheck:
    """Compare the pre-test of people without a post-test (leavers) with the rest.

    Parameters
    ----------
    pre_stayers : array_like of float
        Pre-test scores of people who also took the post-test (at least one).
    pre_leavers : array_like of float
        Pre-test scores of people who did not (may be empty).

    Returns
    -------
    AttritionCheck

    Notes
    -----
    A pre/post gain is only about the people who stayed; if leavers started lower (or
    higher), the gain is biased. The standardised difference ``g`` (Hedges' g, leavers −
    stayers) is judged with the What Works Clearinghouse baseline-equivalence thresholds
    (WWC Procedures and Standards Handbook 5.0, 2022): ≤ 0.05 equivalent, ≤ 0.25 requires
    statistical adjustment, above that not equivalent. ``p`` is Welch's t test.

    Examples
    --------
    >>> r = attrition_check([60, 65, 70, 75, 80, 62], [45, 50, 52])
    >>> round(r.attrition_rate, 3), r.verdict.value
    (0.333, 'not_equivalent')
    """
    stayers = as_vector(pre_stayers, "pre_stayers", min_n=1)
    leavers = as_vector(pre_leavers, "pre_leavers", min_n=0)
    n_s, n_l = int(stayers.size), int(leavers.size)
    rate = n_l / (n_s + n_l)
    mean_l = float(np.mean(leavers)) if n_l else None
    g = p = None
    verdict = AttritionVerdict.INSUFFICIENT
    pooled = np.concatenate([stayers, leavers])
    if n_s >= 2 and n_l >= 2 and float(np.var(pooled)) > 0.0:
        within = float(np.var(stayers, ddof=1)) + float(np.var(leavers, ddof=1))
        if within > 0.0:
            g = hedges_g(leavers, stayers).value
            p = welch_t(leavers, stayers).p
            if abs(g) <= WWC_EQUIVALENT:
                verdict = AttritionVerdict.EQUIVALENT
            elif abs(g) <= WWC_ADJUSTABLE:
                verdict = AttritionVerdict.ADJUST
            else:
                verdict = AttritionVerdict.NOT_EQUIVALENT
    return AttritionCheck(n_s, n_l, rate, float(np.mean(stayers)), mean_l, g, p, verdict)
