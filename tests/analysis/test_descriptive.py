import math
from decimal import Decimal

import numpy as np
import pytest
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

from sieva.analysis.descriptive import (
    LikertBand,
    likert_band,
    likert_summary,
    mean_ci,
    moments_from_sums,
    proportion_ci,
)
from tests.analysis.references import SLEEP_1


def test_mean_ci_matches_r_t_test():
    est = mean_ci(SLEEP_1)
    # R: t.test(sleep$extra[1:10]) -> 95 percent CI -0.5297804 2.0297804, mean 0.75
    assert est.mean == pytest.approx(0.75)
    assert est.ci.low == pytest.approx(-0.5297804, abs=1e-6)
    assert est.ci.high == pytest.approx(2.0297804, abs=1e-6)
    # scipy.stats.t.interval(0.99, 9, loc=mean, scale=sem)
    ref = stats.t.interval(0.99, 9, loc=est.mean, scale=stats.sem(SLEEP_1))
    assert mean_ci(SLEEP_1, confidence=0.99).ci.as_list() == pytest.approx(list(ref), abs=1e-9)


@pytest.mark.parametrize(
    ("x", "n", "low", "high"),
    [
        # Newcombe (1998), Stat. Med. 17:857-872, Table II, method 3 (Wilson score).
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
    ],
)
def test_wilson_interval_matches_newcombe_1998(x, n, low, high):
    est = proportion_ci(x, n)
    assert round(est.ci.low, 4) == low
    assert round(est.ci.high, 4) == high
    # statsmodels.stats.proportion.proportion_confint(x, n, method="wilson")
    ref = proportion_confint(x, n, alpha=0.05, method="wilson")
    assert est.ci.as_list() == pytest.approx(list(ref), abs=1e-9)


def test_wilson_interval_reaches_one_when_everyone_succeeds():
    est = proportion_ci(12, 12)
    assert est.ci.high == 1.0
    assert est.ci.low == pytest.approx(proportion_confint(12, 12, method="wilson")[0], abs=1e-9)


@pytest.mark.parametrize(("successes", "n"), [(5, 4), (-1, 3), (1, 0), (1.5, 3)])
def test_proportion_ci_rejects_impossible_counts(successes, n):
    with pytest.raises(ValueError, match="successes"):
        proportion_ci(successes, n)


@pytest.mark.parametrize(
    ("mean", "band"),
    [
        (1.0, "very_low"),
        (1.80, "very_low"),
        (1.8049, "very_low"),  # shown as 1,80
        (1.805, "low"),  # shown as 1,81
        (1.81, "low"),
        (2.60, "low"),
        (2.61, "moderate"),
        (3.40, "moderate"),
        (3.41, "high"),
        (4.20, "high"),
        (4.21, "very_high"),
        (5.0, "very_high"),
    ],
)
def test_likert_bands_follow_the_published_intervals(mean, band):
    assert likert_band(mean) == band


def test_likert_band_rejects_a_mean_off_the_scale():
    with pytest.raises(ValueError, match="1–5"):
        likert_band(5.2)


def test_likert_summary_counts_answers_and_bands_the_mean():
    s = likert_summary([5, 4, 4, 3, 5, 5, 4, 2])
    assert s.counts == {1: 0, 2: 1, 3: 1, 4: 3, 5: 3}
    assert s.percentages[4] == pytest.approx(37.5)
    assert s.estimate.mean == pytest.approx(4.0)
    assert s.band is LikertBand.HIGH


@pytest.mark.parametrize("bad", [[1, 2, 6], [1, 2.5, 3], [0, 1, 2]])
def test_likert_summary_rejects_answers_off_the_scale(bad):
    with pytest.raises(ValueError, match="whole numbers 1–5"):
        likert_summary(bad)


def test_mean_ci_rejects_missing_values_and_text():
    with pytest.raises(ValueError, match="NaN"):
        mean_ci([1.0, float("nan"), 2.0])
    with pytest.raises(ValueError, match="only numbers"):
        mean_ci(["a", "b"])
    with pytest.raises(ValueError, match="at least 2"):
        mean_ci([1.0])


def test_moments_from_sums_equal_numpy_on_the_values_even_far_from_zero():
    values = [1e9 + x for x in (4.0, 7.0, 13.0, 16.0)]  # Welford's classic cancellation case
    n, total = len(values), sum(Decimal(repr(v)) for v in values)
    total_sq = sum(Decimal(repr(v)) ** 2 for v in values)
    mean, sd = moments_from_sums(n, total, total_sq)
    assert mean == pytest.approx(np.mean(values), rel=1e-15)  # numpy.mean(x)
    assert sd == pytest.approx(np.std([4.0, 7.0, 13.0, 16.0], ddof=1), rel=1e-12)  # 5.477226


def test_moments_from_sums_refuse_no_values_and_give_no_sd_for_one():
    with pytest.raises(ValueError, match="at least one"):
        moments_from_sums(0, Decimal(0), Decimal(0))
    mean, sd = moments_from_sums(1, Decimal(4), Decimal(16))
    assert mean == 4.0 and math.isnan(sd)
