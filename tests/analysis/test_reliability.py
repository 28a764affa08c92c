import numpy as np
import pandas as pd
import pytest
import statsmodels.formula.api as smf
from scipy import stats
from statsmodels.stats.anova import anova_lm

from sieva.analysis.reliability import Difficulty, cronbach_alpha, item_analysis, kr20
from tests.analysis.references import SHROUT_FLEISS


def _two_way_anova(matrix):
    """Mean squares of respondents and residual from statsmodels' two-way ANOVA (Hoyt 1941)."""
    x = np.asarray(matrix, dtype=float)
    n, k = x.shape
    long = pd.DataFrame(
        {"y": x.ravel(), "person": np.repeat(np.arange(n), k), "item": np.tile(np.arange(k), n)}
    )
    table = anova_lm(smf.ols("y ~ C(person) + C(item)", data=long).fit())
    return table.loc["C(person)", "mean_sq"], table.loc["Residual", "mean_sq"]


def test_alpha_equals_icc3k_published_by_shrout_and_fleiss():
    a = cronbach_alpha(SHROUT_FLEISS)
    # Shrout & Fleiss (1979), Table 4: ICC(3,4) = .91
    assert round(a.alpha, 2) == 0.91
    # Hoyt (1941) via statsmodels ANOVA: alpha = 1 - MS_residual / MS_persons
    ms_person, ms_error = _two_way_anova(SHROUT_FLEISS)
    assert a.alpha == pytest.approx(1 - ms_error / ms_person, abs=1e-9)


def test_feldt_interval_equals_the_mcgraw_wong_interval_of_icc_c_k():
    a = cronbach_alpha(SHROUT_FLEISS)
    ms_person, ms_error = _two_way_anova(SHROUT_FLEISS)
    f_obs = ms_person / ms_error
    # McGraw & Wong (1996), case 3, ICC(C,k): 1 - 1/F_L and 1 - 1/F_U with
    # F_L = F_obs / F(0.975; 5, 15), F_U = F_obs * F(0.975; 15, 5)
    f_low = f_obs / stats.f.ppf(0.975, 5, 15)
    f_high = f_obs * stats.f.ppf(0.975, 15, 5)
    assert a.ci.low == pytest.approx(1 - 1 / f_low, abs=1e-9)
    assert a.ci.high == pytest.approx(1 - 1 / f_high, abs=1e-9)


def test_item_statistics_match_independent_computations():
    x = np.array(SHROUT_FLEISS, dtype=float)
    a = cronbach_alpha(x, item_names=["j1", "j2", "j3", "j4"])
    for j, item in enumerate(a.items):
        rest = np.delete(x, j, axis=1)
        # scipy.stats.pearsonr(item, rest total)
        assert item.item_rest_r == pytest.approx(stats.pearsonr(x[:, j], rest.sum(axis=1))[0])
        # alpha from the covariance matrix: k/(k-1) * (1 - trace(C) / sum(C))
        c = np.cov(rest, rowvar=False)
        assert item.alpha_if_deleted == pytest.approx(1.5 * (1 - np.trace(c) / c.sum()))
    assert [i.name for i in a.items] == ["j1", "j2", "j3", "j4"]


def test_alpha_of_two_items_has_no_alpha_if_deleted():
    a = cronbach_alpha([[1, 2], [2, 2], [3, 4], [4, 5]])
    assert all(i.alpha_if_deleted is None for i in a.items)


def test_alpha_can_be_negative_but_never_above_one():
    a = cronbach_alpha([[1, 5], [2, 4], [3, 3], [4, 1]])
    assert a.alpha < 0 and a.ci.high <= 1


def test_kr20_equals_alpha_for_right_wrong_items():
    m = [[1, 1, 1], [1, 1, 0], [1, 0, 0], [0, 0, 0], [1, 1, 1]]
    # by hand: p = (.8, .6, .4), sum pq = .64, var(total; divisor n) = 1.36,
    # KR-20 = 3/2 * (1 - .64/1.36) = 0.794118
    assert kr20(m).kr20 == pytest.approx(1.5 * (1 - 0.64 / 1.36), abs=1e-12)
    assert kr20(m).kr20 == pytest.approx(cronbach_alpha(m).alpha, abs=1e-12)


def test_kr20_rejects_scores_other_than_zero_and_one():
    with pytest.raises(ValueError, match="0 .* or 1"):
        kr20([[1, 2], [0, 1], [1, 1]])


def test_item_analysis_reports_difficulty_point_biserial_and_upper_lower_index():
    rng = np.random.default_rng(5)
    ability = rng.normal(size=60)
    m = (ability[:, None] + rng.normal(size=(60, 5)) > np.array([-1.8, -0.5, 0, 0.5, 1.8])).astype(
        int
    )
    r = item_analysis(m)
    assert r.group_size == 16  # round(0.27 * 60), Kelley (1939)
    total = m.sum(axis=1)
    order = np.argsort(-total, kind="stable")
    for j, item in enumerate(r.items):
        assert item.difficulty == pytest.approx(m[:, j].mean())
        # scipy.stats.pointbiserialr(item, rest score)
        ref = stats.pointbiserialr(m[:, j], total - m[:, j])[0]
        assert item.point_biserial == pytest.approx(ref, abs=1e-12)
        upper, lower = m[order[:16], j].mean(), m[order[-16:], j].mean()
        assert item.discrimination == pytest.approx(upper - lower)
    assert r.items[0].difficulty_category is Difficulty.EASY
    assert r.items[4].difficulty_category is Difficulty.HARD


@pytest.mark.parametrize(
    ("d", "category"),
    [
        (0.40, "very_good"),
        (0.39, "good"),
        (0.30, "good"),
        (0.2, "fair"),
        (0.19, "poor"),
        (-0.1, "poor"),
    ],
)
def test_discrimination_categories_follow_ebel_and_frisbie(d, category):
    from sieva.analysis.reliability import _discrimination_category

    assert _discrimination_category(d) == category


def test_reliability_rejects_incomplete_matrices():
    with pytest.raises(ValueError, match="NaN"):
        cronbach_alpha([[1, 2], [np.nan, 3], [2, 2]])
    with pytest.raises(ValueError, match="do not vary"):
        cronbach_alpha([[1, 1], [1, 1], [1, 1]])
