"""Plant known effects in generated data (fixed seeds) and recover them."""

import numpy as np

from sieva.analysis.descriptive import proportion_ci
from sieva.analysis.did import did_2x2, did_twfe
from sieva.analysis.gain import normalized_gain
from sieva.analysis.paired import cohens_dz, paired_t


def test_it_recovers_a_planted_learning_gain():
    rng = np.random.default_rng(2024)
    pre = rng.normal(55, 12, size=60).clip(0, 100)
    post = pre + 10 + rng.normal(0, 6, size=60)
    r = paired_t(pre, post)
    assert 10 in r.ci
    assert 10 / 6 in cohens_dz(pre, post).ci


def test_it_recovers_a_planted_normalised_gain():
    rng = np.random.default_rng(7)
    pre = rng.uniform(20, 70, size=200)
    post = pre + 0.45 * (100 - pre) + rng.normal(0, 2, size=200)
    g = normalized_gain(pre, post.clip(max=100), max_score=100)
    assert abs(g.class_gain - 0.45) < 0.02
    assert g.class_category == "medium"


def _panel(seed, n_units=40, effect=5.0):
    rng = np.random.default_rng(seed)
    alpha = rng.normal(0, 3, n_units)
    lam = np.array([0.0, 1.0, 1.5, 3.0])
    unit, period, d, y = [], [], [], []
    for u in range(n_units):
        for t in range(4):
            treated_now = u < n_units // 2 and t >= 2
            unit.append(u)
            period.append(t)
            d.append(int(treated_now))
            y.append(alpha[u] + lam[t] + effect * treated_now + rng.normal(0, 2))
    return np.array(y), np.array(unit), np.array(period), np.array(d)


def test_it_recovers_a_planted_did_effect():
    y, unit, period, d = _panel(seed=99)
    twfe = did_twfe(y, unit=list(unit), period=list(period), treatment=d)
    assert 5.0 in twfe.ci
    keep = np.isin(period, [1, 2])
    two = did_2x2(
        y[keep],
        treated=(unit[keep] < 20).astype(int),
        post=(period[keep] == 2).astype(int),
        unit=list(unit[keep]),
    )
    assert 5.0 in two.ci


def test_intervals_cover_the_truth_about_95_percent_of_the_time():
    rng = np.random.default_rng(1)
    reps = 300
    mean_hits = dz_hits = wilson_hits = 0
    for i in range(reps):
        pre = rng.normal(50, 10, 15)
        post = pre + 3 + rng.normal(0, 6, 15)
        mean_hits += 3 in paired_t(pre, post).ci
        if i < 150:
            dz_hits += 0.5 in cohens_dz(pre, post).ci
        wilson_hits += 0.3 in proportion_ci(int(rng.binomial(40, 0.3)), 40).ci
    # 95% binomial range for 300 (150) draws at p = .95: about 0.92-0.975 (0.91-0.985)
    assert 0.91 <= mean_hits / reps <= 0.98
    assert 0.89 <= dz_hits / 150 <= 0.99
    assert 0.91 <= wilson_hits / reps <= 0.99
