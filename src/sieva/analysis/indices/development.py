"""People development: Goal Attainment Scaling, participant qualification, competency gaps."""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "GAS_LEVELS",
    "QUALIFICATION_BANDS",
    "SATISFACTORY_OR_ABOVE",
    "GapClosure",
    "GasScore",
    "Qualification",
    "gap_closure",
    "gas_t_score",
    "participant_qualification",
]

#: The five attainment levels of a GAS goal: much less … much more than expected.
GAS_LEVELS = (-2, -1, 0, 1, 2)
GAS_RHO = 0.3


@dataclass(frozen=True)
class GasScore:
    """One person's goal attainment: the T-score over ``n_goals`` goals.

    ``weighted_sum`` is Σwᵢxᵢ; ``t`` is 50 when every goal was met exactly as expected.
    """

    t: float
    n_goals: int
    weighted_sum: float


def gas_t_score(
    levels: Sequence[int], weights: Sequence[float] | None = None, *, rho: float = GAS_RHO
) -> GasScore:
    """The Kiresuk–Sherman T-score of one person's goals.

    Parameters
    ----------
    levels : sequence of int
        Attainment of each goal, each one of −2, −1, 0, +1, +2.
    weights : sequence of float, optional
        Positive weight of each goal (importance × difficulty, or 1–3); all 1 when omitted.
    rho : float
        Assumed correlation between one person's goal scores, 0 ≤ ρ < 1 (0.3 as published).

    Returns
    -------
    GasScore

    Notes
    -----
    ``T = 50 + 10·Σwᵢxᵢ / √((1 − ρ)·Σwᵢ² + ρ·(Σwᵢ)²)``: the weighted sum standardised so that
    T has mean 50 and SD 10 when each xᵢ has mean 0 and SD 1. Reference: Kiresuk & Sherman
    (1968), Community Mental Health Journal 4(6), 443–453; Turner-Stokes (2009), Clinical
    Rehabilitation 23(4), 362–370.

    Examples
    --------
    >>> gas_t_score([0, 0, 0]).t
    50.0
    >>> round(gas_t_score([-1, -1, -1]).t, 2)
    36.31
    >>> gas_t_score([-2, 0, -1, 2, 0, 1], [3, 5, 1, 4, 2, 6]).t
    55.0
    """
    if not levels:
        raise ValueError("levels needs at least one goal")
    for level in levels:
        if isinstance(level, bool) or level not in GAS_LEVELS:
            raise ValueError(f"each goal level must be one of -2, -1, 0, 1, 2, got {level!r}")
    w = [1.0] * len(levels) if weights is None else [float(x) for x in weights]
    if len(w) != len(levels):
        raise ValueError(f"got {len(levels)} levels but {len(w)} weights")
    if not all(math.isfinite(x) and x > 0 for x in w):
        raise ValueError("weights must be positive finite numbers")
    if not (math.isfinite(rho) and 0.0 <= rho < 1.0):
        raise ValueError(f"rho must lie in [0, 1), got {rho}")
    weighted = math.fsum(wi * xi for wi, xi in zip(w, levels, strict=True))
    sum_w = math.fsum(w)
    spread = math.sqrt((1.0 - rho) * math.fsum(wi * wi for wi in w) + rho * sum_w * sum_w)
    return GasScore(t=50.0 + 10.0 * weighted / spread, n_goals=len(levels), weighted_sum=weighted)


class Qualification(StrEnum):
    """Kualifikasi peserta: Sangat Memuaskan, Memuaskan, Cukup Memuaskan, Kurang Memuaskan,
    Tidak Memuaskan (words in `sieva.core.codebook`)."""

    VERY_SATISFACTORY = "very_satisfactory"
    SATISFACTORY = "satisfactory"
    FAIRLY_SATISFACTORY = "fairly_satisfactory"
    LESS_SATISFACTORY = "less_satisfactory"
    UNSATISFACTORY = "unsatisfactory"


#: Qualification of a participant of a LAN-model program by final score (strictly above the
#: bound): Sangat Memuaskan > 90, Memuaskan > 80, Cukup Memuaskan > 70, Kurang Memuaskan > 60.
QUALIFICATION_BANDS: tuple[tuple[float, Qualification], ...] = (
    (90.0, Qualification.VERY_SATISFACTORY),
    (80.0, Qualification.SATISFACTORY),
    (70.0, Qualification.FAIRLY_SATISFACTORY),
    (60.0, Qualification.LESS_SATISFACTORY),
)
LOWEST_QUALIFICATION = Qualification.UNSATISFACTORY
#: "Memuaskan atau lebih": the level a program's results and career readiness count.
SATISFACTORY_OR_ABOVE = frozenset({Qualification.VERY_SATISFACTORY, Qualification.SATISFACTORY})


def participant_qualification(
    score: float, bands: Sequence[tuple[float, Qualification]] = QUALIFICATION_BANDS
) -> Qualification:
    """The qualification a final score (0–100) earns.

    Notes
    -----
    A score must exceed a band's bound (``90.00`` is Memuaskan, ``90.01`` Sangat Memuaskan);
    below every bound it is Tidak Memuaskan. The bounds follow LAN practice for Latsar, PKA,
    PKP and PKN (to be checked against the current LAN regulation) and are an instance
    setting, passed as `bands` (highest bound first).

    Examples
    --------
    >>> participant_qualification(90.0).value, participant_qualification(90.01).value
    ('satisfactory', 'very_satisfactory')
    >>> participant_qualification(60.0).value
    'unsatisfactory'
    """
    if not math.isfinite(score) or not 0.0 <= score <= 100.0:
        raise ValueError(f"score must lie in 0–100, got {score}")
    bounds = [bound for bound, _label in bands]
    if bounds != sorted(bounds, reverse=True):
        raise ValueError("bands must list the highest bound first")
    return next((label for bound, label in bands if score > bound), LOWEST_QUALIFICATION)


@dataclass(frozen=True)
class GapClosure:
    """Competency gaps before and after, summed over competencies: ``gap = required −
    assessed`` counted only where positive; ``rate`` = (before − after) / before, None when
    there was no gap to close."""

    gap_before: float
    gap_after: float
    rate: float | None


def gap_closure(
    required: Sequence[float], before: Sequence[float], after: Sequence[float]
) -> GapClosure:
    """Gap and gap-closure rate over a set of competencies (levels 1–5).

    Notes
    -----
    Per competency ``gap = max(required − assessed, 0)`` (a level above the standard is not
    a negative gap that hides another's shortfall); ``rate = (Σgap_before − Σgap_after) /
    Σgap_before`` (PermenPANRB 38/2017 levels; DOMAIN.md). A negative rate means the gaps
    widened.

    Examples
    --------
    >>> r = gap_closure([3, 4, 2], [2, 2, 3], [3, 3, 3])
    >>> r.gap_before, r.gap_after, r.rate
    (3.0, 1.0, 0.6666666666666666)
    """
    if not (len(required) == len(before) == len(after)):
        raise ValueError("required, before and after must have one value per competency")
    for name, values in (("required", required), ("before", before), ("after", after)):
        if not all(math.isfinite(v) for v in values):
            raise ValueError(f"{name} must contain only finite numbers")
    gap_before = math.fsum(max(r - b, 0.0) for r, b in zip(required, before, strict=True))
    gap_after = math.fsum(max(r - a, 0.0) for r, a in zip(required, after, strict=True))
    rate = (gap_before - gap_after) / gap_before if gap_before > 0 else None
    return GapClosure(float(gap_before), float(gap_after), rate)
