"""Invariants checked over generated inputs (Hypothesis)."""

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from sieva.analysis.descriptive import mean_ci, proportion_ci
from sieva.analysis.indices.ikm import STANDARD_ELEMENTS, ikm_from_responses
from sieva.analysis.multiple import holm
from sieva.analysis.paired import paired_t
from sieva.analysis.reliability import cronbach_alpha
from sieva.analysis.sampling import krejcie_morgan, slovin
from sieva.analysis.suppression import suppress_table

FAST = settings(max_examples=40, deadline=None)
answer = st.one_of(st.none(), st.integers(1, 4))


@FAST
@given(st.lists(st.tuples(*[answer] * 9), min_size=1, max_size=30))
def test_ikm_lies_in_1_to_4_and_nik_is_ikm_times_25(rows):
    columns = {c: [row[j] for row in rows] for j, c in enumerate(STANDARD_ELEMENTS)}
    if any(all(v is None for v in col) for col in columns.values()):
        return
    r = ikm_from_responses(columns)
    assert 1 <= r.ikm <= 4
    assert 25 <= r.nik <= 100
    assert math.isclose(r.nik_unrounded, r.ikm * 25, rel_tol=1e-12)
    assert abs(r.nik - r.ikm * 25) <= 0.005 + 1e-9
    assert all(1 <= e.nrr <= 4 for e in r.elements.values())


@FAST
@given(
    st.lists(st.lists(st.integers(1, 5), min_size=4, max_size=4), min_size=3, max_size=25).filter(
        lambda m: np.var(np.sum(m, axis=1)) > 0
    )
)
def test_alpha_never_exceeds_one_and_its_interval_is_ordered(matrix):
    a = cronbach_alpha(matrix)
    assert a.alpha <= 1 + 1e-12
    assert a.ci.low <= a.alpha <= a.ci.high <= 1 + 1e-12


samples = st.lists(st.floats(-1e3, 1e3, allow_nan=False), min_size=2, max_size=40)


@FAST
@given(samples.filter(lambda x: np.std(x) > 1e-6))
def test_mean_interval_contains_the_mean(x):
    est = mean_ci(x)
    assert est.mean in est.ci


@FAST
@given(st.integers(1, 500).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_wilson_interval_contains_the_proportion_and_stays_in_0_1(case):
    est = proportion_ci(*case)
    assert 0 <= est.ci.low <= est.proportion <= est.ci.high <= 1


@FAST
@given(samples.filter(lambda x: len(x) >= 3), st.integers(0, 2**32 - 1))
def test_paired_interval_contains_the_mean_difference(pre, seed):
    post = np.array(pre) + np.random.default_rng(seed).normal(1, 5, len(pre))
    r = paired_t(pre, post)
    assert r.mean_diff in r.ci


@FAST
@given(st.lists(st.floats(0, 1), min_size=1, max_size=30))
def test_holm_adjusted_p_is_at_least_raw_and_keeps_the_order(p):
    adjusted = holm(p).adjusted
    assert all(a >= raw for a, raw in zip(adjusted, p, strict=True))
    assert all(a <= 1 for a in adjusted)
    order = np.argsort(p, kind="stable")
    ranked = [adjusted[i] for i in order]
    assert ranked == sorted(ranked)


@FAST
@given(st.integers(1, 10**7))
def test_sample_sizes_never_exceed_the_population_and_grow_with_it(n):
    km = krejcie_morgan(n).n
    assert 1 <= km <= n and krejcie_morgan(n + 1).n >= km
    assert 1 <= slovin(n).n <= n


@FAST
@given(st.lists(st.lists(st.integers(0, 40), min_size=3, max_size=3), min_size=1, max_size=5))
def test_suppression_shows_no_small_cell_and_no_lone_hidden_cell(table):
    r = suppress_table(table)
    rows, cols = len(table), 3
    hidden = {(i, j) for i in range(rows) for j in range(cols) if r.values[i][j] is None}
    assert all(v is None or v >= 5 for row in r.values for v in row)
    lines = [[(i, j) for j in range(cols)] for i in range(rows)]
    if rows > 1:
        lines += [[(i, j) for i in range(rows)] for j in range(cols)]
    assert all(sum(c in hidden for c in line) != 1 for line in lines)
