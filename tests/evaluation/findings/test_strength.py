"""Strength and priority: weak evidence becomes "perlu kajian lebih lanjut", never a claim."""

import pytest

from sieva.evaluation.engine.figures import Caveat, CaveatKind, Design
from sieva.evaluation.findings import Severity, Strength, findings_from
from sieva.evaluation.findings.facts import StaticFacts
from sieva.evaluation.findings.strength import assess_strength, crosses, priority
from tests.evaluation.findings.builders import calm, fig, with_l0


def strength(**kw):
    base = {"value": 60.0, "ci": (50.0, 70.0), "n": 100, "design": Design.PRE_POST}
    return assess_strength(**{**base, "threshold": 80.0, "min_n": 20, **kw})[0]


def test_an_interval_clear_of_the_threshold_with_enough_people_is_strong():
    assert strength() is Strength.STRONG


def test_an_interval_that_reaches_the_threshold_is_weak():
    assert crosses((70.0, 80.0), 80.0)
    assert strength(ci=(70.0, 85.0)) is Strength.WEAK


def test_too_few_people_is_weak():
    assert strength(n=12) is Strength.WEAK


def test_a_suppressed_value_is_weak():
    assert strength(value=None, ci=None) is Strength.WEAK


def test_post_only_caps_at_moderate_and_weak_still_wins():
    assert strength(design=Design.POST_ONLY) is Strength.MODERATE
    assert strength(design=Design.POST_ONLY, ci=(70.0, 90.0)) is Strength.WEAK


def test_a_caveat_that_undermines_the_comparison_caps_at_moderate():
    caveat = Caveat(CaveatKind.PRE_TREND, "tren awal berbeda")
    assert strength(caveats=(caveat,)) is Strength.MODERATE
    assert strength(caveats=(Caveat(CaveatKind.NO_DATA, "-"),)) is Strength.STRONG


@pytest.mark.parametrize(
    ("severity", "strength_", "expected"),
    [
        (Severity.HIGH, Strength.STRONG, 1),
        (Severity.HIGH, Strength.MODERATE, 2),
        (Severity.MEDIUM, Strength.STRONG, 2),
        (Severity.MEDIUM, Strength.MODERATE, 3),
        (Severity.LOW, Strength.STRONG, 3),
        (Severity.HIGH, Strength.WEAK, 4),
        (Severity.MEDIUM, Strength.WEAK, 4),
        (Severity.LOW, Strength.WEAK, 5),
        (Severity.INFO, Strength.MODERATE, 5),
    ],
)
def test_priority_is_impact_times_confidence(severity, strength_, expected):
    assert priority(severity, strength_) == expected


def test_a_ci_crossing_the_target_turns_the_recommendation_into_further_study():
    result = with_l0(calm(), participation=fig("l0.participation_rate", 76.0, 100, (66.8, 83.3)))
    (finding,) = findings_from(result, thresholds={}, facts=StaticFacts())
    assert finding.strength is Strength.WEAK and finding.further_study
    assert "perlu kajian lebih lanjut" in finding.statement
    assert all(r.further_study for r in finding.recommendations)
    assert all(r.text.startswith("Perlu kajian lebih lanjut: ") for r in finding.recommendations)
    assert finding.recommendations[0].text == (
        "Perlu kajian lebih lanjut: pastikan apakah partisipasi 76,0 % memang di bawah target "
        "80,0 % sebelum mengubah cara undangan."
    )
    assert finding.priority == 4


def test_a_clear_shortfall_gives_a_confident_recommendation():
    result = with_l0(calm(), participation=fig("l0.participation_rate", 70.0, 400, (65.3, 74.3)))
    (finding,) = findings_from(result, thresholds={}, facts=StaticFacts())
    assert finding.strength is Strength.STRONG and not finding.further_study
    assert finding.recommendations[0].text.startswith("Tinjau cara undangan")
    assert finding.priority == 2
