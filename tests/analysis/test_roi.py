import numpy as np
import pytest

from sieva.analysis.indices.roi import (
    BenefitClaim,
    adjusted_benefits,
    cost_efficiency,
    roi,
    roi_estimate,
    roi_monte_carlo,
)


def test_roi_bcr_and_payback_by_hand():
    r = roi(benefits=240_000_000, costs=80_000_000)
    # Phillips: BCR = 240/80 = 3; ROI = (240 - 80)/80 * 100 = 200 %; payback 80/240 * 12 = 4 months
    assert (r.bcr, r.roi_percent, r.payback_months) == (3.0, 200.0, 4.0)
    assert r.net_benefits == 160_000_000


def test_a_program_without_benefits_never_pays_back():
    r = roi(0, 50)
    assert r.roi_percent == -100 and r.payback_months is None
    with pytest.raises(ValueError, match="costs must be a positive"):
        roi(10, 0)


def test_benefits_are_adjusted_for_attribution_and_confidence():
    claims = [
        BenefitClaim(50_000_000, attribution=0.6, confidence=0.8),  # 24 juta (Phillips)
        BenefitClaim(10_000_000, attribution=0.5, confidence=0.5),  # 2.5 juta
    ]
    assert adjusted_benefits(claims) == pytest.approx(26_500_000)
    with pytest.raises(ValueError, match="attribution must lie in 0–1"):
        BenefitClaim(1, attribution=1.2)


def test_monte_carlo_without_ranges_is_the_point_estimate():
    claims = [BenefitClaim(200.0, attribution=0.5, confidence=0.8)]
    sim = roi_monte_carlo(claims, 50.0, draws=500)
    assert sim.roi_percent_median == pytest.approx(roi(80.0, 50.0).roi_percent)
    assert sim.roi_percent_ci.low == sim.roi_percent_ci.high


def test_monte_carlo_is_reproducible_and_matches_uniform_draws():
    claims = [BenefitClaim(100.0, attribution=0.5, confidence=1.0, attribution_range=(0.2, 0.8))]
    a = roi_monte_carlo(claims, 40.0, draws=4000, rng=3)
    b = roi_monte_carlo(claims, 40.0, draws=4000, rng=np.random.default_rng(3))
    assert a == b
    # ROI = (100 a - 40) / 40 * 100 with a ~ U(0.2, 0.8): median at a = 0.5 -> 25 %;
    # 2.5th percentile at a = 0.215 -> -46.25 %; P(ROI > 0) = P(a > 0.4) = 2/3
    assert a.roi_percent_median == pytest.approx(25.0, abs=4)
    assert a.roi_percent_ci.low == pytest.approx(-46.25, abs=4)
    assert a.probability_positive == pytest.approx(2 / 3, abs=0.03)


def test_cost_efficiency_per_participant_completer_and_jp():
    e = cost_efficiency(
        90_000_000, participants=30, completers=0, program_jp=45, participant_jp=1200
    )
    assert e.per_participant == 3_000_000
    assert e.per_completer is None
    assert e.per_jp == 2_000_000
    assert e.per_participant_jp == 75_000
    with pytest.raises(ValueError, match="completers"):
        cost_efficiency(1, participants=3, completers=4, program_jp=1)


def test_roi_estimate_is_the_point_roi_with_the_seeded_monte_carlo_interval():
    claims = [
        BenefitClaim(200.0, attribution=0.5, confidence=0.8, attribution_range=(0.3, 0.7)),
        BenefitClaim(50.0, attribution=0.9, confidence=0.5),
    ]
    r = roi_estimate(claims, 80.0)
    # Phillips by hand: B = 200·0.5·0.8 + 50·0.9·0.5 = 102.5; ROI = (102.5 − 80)/80 = 28.125 %
    assert r.point == roi(102.5, 80.0) and r.point.roi_percent == pytest.approx(28.125)
    assert r.simulation == roi_monte_carlo(claims, 80.0, draws=10_000, rng=0)
    assert roi_estimate(claims, 80.0) == r  # the same data give the same interval
