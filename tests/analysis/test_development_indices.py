import math

import pytest

from sieva.analysis.indices.development import Qualification as Q
from sieva.analysis.indices.development import (
    gap_closure,
    gas_t_score,
    participant_qualification,
)


def test_gas_t_is_fifty_when_every_goal_is_met_as_expected():
    assert gas_t_score([0, 0, 0, 0], [1, 2, 3, 1]).t == 50.0


def test_gas_t_matches_the_gasr_reference_example():
    # R package gasr (Dunn, calc_tscore's documented example):
    #   calc_tscore(c(-2, 0, -1, 2, 0, 1), c(3, 5, 1, 4, 2, 6)) -> 55
    # By hand: Σwx = 7, Σw² = 91, Σw = 21, √(0.7·91 + 0.3·441) = √196 = 14; 50 + 70/14 = 55.
    score = gas_t_score([-2, 0, -1, 2, 0, 1], [3, 5, 1, 4, 2, 6])
    assert score.t == pytest.approx(55.0, abs=1e-12)
    assert score.weighted_sum == 7
    assert score.n_goals == 6


@pytest.mark.parametrize(
    ("goals", "expected"),
    # Unweighted goals all scored −1 (the usual GAS baseline): T = 50 − 10n/√(0.7n + 0.3n²)
    # (Kiresuk & Sherman 1968 with ρ = 0.3). Turner-Stokes et al. (2010), J Rehabil Med 42,
    # 50–55, report a median baseline of 34.9 for patients with mostly five goals: n = 5
    # gives 34.92.
    [(1, 40.0), (2, 37.5965), (3, 36.3069), (4, 35.4905), (5, 34.9244)],
)
def test_gas_baseline_t_scores_for_unweighted_goals(goals, expected):
    assert gas_t_score([-1] * goals).t == pytest.approx(expected, abs=1e-4)


def test_gas_with_rho_zero_is_the_weighted_z_sum():
    # ρ = 0: T = 50 + 10·Σwx/√Σw² (independent goals); 2 goals weights 3, 4 at +1, +2:
    # Σwx = 11, √25 = 5 -> 72.
    assert gas_t_score([1, 2], [3, 4], rho=0.0).t == pytest.approx(72.0)


@pytest.mark.parametrize(
    ("levels", "weights", "message"),
    [
        ([], None, "at least one goal"),
        ([3], None, "one of -2"),
        ([0.5], None, "one of -2"),
        ([True], None, "one of -2"),
        ([0, 1], [1], "2 levels but 1 weights"),
        ([0], [0], "positive"),
        ([0], [math.nan], "positive"),
    ],
)
def test_gas_rejects_bad_input_with_a_plain_message(levels, weights, message):
    with pytest.raises(ValueError, match=message):
        gas_t_score(levels, weights)


def test_gas_rejects_a_correlation_outside_zero_to_one():
    with pytest.raises(ValueError, match="rho"):
        gas_t_score([0], rho=1.0)


@pytest.mark.parametrize(
    ("score", "label"),
    # DOMAIN.md: Sangat Memuaskan > 90.00, Memuaskan > 80.00, Cukup Memuaskan > 70.00,
    # Kurang Memuaskan > 60.00, else Tidak Memuaskan: a bound itself falls in the band below.
    [
        (100.0, Q.VERY_SATISFACTORY),
        (90.01, Q.VERY_SATISFACTORY),
        (90.0, Q.SATISFACTORY),
        (80.01, Q.SATISFACTORY),
        (80.0, Q.FAIRLY_SATISFACTORY),
        (70.0, Q.LESS_SATISFACTORY),
        (60.01, Q.LESS_SATISFACTORY),
        (60.0, Q.UNSATISFACTORY),
        (0.0, Q.UNSATISFACTORY),
    ],
)
def test_participant_qualification_bands(score, label):
    assert participant_qualification(score) == label


def test_participant_qualification_takes_bands_from_the_instance():
    bands = [(85.0, Q.VERY_SATISFACTORY), (50.0, Q.SATISFACTORY)]
    assert participant_qualification(85, bands) == Q.SATISFACTORY
    with pytest.raises(ValueError, match="highest bound first"):
        participant_qualification(85, bands[::-1])
    with pytest.raises(ValueError, match="0–100"):
        participant_qualification(101)


def test_gap_closure_counts_only_shortfalls():
    # Required 3, 4, 2; before 2, 2, 3 -> gaps 1, 2, 0 (the level above the standard does not
    # offset the others) = 3; after 3, 3, 3 -> gaps 0, 1, 0 = 1; closure (3 − 1)/3.
    result = gap_closure([3, 4, 2], [2, 2, 3], [3, 3, 3])
    assert (result.gap_before, result.gap_after) == (3.0, 1.0)
    assert result.rate == pytest.approx(2 / 3)


def test_gap_closure_is_undefined_without_a_gap_and_negative_when_gaps_widen():
    assert gap_closure([2], [3], [1]).rate is None
    assert gap_closure([4], [3], [2]).rate == pytest.approx(-1.0)
    with pytest.raises(ValueError, match="one value per competency"):
        gap_closure([1, 2], [1], [1])
