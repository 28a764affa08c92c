import math

import numpy as np
import pytest
from scipy import stats

from sieva.analysis.paired import cohens_dz, hedges_g_av, paired_t, wilcoxon_signed_rank
from sieva.analysis.types import PValueMethod
from tests.analysis.references import SLEEP_1, SLEEP_2, correlated_pair


def test_paired_t_matches_r_on_the_sleep_data():
    r = paired_t(SLEEP_1, SLEEP_2)
    # R: t.test(sleep$extra[11:20], sleep$extra[1:10], paired = TRUE)
    #    -> t = 4.0621, df = 9, p-value = 0.002833, 95% CI 0.7001142 2.4598858, mean diff 1.58
    assert r.mean_diff == pytest.approx(1.58)
    assert r.ci.low == pytest.approx(0.7001142, abs=1e-6)
    assert r.ci.high == pytest.approx(2.4598858, abs=1e-6)
    assert r.df == 9
    assert round(r.t, 4) == 4.0621
    assert round(r.p, 6) == 0.002833
    # scipy.stats.ttest_rel(post, pre) -> same t and p
    ref = stats.ttest_rel(SLEEP_2, SLEEP_1)
    assert r.t == pytest.approx(ref.statistic, abs=1e-9)
    assert r.p == pytest.approx(ref.pvalue, abs=1e-12)


def test_paired_t_rejects_unequal_lengths_and_constant_differences():
    with pytest.raises(ValueError, match="same length"):
        paired_t([1, 2, 3], [1, 2])
    with pytest.raises(ValueError, match="same"):
        paired_t([1, 2, 3], [2, 3, 4])


def test_wilcoxon_matches_r_with_ties_and_a_zero_difference():
    w = wilcoxon_signed_rank(SLEEP_1, SLEEP_2)
    # R: wilcox.test(sleep$extra[11:20], sleep$extra[1:10], paired = TRUE)
    #    -> V = 45, p-value = 0.009091 (normal approximation: ties and a zero difference)
    assert w.statistic == 45
    assert round(w.p, 6) == 0.009091
    assert w.n_nonzero == 9
    assert w.method is PValueMethod.NORMAL_APPROXIMATION
    assert w.rank_biserial == 1.0


def test_wilcoxon_is_exact_without_ties_and_matches_r():
    # Hollander & Wolfe depression scores, the example of R's ?wilcox.test.
    x = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30]
    y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]
    w = wilcoxon_signed_rank(pre=y, post=x)
    # R: wilcox.test(x, y, paired = TRUE, alternative = "greater") -> V = 40, p-value = 0.01953;
    #    two-sided p = 2 * 0.01953125 = 0.0390625
    assert w.statistic == 40
    assert w.p == pytest.approx(0.0390625, abs=1e-9)
    assert w.method is PValueMethod.EXACT
    # Kerby (2014): r = (T+ - T-) / (T+ + T-) = (40 - 5) / 45
    assert w.rank_biserial == pytest.approx(35 / 45)


def test_cohens_dz_is_t_over_root_n_with_a_noncentral_t_interval():
    es = cohens_dz(SLEEP_1, SLEEP_2)
    t = 4.062127683382037  # R t.test above
    assert es.value == pytest.approx(t / math.sqrt(10), abs=1e-9)
    # The interval inverts the noncentral t:
    # scipy.stats.nct.cdf(t, 9, low*sqrt(10)) -> 0.975 and nct.cdf(t, 9, high*sqrt(10)) -> 0.025
    assert stats.nct.cdf(t, 9, es.ci.low * math.sqrt(10)) == pytest.approx(0.975, abs=1e-9)
    assert stats.nct.cdf(t, 9, es.ci.high * math.sqrt(10)) == pytest.approx(0.025, abs=1e-9)
    assert es.ci.low < es.value < es.ci.high


def test_cohens_dz_interval_handles_a_decrease_and_a_large_effect():
    pre = [50, 52, 48, 55, 51, 49, 53]
    post = [40, 43, 37, 44, 42, 38, 44]
    es = cohens_dz(pre, post)
    t = paired_t(pre, post).t
    assert es.value < 0
    assert stats.nct.cdf(t, 6, es.ci.high * math.sqrt(7)) == pytest.approx(0.025, abs=1e-9)


def test_hedges_g_av_reproduces_borenstein_worked_example():
    # Borenstein, Hedges, Higgins & Rothstein (2009), Introduction to Meta-Analysis, ch. 4,
    # matched groups: means 100 -> 103, S_within 7.1005 (S_diff 5.5), r = 0.7, n = 50
    # -> d = 0.4225, V_d = 0.0131, J = 0.9846, g = 0.4160, V_g = 0.0127.
    pre, post = correlated_pair(50, (100.0, 103.0), 5.5 / math.sqrt(0.6), 0.7, seed=3)
    es = hedges_g_av(pre, post)
    se = (es.ci.high - es.ci.low) / (2 * stats.norm.ppf(0.975))
    assert round(es.value, 4) == 0.4160
    assert round(se**2, 4) == 0.0127
    assert es.ci.low < es.value < es.ci.high


def test_hedges_g_av_uses_the_average_sd():
    pre = np.array([10.0, 12, 14, 16, 18, 20])
    post = pre * 2 + 1  # SD doubles
    es = hedges_g_av(pre, post)
    d_av = (post.mean() - pre.mean()) / ((pre.std(ddof=1) + post.std(ddof=1)) / 2)
    j = math.exp(math.lgamma(2.5) - 0.5 * math.log(2.5) - math.lgamma(2))  # Hedges J(df=5)
    assert es.value == pytest.approx(j * d_av)
