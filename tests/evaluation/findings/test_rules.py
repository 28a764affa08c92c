"""Each rule fires on the result that should trigger it and stays quiet on the calm one."""

from dataclasses import replace

import pytest

from sieva.evaluation.engine.figures import Design
from sieva.evaluation.engine.levels.behaviour import BehaviourLevel
from sieva.evaluation.engine.levels.reaction import ReactionLevel
from sieva.evaluation.engine.levels.results import ResultsLevel
from sieva.evaluation.findings import Severity, Strength, findings_from
from sieva.evaluation.findings.facts import Listing, StaticFacts
from tests.evaluation.findings.builders import (
    Mention,
    Reason,
    calm,
    fig,
    outcome,
    rater,
    scale,
    with_l0,
    with_l5,
)


def derive(result, facts=None, **thresholds):
    return findings_from(result, thresholds=thresholds, facts=facts or StaticFacts())


def only(result, rule, facts=None, **thresholds):
    found = [f for f in derive(result, facts, **thresholds) if f.rule == rule]
    assert len(found) == 1, [f.rule for f in derive(result, facts, **thresholds)]
    return found[0]


def test_nothing_fires_on_a_calm_result():
    assert derive(calm()) == []


def test_low_participation_names_the_top_reasons_and_recommends_anytime_modules():
    result = with_l0(
        calm(),
        participation=fig("l0.participation_rate", 60.0, 200, (53.1, 66.5)),
        reasons=(
            Reason("benturan_tugas", "Benturan dengan tugas utama", 40),
            Reason("sakit", "Sakit", 6),
        ),
    )
    finding = only(result, "participation_below_target")
    assert "60,0 %" in finding.statement and "80,0 %" in finding.statement
    assert "Benturan dengan tugas utama (40)" in finding.statement
    assert finding.severity is Severity.HIGH  # 20 points below the target
    assert finding.strength is Strength.STRONG
    codes = [r.code for r in finding.recommendations]
    assert codes[0] == "offer_anytime_modules"
    assert "modul daring mandiri" in finding.recommendations[0].text
    assert "40 orang" in finding.recommendations[0].text


def test_a_single_programs_own_target_replaces_the_default():
    result = calm()  # participation 90 %
    assert only(result, "participation_below_target", StaticFacts(target=95.0)).threshold == 95.0
    assert derive(result, StaticFacts(target=85.0)) == []


def test_low_completion_fires_and_not_when_on_target():
    result = with_l0(calm(), completion=fig("l0.completion_rate", 70.0, 90, (60.0, 78.5)))
    assert only(result, "completion_below_target").recommendations[0].code == "completion_support"
    assert derive(calm(), completion_target=90.0) == []


def test_reaction_scores_below_the_band_recommend_practice():
    result = replace(
        calm(), l1=replace(calm().l1, scales=(scale("penerapan", 3.0, ci=(2.8, 3.2)),))
    )
    finding = only(result, "reaction_not_applicable")
    assert finding.subject == "penerapan"
    assert finding.strength is Strength.MODERATE  # post only caps it
    assert {r.code for r in finding.recommendations} == {"more_practice", "project_based_learning"}


def test_reaction_rule_ignores_scales_it_does_not_name_and_four_point_scales():
    scales = (
        scale("fasilitator", 2.0, ci=(1.8, 2.2)),
        scale("materi", 2.0, ci=(1.8, 2.2), band=None),
    )
    assert derive(replace(calm(), l1=replace(calm().l1, scales=scales))) == []


def test_learning_gained_but_not_applied():
    result = replace(calm(), l3=BehaviourLevel((rater(applied=30.0, ci=(20.0, 42.0)),)))
    finding = only(result, "learning_not_applied")
    assert [e.key for e in finding.evidence] == ["l3.atasan.application_rate", "l2.gain"]
    assert {r.code for r in finding.recommendations} >= {"supervisor_involvement", "mentoring"}


def test_no_learning_finding_when_the_gain_interval_reaches_zero():
    l2 = replace(calm().l2, gain=fig("l2.gain", 2.0, 80, (-1.0, 5.0), "poin", Design.PRE_POST))
    result = replace(calm(), l2=l2, l3=BehaviourLevel((rater(applied=30.0, ci=(20.0, 42.0)),)))
    assert derive(result) == []


def test_the_supervisors_view_is_preferred_over_self_report():
    raters = (
        rater("diri", applied=90.0, ci=(80.0, 95.0)),
        rater("atasan", applied=30.0, ci=(20.0, 42.0)),
    )
    finding = only(replace(calm(), l3=BehaviourLevel(raters)), "learning_not_applied")
    assert finding.subject == "atasan"


@pytest.mark.parametrize(
    ("code", "rule"),
    [("tanpa_tindak_lanjut", "no_follow_up"), ("tanpa_dukungan_pimpinan", "no_leadership_support")],
)
def test_frequent_barriers_fire_their_rule(code, rule):
    barriers = (Mention(code, "x", 30, 50.0),)
    result = replace(calm(), l3=BehaviourLevel((rater(barriers=barriers),)))
    assert only(result, rule).evidence[0].value == 50.0
    rare = replace(calm(), l3=BehaviourLevel((rater(barriers=(Mention(code, "x", 6, 10.0),)),)))
    assert derive(rare) == []


def test_cohorts_never_asked_about_behaviour():
    facts = StaticFacts(without_behaviour=Listing(("Angkatan I",), 1, 3))
    finding = only(calm(), "no_behaviour_evaluation", facts)
    assert "1 dari 3 angkatan" in finding.statement and "6 bulan" in finding.statement
    assert finding.strength is Strength.STRONG


