import numpy as np
import pytest
from scipy import stats
from statsmodels.stats.proportion import confint_proportions_2indep

from sieva.analysis.groups import (
    ContingencyWarning,
    chi_square,
    fisher_exact,
    hedges_g,
    independence_test,
    mann_whitney,
    proportion_difference,
    welch_t,
)
from sieva.analysis.types import PValueMethod
from tests.analysis.references import SLEEP_1, SLEEP_2, with_moments


def test_welch_t_matches_r_on_the_sleep_data():
    r = welch_t(SLEEP_1, SLEEP_2)
    # R: t.test(extra ~ group, data = sleep)
    #    -> t = -1.8608, df = 17.776, p-value = 0.07939, 95% CI -3.3654832 0.2054832
    assert round(r.t, 4) == -1.8608
    assert round(r.df, 3) == 17.776
    assert round(r.p, 5) == 0.07939
    assert r.ci.low == pytest.approx(-3.3654832, abs=1e-6)
    assert r.ci.high == pytest.approx(0.2054832, abs=1e-6)
    # scipy.stats.ttest_ind(a, b, equal_var=False)
    ref = stats.ttest_ind(SLEEP_1, SLEEP_2, equal_var=False)
    assert r.t == pytest.approx(ref.statistic, abs=1e-9)
    assert r.p == pytest.approx(ref.pvalue, abs=1e-12)


def test_mann_whitney_matches_r_with_ties():
    r = mann_whitney(SLEEP_1, SLEEP_2)
    # R: wilcox.test(extra ~ group, data = sleep) -> W = 25.5, p-value = 0.06933
    assert r.u == 25.5
    assert round(r.p, 5) == 0.06933
    assert r.method is PValueMethod.NORMAL_APPROXIMATION
    assert r.rank_biserial == pytest.approx(2 * 25.5 / 100 - 1)


def test_mann_whitney_is_exact_without_ties_and_matches_r():
    # Permeability data, the example of R's ?wilcox.test (Hollander & Wolfe).
    x = [0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46]
    y = [1.15, 0.88, 0.90, 0.74, 1.21]
    r = mann_whitney(x, y)
    # R: wilcox.test(x, y, alternative = "greater") -> W = 35, p-value = 0.1272;
    # two-sided p: scipy.stats.mannwhitneyu(x, y, method="exact") -> 0.2544122544
    assert r.u == 35
    assert r.p == pytest.approx(stats.mannwhitneyu(x, y, method="exact").pvalue, abs=1e-12)
    assert round(r.p / 2, 4) == 0.1272


def test_hedges_g_reproduces_borenstein_worked_example():
    # Borenstein et al. (2009), Introduction to Meta-Analysis, ch. 4: independent groups
    # means 103 and 100, SDs 5.5 and 4.5, n = 50 each
    # -> d = 0.5970, V_d = 0.0418, J = 0.9923, g = 0.5924, V_g = 0.0411.
    a = with_moments(50, 103.0, 5.5, seed=1)
    b = with_moments(50, 100.0, 4.5, seed=2)
    es = hedges_g(a, b)
    se = (es.ci.high - es.ci.low) / (2 * stats.norm.ppf(0.975))
    assert round(es.value, 4) == 0.5924
    assert round(se**2, 4) == 0.0411


@pytest.mark.parametrize(
    ("counts", "low", "high"),
    [
        # Newcombe (1998), Stat. Med. 17:873-890, Table II, method 10 (hybrid score).
        ((56, 70, 48, 80), 0.0524, 0.3339),
        ((9, 10, 3, 10), 0.1705, 0.8090),
    ],
)
def test_proportion_difference_matches_newcombe(counts, low, high):
    r = proportion_difference(*counts)
    assert round(r.ci.low, 4) == low
    assert round(r.ci.high, 4) == high
    # statsmodels.stats.proportion.confint_proportions_2indep(..., method="newcomb")
    ref = confint_proportions_2indep(*counts, method="newcomb", compare="diff")
    assert r.ci.as_list() == pytest.approx([float(v) for v in ref], abs=1e-9)


def test_chi_square_matches_the_r_documentation_example():
    # R ?chisq.test, Agresti (2007) party identification by gender:
    # chisq.test(M) -> X-squared = 30.07, df = 2, p-value = 2.954e-07
    r = chi_square([[762, 327, 468], [484, 239, 477]])
    assert round(r.statistic, 2) == 30.07
    assert r.df == 2
    assert f"{r.p:.3e}" == "2.954e-07"
    assert r.warning is None


def test_chi_square_applies_yates_correction_to_2x2_tables_like_r():
    table = [[20, 15], [10, 25]]
    r = chi_square(table)
    # scipy.stats.chi2_contingency(table, correction=True); R chisq.test(table) default
    ref = stats.chi2_contingency(np.array(table), correction=True)
    assert r.statistic == pytest.approx(ref.statistic, abs=1e-12)
    uncorrected = chi_square(table, correction=False)
    assert uncorrected.statistic > r.statistic


def test_fisher_exact_matches_the_tea_tasting_experiment():
    # Fisher (1935); R: fisher.test(TeaTasting) -> p-value = 0.4857 (two-sided)
    # hypergeometric by hand: 2 * (16/70 + 1/70) = 34/70
    r = fisher_exact([[3, 1], [1, 3]])
    assert r.p == pytest.approx(34 / 70, abs=1e-12)
    assert r.statistic == 9.0  # sample odds ratio 3*3 / (1*1)


def test_independence_test_picks_fisher_for_small_expected_counts():
    assert independence_test([[3, 1], [1, 3]]).method == "fisher"
    assert independence_test([[30, 10], [10, 30]]).method == "chi-square"
    small = chi_square([[1, 0, 4], [2, 3, 1]])
    # expected = row total × column total / 11: smallest 5·3/11, all six cells below 5
    assert small.warning.code is ContingencyWarning.SMALL_EXPECTED_COUNTS
    assert small.warning.params == {"min_expected": pytest.approx(15 / 11), "percent_below_5": 100}


def test_contingency_tables_reject_bad_counts():
    with pytest.raises(ValueError, match="whole counts"):
        chi_square([[1.5, 2], [3, 4]])
    with pytest.raises(ValueError, match="empty row or column"):
        chi_square([[0, 0], [3, 4]])
    with pytest.raises(ValueError, match="2 × 2"):
        fisher_exact([[1, 2, 3], [4, 5, 6]])
