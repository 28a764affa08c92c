"""The plain verdict per program (sieva.evaluation.verdict, decision 0047)."""

from dataclasses import replace

import pytest
from django.utils import translation

from sieva.evaluation.engine.figures import Design
from sieva.evaluation.engine.levels.behaviour import BehaviourLevel
from sieva.evaluation.findings import findings_from
from sieva.evaluation.findings.facts import StaticFacts
from sieva.evaluation.verdict import Verdict, verdict_of
from tests.evaluation.findings.builders import calm, fig, with_l5


@pytest.fixture(autouse=True)
def _indonesian():
    with translation.override("id"):
        yield


def _verdict(result):
    return verdict_of(result, findings_from(result, thresholds={}, facts=StaticFacts()))


def test_learning_that_reaches_work_is_effective_with_its_grade():
    found = _verdict(calm())  # gain 12 [9, 15]; 75 % applied by supervisors (target 60 %)
    assert found.verdict is Verdict.EFFECTIVE
    assert found.grade is Design.PRE_POST
    assert found.decision.startswith("Lanjutkan program")


def test_a_firm_high_impact_finding_means_needs_improvement_and_names_the_decision():
    result = with_l5(calm(), roi=fig("l5.roi", -30.0, 3, (-50.0, -10.0)))
    found = _verdict(result)
    assert found.verdict is Verdict.NEEDS_IMPROVEMENT
    assert "ROI" in found.reason
    assert found.decision.startswith("Kaji komponen biaya")


def test_without_a_demonstrated_gain_the_program_is_not_yet_proven():
    result = replace(calm(), l2=replace(calm().l2, gain=fig("l2.gain", 1.0, 80, (-1.0, 3.0))))
    found = _verdict(result)
    assert found.verdict is Verdict.UNPROVEN
    assert found.verdict.label == "Belum terbukti"


def test_a_gain_never_applied_at_work_is_not_yet_proven():
    result = replace(calm(), l3=BehaviourLevel(()))
    found = _verdict(result)
    assert found.verdict is Verdict.UNPROVEN
    assert "evaluasi perilaku" in found.decision
