import math

import pytest
from scipy import stats

from sieva.analysis.sampling import (
    cochran,
    krejcie_morgan,
    margin_of_error,
    mde_paired,
    mde_two_sample,
    sample_size_paired,
    sample_size_two_sample,
    slovin,
)

# Krejcie & Morgan (1970), Educ. Psychol. Meas. 30:607-610, Table 1 (N -> S).
KREJCIE_MORGAN_TABLE = [
    (10, 10), (15, 14), (20, 19), (25, 24), (30, 28), (50, 44), (75, 63), (100, 80),
    (150, 108), (200, 132), (250, 152), (300, 169), (400, 196), (500, 217), (750, 254),
    (1000, 278), (1500, 306), (2000, 322), (3000, 341), (5000, 357), (9000, 368),
    (10000, 370), (20000, 377), (50000, 381), (75000, 382), (1000000, 384),
]  # fmt: skip


@pytest.mark.parametrize(("population", "published"), KREJCIE_MORGAN_TABLE)
def test_krejcie_morgan_reproduces_table_1(population, published):
    assert krejcie_morgan(population).n == published


def test_krejcie_morgan_keeps_the_unrounded_value():
    r = krejcie_morgan(1000)
    # 3.841 * 1000 * 0.25 / (0.0025 * 999 + 3.841 * 0.25) = 960.25 / 3.45775
    assert r.exact == pytest.approx(960.25 / 3.45775, abs=1e-9)
    assert r.method == "krejcie-morgan"


@pytest.mark.parametrize(
    ("population", "margin", "n"),
    [
        (100, 0.05, 80),  # 100 / 1.25 = 80 exactly: no spurious 81 from binary 0.05**2
        (1000, 0.05, 286),  # 1000 / 3.5 = 285.71
        (400, 0.05, 200),  # 400 / 2 = 200 exactly
        (2000, 0.1, 96),  # 2000 / 21 = 95.24
        (5000, 0.01, 3334),  # 5000 / 1.5 = 3333.33
    ],
)
def test_slovin_rounds_up_by_hand(population, margin, n):
    assert slovin(population, margin=margin).n == n


def test_cochran_matches_the_textbook_values():
    # Cochran (1977): n0 = 1.96^2 * 0.25 / 0.05^2 = 384.16 -> 385; with N = 1000:
    # 384.146 / (1 + 383.146 / 1000) = 277.74 -> 278
    z = stats.norm.ppf(0.975)
    assert cochran().exact == pytest.approx(z * z * 0.25 / 0.0025, abs=1e-9)
    assert cochran().n == 385
    assert cochran(1000).n == 278
    assert cochran(1000, margin=0.1, proportion=0.3).n == math.ceil(
        (z * z * 0.21 / 0.01) / (1 + (z * z * 0.21 / 0.01 - 1) / 1000)
    )


@pytest.mark.parametrize("bad", [0, -5, 2.5, True])
def test_sample_sizes_reject_an_impossible_population(bad):
    with pytest.raises(ValueError, match="population"):
        krejcie_morgan(bad)
    with pytest.raises(ValueError, match="population"):
        slovin(bad)


def _power_two_sample(d, n1, n2, alpha=0.05):
    """Power of the two-sided two-sample t test from scipy's noncentral t."""
    df = n1 + n2 - 2
    ncp = d * math.sqrt(n1 * n2 / (n1 + n2))
    crit = stats.t.ppf(1 - alpha / 2, df)
    return stats.nct.sf(crit, df, ncp) + stats.nct.cdf(-crit, df, ncp)


def _power_paired(dz, n, alpha=0.05):
    crit = stats.t.ppf(1 - alpha / 2, n - 1)
    ncp = dz * math.sqrt(n)
    return stats.nct.sf(crit, n - 1, ncp) + stats.nct.cdf(-crit, n - 1, ncp)


@pytest.mark.parametrize(("d", "n"), [(0.2, 394), (0.5, 64), (0.8, 26)])
def test_two_sample_sizes_match_g_power(d, n):
    # G*Power 3.1, t tests - means: difference between two independent means, two tails,
    # alpha = .05, power = .80 -> n per group 394 / 64 / 26
    plan = sample_size_two_sample(d)
    assert plan.n == plan.n2 == n
    assert plan.achieved_power == pytest.approx(_power_two_sample(d, n, n), abs=1e-6)
    assert _power_two_sample(d, n - 1, n - 1) < 0.8 <= plan.achieved_power


def test_paired_sample_size_matches_g_power():
    # G*Power 3.1, matched pairs, d_z = 0.5, two tails, alpha = .05, power = .80 -> 34 pairs
    plan = sample_size_paired(0.5)
    assert plan.n == 34
    assert plan.achieved_power == pytest.approx(_power_paired(0.5, 34), abs=1e-6)


def test_minimum_detectable_effects_have_the_target_power():
    # scipy noncentral t power at the MDE -> 0.80
    assert _power_paired(mde_paired(40).effect_size, 40) == pytest.approx(0.8, abs=1e-6)
    plan = mde_two_sample(30, n2=45)
    assert _power_two_sample(plan.effect_size, 30, 45) == pytest.approx(0.8, abs=1e-6)


def test_power_functions_reject_nonsense():
    with pytest.raises(ValueError, match="effect_size"):
        sample_size_paired(0)
    with pytest.raises(ValueError, match="power"):
        sample_size_two_sample(0.5, power=1.2)


@pytest.mark.parametrize(("n", "expected"), [(100, 0.098), (400, 0.049), (1067, 0.030)])
def test_margin_of_error_of_an_infinite_population_matches_the_usual_poll_table(n, expected):
    # z·√(0.25/n): the "±9.8 / ±4.9 / ±3.0 points at 95 %" table of survey handbooks;
    # R: qnorm(0.975) * sqrt(0.25 / n)
    assert margin_of_error(n) == pytest.approx(stats.norm.ppf(0.975) * math.sqrt(0.25 / n))
    assert round(margin_of_error(n), 3) == expected


@pytest.mark.parametrize(("population", "sample"), KREJCIE_MORGAN_TABLE[5:])
def test_margin_of_error_inverts_krejcie_morgan_with_the_finite_population_correction(
    population, sample
):
    # Krejcie & Morgan's table rounds to the nearest whole n the sample that reaches d = 0.05
    # at χ² = 3.841 (z = √3.841): one more respondent is within ±0.05, one fewer is not.
    def at_their_z(n: int) -> float:
        return margin_of_error(n, population) * math.sqrt(3.841) / stats.norm.ppf(0.975)

    assert at_their_z(sample + 1) < 0.05 < at_their_z(sample - 1)


def test_margin_of_error_of_a_census_is_zero_and_bad_input_is_refused():
    assert margin_of_error(40, 40) == 0.0 and margin_of_error(41, 40) == 0.0
    # (N − n)/(N − 1) by hand: 2 of 6 answered → 1.959964 · √(0.25/2) · √(4/5) = 0.61980
    assert margin_of_error(2, 6) == pytest.approx(0.619795, abs=1e-6)
    with pytest.raises(ValueError, match="n must be"):
        margin_of_error(0, 10)
    with pytest.raises(ValueError, match="population"):
        margin_of_error(3, 0)