@pytest.mark.parametrize(
    ("ci", "variant_word", "severity", "strength"),
    [
        ((1.5, 4.5), "naik", Severity.INFO, Strength.STRONG),
        ((-4.5, -1.5), "turun", Severity.HIGH, Strength.STRONG),
        ((-1.0, 4.0), "belum terbukti", Severity.LOW, Strength.WEAK),
    ],
)
def test_ikm_change_reads_the_interval(ci, variant_word, severity, strength):
    value = (ci[0] + ci[1]) / 2
    result = replace(calm(), l4=ResultsLevel(outcome("l4.ikm", value, ci), ()))
    finding = only(result, "ikm_change")
    assert variant_word in finding.statement
    assert "sebelum–sesudah dengan pembanding" in finding.statement
    assert (finding.severity, finding.strength) == (severity, strength)


def test_ikm_without_comparison_units_is_at_most_moderate():
    effect = outcome("l4.ikm", 3.0, (1.5, 4.5), comparison=0, design=Design.PRE_POST)
    from sieva.evaluation.engine.figures import Caveat, CaveatKind

    effect = replace(
        effect,
        effect=effect.effect.with_caveat(Caveat(CaveatKind.NO_COMPARISON, "tanpa pembanding")),
    )
    finding = only(replace(calm(), l4=ResultsLevel(effect, ())), "ikm_change")
    assert finding.strength is Strength.MODERATE
    assert "tanpa pembanding" in finding.strength_reasons


def test_unit_indicators_fire_one_finding_each():
    indicators = (
        outcome("l4.indicator.7", -5.0, (-8.0, -2.0)),
        outcome("l4.indicator.9", 1.0, (-2.0, 4.0)),
    )
    found = [
        f
        for f in derive(replace(calm(), l4=ResultsLevel(None, indicators)))
        if f.rule == "indicator_change"
    ]
    assert {f.subject for f in found} == {"7", "9"}


@pytest.mark.parametrize(("value", "variant"), [(70.0, "di bawah"), (112.0, "melebihi")])
def test_budget_realisation_out_of_line(value, variant):
    finding = only(
        with_l5(calm(), realisation=fig("l5.realisation", value, 100)), "budget_realisation"
    )
    assert variant in finding.statement and "Rp 100.000.000" in finding.statement


def test_unit_cost_against_a_set_reference_and_against_peers():
    assert (
        only(calm(), "unit_cost_high", cost_per_participant_reference=500_000.0).subject
        == "per_participant"
    )
    peers = StaticFacts(
        peers={"per_participant_jp": [10_000.0, 12_000.0, 14_000.0, 16_000.0, 20_000.0]}
    )
    finding = only(calm(), "unit_cost_high", peers)
    assert finding.subject == "per_participant_jp" and "median 5 program lain" in finding.statement
    few = StaticFacts(peers={"per_participant_jp": [10_000.0, 12_000.0, 14_000.0]})
    assert only(calm(), "unit_cost_high", few).strength is Strength.MODERATE
    assert derive(calm(), StaticFacts(peers={"per_participant_jp": [10_000.0, 12_000.0]})) == []


def test_peer_median_is_not_used_for_a_scope_of_several_programs():
    peers = StaticFacts(peers={"per_participant_jp": [10_000.0] * 5})
    assert derive(replace(calm(), program_count=3), peers) == []


@pytest.mark.parametrize(
    ("ci", "code"),
    [
        ((20.0, 80.0), "sustain_and_scale"),
        ((-60.0, -10.0), "cost_review"),
        ((-20.0, 60.0), "improve_benefit_evidence"),
    ],
)
def test_roi_by_its_interval(ci, code):
    roi = fig("l5.roi", (ci[0] + ci[1]) / 2, 3, ci, design=Design.POST_ONLY)
    finding = only(with_l5(calm(), roi=roi, probability_positive=0.9), "roi")
    assert finding.recommendations[0].code == code
    assert finding.strength is not Strength.STRONG  # post only, estimated benefits


def test_unreliable_scales_are_found_on_l1_and_l3():
    l1 = replace(calm().l1, scales=(scale("materi", 4.0, alpha=0.55, alpha_ci=(0.40, 0.66)),))
    finding = only(replace(calm(), l1=l1), "unreliable_instrument")
    assert finding.level == "instrumen" and finding.evidence[0].value == 0.55
    assert finding.strength is Strength.STRONG


def test_response_rate_with_a_wide_margin_of_error():
    l1 = ReactionLevel(1, fig("l1.response_rate", 20.0, 200, (15.0, 26.0)), calm().l1.scales)
    finding = only(replace(calm(), l1=l1), "response_rate_low")
    assert "40 dari 200" in finding.statement
    assert derive(replace(calm(), l1=l1), max_margin_of_error=20.0) == []


def test_programs_planned_without_a_needs_survey():
    facts = StaticFacts(without_needs=Listing(("Layanan Prima",), 1, 2))
    finding = only(calm(), "planning_without_participants", facts)
    assert "Layanan Prima" in finding.statement
    assert finding.recommendations[0].code == "run_needs_survey"


def test_findings_come_sorted_by_priority():
    result = with_l0(
        with_l5(calm(), realisation=fig("l5.realisation", 70.0, 100)),
        participation=fig("l0.participation_rate", 50.0, 200, (43.0, 57.0)),
    )
    found = derive(result)
    assert [f.priority for f in found] == sorted(f.priority for f in found)
    assert found[0].rule == "participation_below_target"


def test_english_statements_when_the_language_is_english():
    from django.utils import translation

    result = with_l0(calm(), participation=fig("l0.participation_rate", 60.0, 200, (53.1, 66.5)))
    with translation.override("en"):
        finding = only(result, "participation_below_target")
    assert finding.statement.startswith("Participation was 60.0 %")
