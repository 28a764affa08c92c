"""One formatter for every number a reader sees (sieva.core.numbers, decision 0046)."""

import datetime as dt
from dataclasses import replace

import pytest
from django.utils import translation

from sieva.core import numbers
from sieva.evaluation.engine.levels.reaction import ReactionLevel
from sieva.evaluation.findings import findings_from
from sieva.evaluation.findings.facts import StaticFacts
from tests.evaluation.findings.builders import calm, fig, scale


@pytest.fixture
def indonesian():
    with translation.override("id"):
        yield


@pytest.mark.usefixtures("indonesian")
def test_it_writes_percentages_rupiah_and_decimals_the_indonesian_way():
    assert numbers.percent(59.45) == "59,5 %"
    assert numbers.rupiah(1234567) == "Rp 1.234.567"
    assert numbers.decimal(1234.5678) == "1.234,57"
    assert numbers.integer(30224) == "30.224"
    assert numbers.day(dt.date(2026, 12, 4)) == "4 Desember 2026"


def test_it_writes_them_the_english_way_in_english():
    with translation.override("en"):
        assert numbers.percent(59.45) == "59.5 %"
        assert numbers.rupiah(1234567) == "Rp 1,234,567"
        assert numbers.day(dt.date(2026, 12, 4)) == "4 December 2026"


@pytest.mark.usefixtures("indonesian")
@pytest.mark.parametrize(
    ("value", "places", "text"),
    [
        # Django's number_format truncates: number_format(0.699, 2) gives "0,69".
        (0.699, 2, "0,70"),
        # round(2.675, 2) == 2.67 (binary 2.67499…); as written it is 2.675 → 2,68.
        (2.675, 2, "2,68"),
        (1.245, 2, "1,25"),
        (-27.55, 1, "-27,6"),
        (-0.04, 1, "0,0"),  # never "-0,0"
    ],
)
def test_it_rounds_half_away_from_zero_as_the_number_is_written(value, places, text):
    assert numbers.decimal(value, places) == text


@pytest.mark.usefixtures("indonesian")
def test_a_value_just_below_its_threshold_shows_enough_decimals_to_be_below_it():
    assert numbers.compared(0.6957, 0.70) == ("0,696", "0,70")
    assert numbers.compared(10.4, 10.0, places=0) == ("10,4", "10")
    assert numbers.compared(59.45, 80.0, "%") == ("59,5 %", "80,0 %")


@pytest.mark.usefixtures("indonesian")
def test_a_finding_never_says_an_alpha_is_below_the_alpha_it_prints():
    result = replace(
        calm(),
        l1=ReactionLevel(
            1,
            fig("l1.response_rate", 90.0, 90, (82.0, 95.0)),
            (scale("penerapan", 4.2, alpha=0.6957, alpha_ci=(0.6, 0.78)),),
        ),
    )
    found = findings_from(result, thresholds={}, facts=StaticFacts())
    statement = next(f.statement for f in found if f.rule == "unreliable_instrument")
    assert "0,696" in statement
    assert "0,70 (" not in statement and "alpha Cronbach 0,70" not in statement


@pytest.mark.usefixtures("indonesian")
def test_p_values_below_a_thousandth_are_not_printed_as_zero():
    assert numbers.p_value(0.00001) == "p < 0,001"
    assert numbers.p_value(0.0234) == "p = 0,023"


@pytest.mark.usefixtures("indonesian")
def test_an_interval_with_negative_bounds_keeps_its_signs_apart():
    assert numbers.interval((-41.62, -11.2), "%") == "-41,6 – -11,2 %"
    assert numbers.interval((3.1, 3.55)) == "3,10–3,55"
