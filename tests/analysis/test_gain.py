import pytest

from sieva.analysis.gain import (
    AttritionVerdict,
    GainCategory,
    attrition_check,
    gain_category,
    normalized_gain,
)
from tests.analysis.references import with_moments


def test_class_gain_uses_class_means_as_hake_defines_it():
    r = normalized_gain([30, 50, 70], [60, 80, 85], max_score=100)
    # Hake (1998): <g> = (<post> - <pre>) / (max - <pre>) = (75 - 50) / (100 - 50)
    assert r.class_gain == pytest.approx(0.5)
    assert r.class_category is GainCategory.MEDIUM
    # individual gains 30/70, 30/50, 15/30, averaged (Bao 2006)
    assert r.individual == pytest.approx((30 / 70, 0.6, 0.5))
    assert r.individual_mean == pytest.approx((30 / 70 + 0.6 + 0.5) / 3)
    assert r.category_counts == {"high": 0, "medium": 3, "low": 0}


def test_a_person_starting_at_the_maximum_has_no_individual_gain():
    r = normalized_gain([100, 40], [90, 70], max_score=100)
    assert r.individual == (None, 0.5)
    assert r.n_undefined == 1
    assert r.individual_mean == 0.5
    # the class gain still counts everyone: (80 - 70) / (100 - 70)
    assert r.class_gain == pytest.approx(1 / 3)


def test_a_class_already_at_the_maximum_has_no_class_gain():
    r = normalized_gain([10, 10], [10, 9], max_score=10)
    assert r.class_gain is None and r.class_category is None
    assert r.individual_mean is None


@pytest.mark.parametrize(
    ("g", "category"),
    [
        (1.0, "high"),
        (0.7, "high"),
        (0.6999, "medium"),
        (0.3, "medium"),
        (0.2999, "low"),
        (-0.5, "low"),
    ],
)
def test_gain_categories_follow_hake(g, category):
    assert gain_category(g) == category


def test_normalized_gain_rejects_scores_above_the_maximum():
    with pytest.raises(ValueError, match="max_score"):
        normalized_gain([50, 101], [60, 90], max_score=100)


def test_attrition_check_flags_leavers_who_started_lower():
    stayers = with_moments(40, 70.0, 10.0, seed=1)
    leavers = with_moments(10, 60.0, 10.0, seed=2)
    r = attrition_check(stayers, leavers)
    assert r.attrition_rate == pytest.approx(10 / 50)
    assert r.mean_leavers == pytest.approx(60.0)
    # Hedges g = J(48) * (60 - 70) / 10 with J(48) = 0.98428 (Hedges 1981 exact factor)
    assert r.g == pytest.approx(-0.98428, abs=1e-5)
    assert r.verdict is AttritionVerdict.NOT_EQUIVALENT


def test_attrition_check_accepts_leavers_like_the_stayers():
    stayers = with_moments(30, 70.0, 10.0, seed=1)
    leavers = with_moments(8, 70.2, 10.0, seed=2)
    assert attrition_check(stayers, leavers).verdict is AttritionVerdict.EQUIVALENT
    leavers = with_moments(8, 71.5, 10.0, seed=2)
    assert attrition_check(stayers, leavers).verdict is AttritionVerdict.ADJUST


def test_attrition_check_without_leavers_has_nothing_to_compare():
    r = attrition_check([60, 70, 80], [])
    assert r.n_leavers == 0 and r.attrition_rate == 0
    assert r.verdict is AttritionVerdict.INSUFFICIENT and r.g is None
