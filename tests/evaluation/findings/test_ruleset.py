"""The rules file: versioned, validated, and every text renders with its rule's numbers."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from sieva.evaluation.engine.levels.behaviour import BehaviourLevel
from sieva.evaluation.engine.levels.reaction import ReactionLevel
from sieva.evaluation.engine.levels.results import ResultsLevel
from sieva.evaluation.findings import findings_from
from sieva.evaluation.findings.checks import CHECKS
from sieva.evaluation.findings.facts import Listing, StaticFacts
from sieva.evaluation.findings.ruleset import RulesFileError, load_rules, parse_rules
from sieva.programs.inclusion import PendingCohort
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


def test_the_repository_rules_file_has_a_version_and_a_check_for_every_rule():
    rules = load_rules()
    assert rules.version
    assert set(rules.rules) == set(CHECKS)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[rules]", "version"),
        ('version = "1"\n[rules.x]\nthreshold = "nope"', "not a threshold"),
        ('version = "1"\n[rules.x]\nrecommendations = ["ghost"]', "unknown recommendation"),
        ('version = "1"\n[rules.x]\nseverity = "dire"', "unknown severity"),
        ('version = "1"\n[thresholds.t]\ndefault = 5\nmin = 0\nmax = 1\nid = "T"', "outside"),
        ("version = ", "rules file"),
    ],
)
def test_a_malformed_rules_file_is_refused_with_its_reason(text, message):
    with pytest.raises(RulesFileError, match=message):
        parse_rules(text)


def storm():
    """A result on which every rule fires."""
    result = with_l0(
        calm(),
        participation=fig("l0.participation_rate", 50.0, 200, (43.0, 57.0)),
        completion=fig("l0.completion_rate", 60.0, 100, (50.0, 69.0)),
        reasons=(
            Reason("benturan_tugas", "Benturan dengan tugas utama", 30),
            Reason("tidak_diizinkan", "Tidak mendapat izin atasan", 20),
        ),
    )
    barriers = (
        Mention("tanpa_tindak_lanjut", "Tidak ada tindak lanjut", 30, 50.0),
        Mention("tanpa_dukungan_pimpinan", "Tidak ada dukungan pimpinan", 30, 50.0),
    )
    l1 = ReactionLevel(
        1,
        fig("l1.response_rate", 20.0, 200, (15.0, 26.0)),
        (scale("penerapan", 3.0, ci=(2.8, 3.2), alpha=0.5, alpha_ci=(0.3, 0.6)),),
    )
    l4 = ResultsLevel(
        outcome("l4.ikm", 3.0, (1.0, 5.0)), (outcome("l4.indicator.4", -2.0, (-3.0, -1.0)),)
    )
    late = PendingCohort(
        9,
        "Pelatihan",
        "Angkatan II",
        date(2026, 5, 4),
        date(2026, 5, 8),
        "berjalan",
        20,
        Decimal("1000"),
        Decimal("500"),
        overdue=True,
    )
    result = replace(
        result,
        pending=(late,),
        l1=l1,
        l3=BehaviourLevel((rater(applied=30.0, ci=(20.0, 42.0), barriers=barriers),)),
        l4=l4,
    )
    return with_l5(
        result,
        realisation=fig("l5.realisation", 120.0, 100),
        roi=fig("l5.roi", -30.0, 3, (-50.0, -10.0)),
        probability_positive=0.02,
    )


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_rule_renders_in_both_languages(language):
    facts = StaticFacts(
        without_behaviour=Listing(("A",), 1, 2),
        without_needs=Listing(("P",), 1, 1),
        peers={"per_participant": [100.0] * 5, "per_participant_jp": [10.0] * 5},
    )
    with translation.override(language):
        found = findings_from(storm(), thresholds={}, facts=facts)
    assert {f.rule for f in found} == set(load_rules().rules)
    for finding in found:
        assert "{" not in finding.statement and finding.recommendations
        assert all("{" not in r.text for r in finding.recommendations)
