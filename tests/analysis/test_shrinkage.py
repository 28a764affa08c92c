import numpy as np
import pandas as pd
import pytest
import statsmodels.formula.api as smf

from sieva.analysis.shrinkage import empirical_bayes_means


def _mentees(sizes, seed):
    rng = np.random.default_rng(seed)
    values, groups = [], []
    for g, n in enumerate(sizes):
        effect = rng.normal(0, 4)
        for _ in range(n):
            groups.append(f"mentor{g}")
            values.append(50 + effect + rng.normal(0, 6))
    return values, groups


def test_balanced_groups_match_the_anova_estimator_by_hand():
    # Balanced one-way design: REML equals the ANOVA estimator when it is positive (Searle,
    # Casella & McCulloch 1992, §3.6). Groups (60, 64), (40, 44), (50, 54): MSW = 24/3 = 8,
    # MSB = 2·(100 + 100 + 0)/2 = 200, τ² = (200 − 8)/2 = 96, B = 96/(96 + 8/2) = 0.96.
    fit = empirical_bayes_means([60, 64, 40, 44, 50, 54], ["a", "a", "b", "b", "c", "c"])
    assert fit.within_variance == pytest.approx(8.0, rel=1e-6)
    assert fit.between_variance == pytest.approx(96.0, rel=1e-6)
    assert fit.overall_mean == pytest.approx(52.0)
    assert [g.shrunk_mean for g in fit.groups] == pytest.approx([61.6, 42.4, 52.0], abs=1e-5)
    assert fit.groups[0].reliability == pytest.approx(0.96, abs=1e-7)
    # Posterior SD √(1/(1/96 + 2/8)) = 1.959592
    assert fit.groups[0].posterior_sd == pytest.approx(1.9595917942, abs=1e-6)


@pytest.mark.parametrize("seed", [3, 7, 11])
def test_unbalanced_groups_match_statsmodels_mixedlm_reml_blups(seed):
    values, groups = _mentees([2, 5, 3, 8, 1, 4, 6], seed)
    fit = empirical_bayes_means(values, groups)
    frame = pd.DataFrame({"y": values, "mentor": groups})
    # statsmodels: smf.mixedlm("y ~ 1", frame, groups=frame["mentor"])
    #   .fit(reml=True, method=["bfgs"], gtol=1e-12): fe_params, cov_re, scale, random_effects
    ref = smf.mixedlm("y ~ 1", frame, groups=frame["mentor"]).fit(
        reml=True, method=["bfgs"], gtol=1e-12
    )
    assert fit.overall_mean == pytest.approx(ref.fe_params.iloc[0], abs=1e-5)
    assert fit.between_variance == pytest.approx(float(ref.cov_re.iloc[0, 0]), rel=1e-4)
    assert fit.within_variance == pytest.approx(ref.scale, rel=1e-4)
    for group in fit.groups:
        blup = float(ref.random_effects[group.label].iloc[0])
        assert group.shrunk_mean - fit.overall_mean == pytest.approx(blup, abs=1e-4)


def test_a_mentor_with_two_mentees_is_pulled_further_than_one_with_eight():
    values, groups = _mentees([2, 8, 8, 8, 8], seed=5)
    values = [
        v + (15 if g in ("mentor0", "mentor1") else 0) for v, g in zip(values, groups, strict=True)
    ]
    fit = empirical_bayes_means(values, groups)
    few, many = fit.groups[0], fit.groups[1]
    assert few.reliability < many.reliability
    pull = [
        abs(g.raw_mean - g.shrunk_mean) / abs(g.raw_mean - fit.overall_mean) for g in (few, many)
    ]
    assert pull[0] > pull[1]


def test_without_real_differences_every_group_gets_the_overall_mean():
    # Group means identical: τ² = 0 at the boundary, so nothing of a group's own mean is kept.
    fit = empirical_bayes_means([1, 3, 2, 2, 0, 4], ["a", "a", "b", "b", "c", "c"])
    assert fit.between_variance == 0.0
    assert all(g.shrunk_mean == pytest.approx(2.0) for g in fit.groups)
    assert all(g.reliability == 0.0 for g in fit.groups)


def test_it_refuses_data_it_cannot_fit():
    with pytest.raises(ValueError, match="two groups"):
        empirical_bayes_means([1, 2, 3], ["a", "a", "a"])
    with pytest.raises(ValueError, match="two or more values"):
        empirical_bayes_means([1, 2, 3], ["a", "b", "c"])
    with pytest.raises(ValueError, match="no within-group variation"):
        empirical_bayes_means([1, 1, 2, 2], ["a", "a", "b", "b"])
    with pytest.raises(ValueError, match="groups"):
        empirical_bayes_means([1, 2, 3], ["a", "b"])
