import numpy as np
import pytest
from scipy.spatial.distance import mahalanobis

from sieva.analysis.matching import (
    balance_table,
    nearest_neighbour_match,
    standardised_mean_difference,
)

# Mentees and candidate comparison staff: grade rank, years of service, baseline score.
TREATED = [[9, 2.0, 70.0], [10, 3.0, 75.0], [9, 1.0, 62.0]]
CONTROL = [[13, 20.0, 88.0], [9, 2.5, 71.0], [10, 2.0, 76.0], [9, 1.5, 60.0], [12, 15.0, 85.0]]


def test_it_matches_each_treated_row_to_its_nearest_free_control():
    matching = nearest_neighbour_match(TREATED, CONTROL)
    assert [(p.treated, p.control) for p in matching.pairs] == [(0, 1), (1, 2), (2, 3)]
    assert matching.unmatched == ()


def test_the_distance_is_the_mahalanobis_distance_over_all_rows():
    matching = nearest_neighbour_match(TREATED, CONTROL)
    inverse = np.linalg.inv(np.cov(np.vstack([TREATED, CONTROL]), rowvar=False))
    for pair in matching.pairs:
        # scipy.spatial.distance.mahalanobis(u, v, VI)
        expected = mahalanobis(TREATED[pair.treated], CONTROL[pair.control], inverse)
        assert pair.distance == pytest.approx(expected, rel=1e-12)


def test_a_control_is_used_at_most_once():
    matching = nearest_neighbour_match([[1.0], [1.1]], [[1.05], [9.0]])
    assert [(p.treated, p.control) for p in matching.pairs] == [(0, 0), (1, 1)]


def test_exact_strata_are_never_crossed_and_a_caliper_leaves_far_rows_unmatched():
    matching = nearest_neighbour_match(
        [[1.0], [2.0], [3.0]],
        [[1.0], [2.1], [40.0]],
        treated_strata=["puskesmas", "dinas", "kelurahan"],
        control_strata=["dinas", "puskesmas", "kelurahan"],
        caliper=1.0,
    )
    assert [(p.treated, p.control) for p in matching.pairs] == [(0, 1), (1, 0)]
    assert matching.unmatched == (2,)


def test_smd_by_hand():
    # Treated 2, 4, 6 (mean 4, var 4); control 1, 2, 3 (mean 2, var 1):
    # SMD = (4 − 2)/√((4 + 1)/2) = 2/√2.5 = 1.264911 (Austin 2009, eq. 1).
    assert standardised_mean_difference([2, 4, 6], [1, 2, 3]) == pytest.approx(1.2649110640673518)
    assert standardised_mean_difference([1, 1], [1, 1]) is None


def test_balance_table_by_hand_uses_the_unmatched_sd_both_before_and_after():
    t = [[1.0], [5.0]]
    c = [[4.8], [0.9], [3.0]]
    matching = nearest_neighbour_match(t, c)
    (row,) = balance_table(t, c, ["golongan"], matching)
    # By hand: var_t = 8, var_c = ((1.9)² + 2² + 0.1²)/2 = 3.81, pooled SD = √5.905.
    # Before: (3 − 2.9)/√5.905; after (pairs 1.0–0.9 and 5.0–4.8): (3 − 2.85)/√5.905.
    assert row.smd_before == pytest.approx(0.1 / np.sqrt(5.905), rel=1e-12)
    assert row.smd_after == pytest.approx(0.15 / np.sqrt(5.905), rel=1e-12)
    assert (row.mean_treated_matched, row.mean_control_matched) == (3.0, pytest.approx(2.85))
    assert row.balanced is True


def test_matching_improves_balance_on_planted_confounding():
    # Mentees are younger in service and lower at baseline; a random pool of staff is not.
    rng = np.random.default_rng(12)
    treated = np.column_stack([rng.normal(3, 1, 40), rng.normal(68, 5, 40)])
    control = np.column_stack([rng.normal(7, 4, 600), rng.normal(75, 8, 600)])
    matching = nearest_neighbour_match(treated, control)
    rows = balance_table(treated, control, ["masa kerja", "kinerja awal"], matching)
    for row in rows:
        assert abs(row.smd_before) > 1.0
        assert abs(row.smd_after) < 0.1


def test_matching_rejects_mismatched_shapes():
    with pytest.raises(ValueError, match="covariates"):
        nearest_neighbour_match([[1.0, 2.0]], [[1.0]])
    with pytest.raises(ValueError, match="one stratum per row"):
        nearest_neighbour_match([[1.0]], [[1.0]], treated_strata=["a", "b"])
    with pytest.raises(ValueError, match="caliper"):
        nearest_neighbour_match([[1.0]], [[1.0]], caliper=0)
