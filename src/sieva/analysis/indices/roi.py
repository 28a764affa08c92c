"""Return on investment (Phillips level 5) and cost efficiency of a program."""

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from sieva.analysis._validation import check_level
from sieva.analysis.types import ConfidenceInterval

__all__ = [
    "BenefitClaim",
    "CostEfficiency",
    "RoiEstimate",
    "RoiResult",
    "RoiSimulation",
    "adjusted_benefits",
    "cost_efficiency",
    "roi",
    "roi_estimate",
    "roi_monte_carlo",
]


@dataclass(frozen=True)
class BenefitClaim:
    """A yearly monetary benefit estimate with the share attributed to the program.

    ``attribution`` (isolation: share caused by the program) and ``confidence`` (the
    estimator's confidence in the figure) lie in 0–1. The optional ranges are the
    plausible span of each, used by `roi_monte_carlo`.
    """

    value: float
    attribution: float = 1.0
    confidence: float = 1.0
    attribution_range: tuple[float, float] | None = None
    confidence_range: tuple[float, float] | None = None
    label: str = ""

    def __post_init__(self) -> None:
        if not math.isfinite(self.value):
            raise ValueError(f"benefit value must be a finite number, got {self.value}")
        for name in ("attribution", "confidence"):
            share = getattr(self, name)
            if not 0 <= share <= 1:
                raise ValueError(f"{name} must lie in 0–1, got {share}")
            span = getattr(self, f"{name}_range")
            if span is not None and not 0 <= span[0] <= span[1] <= 1:
                raise ValueError(f"{name}_range must be (low, high) within 0–1, got {span}")

    @property
    def adjusted(self) -> float:
        return self.value * self.attribution * self.confidence


@dataclass(frozen=True)
class RoiResult:
    """ROI %, benefit–cost ratio and payback period (months; None without a benefit)."""

    benefits: float
    costs: float
    net_benefits: float
    roi_percent: float
    bcr: float
    payback_months: float | None


@dataclass(frozen=True)
class RoiSimulation:
    """Monte Carlo distribution of ROI over uncertain attribution and confidence."""

    draws: int
    roi_percent_median: float
    roi_percent_ci: ConfidenceInterval
    bcr_median: float
    bcr_ci: ConfidenceInterval
    probability_positive: float


@dataclass(frozen=True)
class RoiEstimate:
    """The ROI of a program's recorded claims: the point values and their Monte Carlo spread."""

    point: RoiResult
    simulation: RoiSimulation


@dataclass(frozen=True)
class CostEfficiency:
    """Cost per participant, per completer, per JP of program and per participant-JP."""

    per_participant: float | None
    per_completer: float | None
    per_jp: float | None
    per_participant_jp: float | None


def _costs(costs: float) -> float:
    if not math.isfinite(costs) or costs <= 0:
        raise ValueError(f"costs must be a positive amount, got {costs}")
    return float(costs)


def roi(benefits: float, costs: float) -> RoiResult:
    """ROI, BCR and payback of a program from yearly benefits and fully loaded costs.

    Parameters
    ----------
    benefits : float
        Yearly monetary benefits already isolated (see `adjusted_benefits`).
    costs : float
        Fully loaded costs, including participants' time (positive).

    Returns
    -------
    RoiResult

    Notes
    -----
    ``BCR = benefits / costs``; ``ROI % = (benefits − costs) / costs × 100``;
    ``payback = costs / benefits × 12`` months. Reference: Phillips (2003), *Return on
    Investment in Training and Performance Improvement Programs*, 2nd ed., ch. 9.

    Examples
    --------
    >>> r = roi(150_000_000, 100_000_000)
    >>> r.roi_percent, r.bcr, r.payback_months
    (50.0, 1.5, 8.0)
    """
    c = _costs(costs)
    if not math.isfinite(benefits):
        raise ValueError(f"benefits must be a finite amount, got {benefits}")
    payback = c / benefits * 12 if benefits > 0 else None
    return RoiResult(benefits, c, benefits - c, (benefits - c) / c * 100, benefits / c, payback)


def adjusted_benefits(claims: Sequence[BenefitClaim]) -> float:
    """``Σ value × attribution × confidence`` (Phillips' conservative adjustment).

    Examples
    --------
    >>> adjusted_benefits([BenefitClaim(100.0, attribution=0.5, confidence=0.8)])
    40.0
    """
    return float(sum(claim.adjusted for claim in claims))


