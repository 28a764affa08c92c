import numpy as np
import pytest

from sieva.analysis.did import DidWarning, did_2x2, did_twfe, pretrend_check
from sieva.analysis.types import Notice


def _two_period_panel(n_units=30, n_treated=12, effect=3.0, seed=11):
    rng = np.random.default_rng(seed)
    unit = np.repeat(np.arange(n_units), 2)
    post = np.tile([0, 1], n_units)
    treated = (unit < n_treated).astype(int)
    y = (
        rng.normal(size=n_units)[unit]
        + 2 * post
        + effect * treated * post
        + rng.normal(size=2 * n_units)
    )
    return y, treated, post, unit


def _cr1_se(x, y, groups, column):
    """Cluster-robust (CR1) standard error by hand: Cameron & Miller (2015), eq. 11, with
    Stata's small-sample factor G/(G-1) * (N-1)/(N-K) (`regress ..., vce(cluster unit)`)."""
    n, k = x.shape
    bread = np.linalg.inv(x.T @ x)
    u = y - x @ (bread @ x.T @ y)
    meat = np.zeros((k, k))
    for g in np.unique(groups):
        s = x[groups == g].T @ u[groups == g]
        meat += np.outer(s, s)
    n_groups = np.unique(groups).size
    factor = n_groups / (n_groups - 1) * (n - 1) / (n - k)
    return float(np.sqrt(factor * (bread @ meat @ bread)[column, column]))


def test_2x2_estimate_is_the_difference_of_differences_of_cell_means():
    y, treated, post, unit = _two_period_panel()
    r = did_2x2(y, treated=treated, post=post, unit=unit)
    m = r.cell_means
    by_hand = (
        y[(treated == 1) & (post == 1)].mean()
        - y[(treated == 1) & (post == 0)].mean()
        - (y[(treated == 0) & (post == 1)].mean() - y[(treated == 0) & (post == 0)].mean())
    )
    assert r.estimate == pytest.approx(by_hand, abs=1e-10)
    assert r.estimate == pytest.approx(
        m["treated_post"] - m["treated_pre"] - m["control_post"] + m["control_pre"], abs=1e-10
    )


def test_2x2_clustered_standard_error_matches_the_sandwich_by_hand():
    y, treated, post, unit = _two_period_panel()
    r = did_2x2(y, treated=treated, post=post, unit=unit)
    x = np.column_stack([np.ones(y.size), treated, post, treated * post])
    assert r.se == pytest.approx(_cr1_se(x, y, unit, 3), rel=1e-10)
    assert r.df == 29  # G - 1
    assert r.n_clusters == 30 and r.n_treated_clusters == 12
    assert r.warnings == ()


def test_twfe_with_two_periods_equals_the_2x2_estimate_and_its_sandwich():
    y, treated, post, unit = _two_period_panel()
    r = did_twfe(y, unit=list(unit), period=list(post), treatment=treated * post)
    assert r.estimate == pytest.approx(did_2x2(y, treated=treated, post=post).estimate, abs=1e-10)
    dummies = (unit[:, None] == np.arange(30)).astype(float)
    x = np.column_stack([treated * post, dummies, post])
    assert r.se == pytest.approx(_cr1_se(x, y, unit, 0), rel=1e-10)


def test_it_warns_when_there_are_few_clusters_or_few_treated_units():
    y, treated, post, unit = _two_period_panel(n_units=12, n_treated=3)
    r = did_2x2(y, treated=treated, post=post, unit=unit)
    assert r.warnings == (
        Notice(DidWarning.FEW_CLUSTERS, {"n_clusters": 12, "min_clusters": 30}),
        Notice(
            DidWarning.FEW_TREATED_CLUSTERS, {"n_treated_clusters": 3, "min_treated_clusters": 5}
        ),
    )


def test_repeated_cross_sections_use_robust_errors_without_clusters():
    y, treated, post, _ = _two_period_panel()
    r = did_2x2(y, treated=treated, post=post)
    assert r.n_clusters is None and r.df == y.size - 4 and r.warnings == ()


def test_it_rejects_a_design_with_an_empty_cell():
    with pytest.raises(ValueError, match="treated_post"):
        did_2x2([1, 2, 3, 4], treated=[0, 0, 1, 1], post=[0, 1, 0, 0])
    with pytest.raises(ValueError, match="0/1"):
        did_2x2([1, 2, 3, 4], treated=[0, 2, 1, 1], post=[0, 1, 0, 1])


def _staggered_panel(pretrend=0.0, seed=3):
    rng = np.random.default_rng(seed)
    rows = []
    for u in range(40):
        start = 4 if u < 20 else None
        for t in range(6):
            d = int(start is not None and t >= start)
            trend = pretrend * t if start is not None else 0.0
            y = u % 7 + 0.5 * t + trend + 2.0 * d + rng.normal(scale=0.5)
            rows.append((u, t, d, y))
    unit, period, d, y = (list(c) for c in zip(*rows, strict=True))
    return np.array(y), unit, period, np.array(d)


def test_pretrend_check_finds_a_planted_pre_trend():
    y, unit, period, d = _staggered_panel(pretrend=0.6)
    r = pretrend_check(y, unit=unit, period=period, treatment=d)
    assert [lead.relative_period for lead in r.leads] == [-2, -3, -4]
    assert r.p < 0.001
    # with a slope of 0.6 among the treated, lead -k sits (k - 1) * 0.6 below period -1
    assert r.leads[0].estimate == pytest.approx(-0.6, abs=0.3)
    assert r.df_num == 3 and r.df_denom == 39


def test_pretrend_leads_match_an_ols_fit_by_numpy():
    y, unit, period, d = _staggered_panel()
    r = pretrend_check(y, unit=unit, period=period, treatment=d)
    u, t = np.array(unit), np.array(period)
    rel = np.where(u < 20, t - 4, -1)
    cols = [(rel == k).astype(float) for k in (-2, -3, -4, 0, 1)]
    x = np.column_stack(
        cols
        + [(u[:, None] == np.arange(40)).astype(float)]
        + [(t[:, None] == np.arange(1, 6)).astype(float)]
    )
    beta = np.linalg.lstsq(x, y, rcond=None)[0]  # numpy least squares
    assert [lead.estimate for lead in r.leads] == pytest.approx(list(beta[:3]), abs=1e-9)
    assert r.p > 0.05


def test_twfe_warns_about_staggered_adoption():
    y, unit, period, d = _staggered_panel()
    d = d.copy()
    d[np.array(unit) == 0] = (np.array(period)[np.array(unit) == 0] >= 2).astype(int)
    r = did_twfe(y, unit=unit, period=period, treatment=d)
    assert Notice(DidWarning.STAGGERED_ADOPTION) in r.warnings
    assert Notice(DidWarning.TREATMENT_SWITCHES_OFF) not in r.warnings


def test_pretrend_check_needs_two_pre_periods():
    y, treated, post, unit = _two_period_panel()
    with pytest.raises(ValueError, match="two periods before"):
        pretrend_check(y, unit=list(unit), period=list(post), treatment=treated * post)