def roi_monte_carlo(
    claims: Sequence[BenefitClaim],
    costs: float,
    *,
    draws: int = 10_000,
    rng: np.random.Generator | int = 0,
    confidence: float = 0.95,
) -> RoiSimulation:
    """Distribution of ROI when attribution and confidence are uncertain.

    Parameters
    ----------
    claims : sequence of BenefitClaim
        Each attribution and confidence is drawn uniformly from its range (fixed at its
        point value when no range is given).
    costs : float
        Fully loaded costs.
    draws : int
        Number of simulations, default 10 000.
    rng : numpy.random.Generator or int
        Generator or seed (default 0) so that a report is reproducible.
    confidence : float
        Level of the percentile interval, default 0.95.

    Returns
    -------
    RoiSimulation

    Notes
    -----
    Each draw computes ``B = Σ value × a × c`` and ``ROI = (B − costs)/costs × 100``; the
    interval is the central percentile range, ``probability_positive`` the share of draws
    with ROI > 0 (Phillips' adjustment with Monte Carlo propagation, Vose 2008).

    Examples
    --------
    >>> claim = BenefitClaim(200.0, attribution=0.5, confidence=0.8,
    ...                      attribution_range=(0.3, 0.7))
    >>> sim = roi_monte_carlo([claim], 50.0, draws=2000, rng=1)
    >>> round(sim.roi_percent_median), sim.probability_positive > 0.9
    (60, True)
    """
    c = _costs(costs)
    level = check_level(confidence)
    if not claims:
        raise ValueError("at least one benefit claim is needed")
    if draws < 100:
        raise ValueError(f"draws must be at least 100, got {draws}")
    gen = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
    total = np.zeros(draws)
    for claim in claims:
        shares = []
        for point, span in (
            (claim.attribution, claim.attribution_range),
            (claim.confidence, claim.confidence_range),
        ):
            shares.append(np.full(draws, point) if span is None else gen.uniform(*span, draws))
        total += claim.value * shares[0] * shares[1]
    roi_pct = (total - c) / c * 100
    bcr = total / c
    tail = (1 - level) / 2 * 100
    lo, hi = np.percentile(roi_pct, [tail, 100 - tail])
    blo, bhi = np.percentile(bcr, [tail, 100 - tail])
    return RoiSimulation(
        draws=draws,
        roi_percent_median=float(np.median(roi_pct)),
        roi_percent_ci=ConfidenceInterval(float(lo), float(hi), level),
        bcr_median=float(np.median(bcr)),
        bcr_ci=ConfidenceInterval(float(blo), float(bhi), level),
        probability_positive=float(np.mean(roi_pct > 0)),
    )


def roi_estimate(
    claims: Sequence[BenefitClaim],
    costs: float,
    *,
    draws: int = 10_000,
    rng: np.random.Generator | int = 0,
    confidence: float = 0.95,
) -> RoiEstimate:
    """ROI of ``claims`` against ``costs``: `roi` of the `adjusted_benefits` and the
    `roi_monte_carlo` interval over each claim's attribution and confidence ranges.

    The fixed default seed makes the same data give the same interval on every page and
    report (Phillips 2003, ch. 9; Vose 2008).

    Examples
    --------
    >>> claim = BenefitClaim(200.0, attribution=0.5, confidence=0.8,
    ...                      attribution_range=(0.3, 0.7))
    >>> r = roi_estimate([claim], 50.0, draws=2000, rng=1)
    >>> r.point.roi_percent, r.simulation.roi_percent_ci.low < 60 < r.simulation.roi_percent_ci.high
    (60.0, True)
    """
    point = roi(adjusted_benefits(claims), costs)
    spread = roi_monte_carlo(claims, costs, draws=draws, rng=rng, confidence=confidence)
    return RoiEstimate(point, spread)


def cost_efficiency(
    costs: float,
    *,
    participants: int,
    completers: int,
    program_jp: float,
    participant_jp: float | None = None,
) -> CostEfficiency:
    """Unit costs of a program; a ratio over zero is None.

    Parameters
    ----------
    costs : float
        Fully loaded costs.
    participants, completers : int
        People who took part and who completed (``completers <= participants``).
    program_jp : float
        JP (jam pelajaran) of the program.
    participant_jp : float, optional
        JP actually attended, summed over participants.

    Examples
    --------
    >>> e = cost_efficiency(60_000_000, participants=30, completers=25, program_jp=40)
    >>> e.per_participant, e.per_completer, e.per_jp
    (2000000.0, 2400000.0, 1500000.0)
    """
    c = _costs(costs)
    if participants < 0 or completers < 0 or completers > participants:
        raise ValueError("need 0 <= completers <= participants")
    if program_jp < 0 or (participant_jp is not None and participant_jp < 0):
        raise ValueError("JP must not be negative")

    def per(amount: float | None) -> float | None:
        return c / amount if amount else None

    return CostEfficiency(per(participants), per(completers), per(program_jp), per(participant_jp))
