from fractions import Fraction

import pytest

from sieva.analysis.indices.ikm import (
    KEP25_ELEMENTS,
    STANDARD_ELEMENTS,
    IkmGrade,
    IkmMode,
    InvalidAnswer,
    ikm_from_nrr,
    ikm_from_responses,
    ikm_from_totals,
    ikm_reconcile,
)


def _uniform(nrr):
    return dict.fromkeys(STANDARD_ELEMENTS, nrr)


def test_it_computes_nrr_ikm_and_nik_by_hand():
    answers = {c: [4, 3, 3, 4] for c in STANDARD_ELEMENTS}
    answers["biaya"] = [4, 4, 4, 4]
    answers["sarana"] = [2, 3, None, 2]
    r = ikm_from_responses(answers)
    # PermenPANRB 14/2017: NRR = mean over those who answered; IKM = sum(NRR) / 9
    # by hand: (7 * 3.5 + 4 + 7/3) / 9 = 3.42593; NIK = 85.648 -> 85.65
    assert r.elements["sarana"].nrr == pytest.approx(7 / 3)
    assert r.elements["sarana"].n == 3
    assert r.ikm == pytest.approx((7 * 3.5 + 4 + 7 / 3) / 9, abs=1e-12)
    assert r.nik == 85.65
    assert r.grade is IkmGrade.B
    assert r.n_respondents == 4
    assert list(r.elements) == list(STANDARD_ELEMENTS)
    assert r.weights["waktu"] == pytest.approx(1 / 9)


def test_it_rounds_nik_half_up_after_exact_computation():
    r = ikm_from_nrr(_uniform("3.0642"))
    # 9 * 3.0642 / 9 * 25 = 76.605 exactly -> 76.61 (grade B). Summing float NRR x 0.111...
    # gives 76.60499999999998, which round() makes 76.6 (grade C).
    naive = sum(3.0642 * (1 / 9) for _ in range(9)) * 25
    assert round(naive, 2) == 76.6
    assert r.nik == 76.61
    assert r.grade == "B"


@pytest.mark.parametrize(
    ("nik", "grade"),
    [
        ("100", "A"),
        ("88.31", "A"),
        ("88.30", "B"),
        ("76.61", "B"),
        ("76.60", "C"),
        ("65.00", "C"),
        ("64.99", "D"),
        ("25", "D"),
    ],
)
def test_nik_grades_follow_the_regulation(nik, grade):
    r = ikm_from_nrr(_uniform(Fraction(nik) / 25))
    assert r.nik == float(nik)
    assert r.grade is IkmGrade(grade)


@pytest.mark.parametrize(
    ("nrr", "grade"),
    [
        ("3.5324", "A"),
        ("3.5323", "B"),
        ("3.0644", "B"),
        ("3.0643", "C"),
        ("2.60", "C"),
        ("2.5999", "D"),
    ],
)
def test_element_grades_follow_the_regulation(nrr, grade):
    r = ikm_from_nrr({**_uniform(3), "waktu": nrr})
    assert r.elements["waktu"].grade == grade


@pytest.mark.parametrize("bad", [0, 5, 2.5, "x", True, "3"])
def test_it_rejects_an_answer_outside_one_to_four_naming_element_and_position(bad):
    answers = {c: [4, 3, 3] for c in STANDARD_ELEMENTS}
    answers["perilaku"] = [4, bad, 3]
    with pytest.raises(InvalidAnswer) as exc:
        ikm_from_responses(answers)
    assert (exc.value.element, exc.value.index) == ("perilaku", 1)
    assert "perilaku" in str(exc.value)


def test_blank_answers_are_excluded_per_element_and_empty_rows_are_not_respondents():
    answers = {c: [4, 2, None] for c in STANDARD_ELEMENTS}
    answers["waktu"] = [None, 2, None]
    r = ikm_from_responses(answers)
    assert r.elements["waktu"].nrr == 2.0 and r.elements["waktu"].n == 1
    assert r.elements["persyaratan"].nrr == 3.0
    assert r.n_respondents == 2


def test_an_element_nobody_answered_is_an_error():
    answers = {c: [4, 3] for c in STANDARD_ELEMENTS}
    answers["biaya"] = [None, float("nan")]
    with pytest.raises(ValueError, match="'biaya' has no answers"):
        ikm_from_responses(answers)


def test_totals_from_running_aggregates_give_the_same_index():
    answers = {c: [4, 3, 2, 4, 1] for c in STANDARD_ELEMENTS}
    totals = {c: (sum(v), len(v)) for c, v in answers.items()}
    assert ikm_from_totals(totals).nik == ikm_from_responses(answers).nik
    with pytest.raises(ValueError, match="impossible"):
        ikm_from_totals({**totals, "waktu": (30, 5)})


def test_a_unit_may_add_elements_and_reweight_them_to_sum_to_one():
    nrr = {**_uniform(3.0), "kebersihan": 4.0}
    equal = ikm_from_nrr(nrr)
    assert equal.ikm == pytest.approx(31 / 10)
    weights = {**dict.fromkeys(STANDARD_ELEMENTS, "0.1"), "kebersihan": "0.1"}
    assert ikm_from_nrr(nrr, weights=weights).ikm == pytest.approx(3.1)
    assert list(equal.elements)[-1] == "kebersihan"
    with pytest.raises(ValueError, match="sum to 1"):
        ikm_from_nrr(nrr, weights={**weights, "kebersihan": 0.2})
    with pytest.raises(ValueError, match="cover exactly"):
        ikm_from_nrr(nrr, weights=dict.fromkeys(STANDARD_ELEMENTS, 1 / 9))


def test_float_weights_of_one_ninth_are_accepted():
    r = ikm_from_nrr(_uniform(3.25), weights=dict.fromkeys(STANDARD_ELEMENTS, 1 / 9))
    assert r.nik == 81.25


@pytest.mark.parametrize(
    ("mode", "nik"),
    [
        # 9 * 3.25 * w * 25: exact 81.25; 0.111 -> 81.16875 -> 81.17; 0.11 -> 80.4375 -> 80.44
        (IkmMode.PERMENPANRB_14_2017, 81.25),
        (IkmMode.ROUNDED_0_111, 81.17),
        (IkmMode.ROUNDED_0_11, 80.44),
    ],
)
def test_legacy_rounded_weights_reproduce_old_reports(mode, nik):
    assert ikm_from_nrr(_uniform(3.25), mode=mode).nik == nik


def test_kep25_2004_uses_fourteen_elements_weight_0071_and_its_own_bands():
    r = ikm_from_nrr(dict.fromkeys(KEP25_ELEMENTS, 3.25), mode=IkmMode.KEP25_2004)
    # 14 * 3.25 * 0.071 * 25 = 80.7625 -> 80.76: band B (62.51-81.25)
    assert r.nik == 80.76
    assert r.grade == "B"
    assert r.elements["u1"].grade == "B"  # NRR 3.25 lies in 2.51-3.25
    top = ikm_from_nrr(dict.fromkeys(KEP25_ELEMENTS, 3.3), mode=IkmMode.KEP25_2004)
    assert (top.nik, top.grade) == (82.01, "A")  # 14 * 3.3 * 0.071 * 25 = 82.005 -> 82.01
    with pytest.raises(ValueError, match="needs 14 elements"):
        ikm_from_nrr(_uniform(3), mode=IkmMode.KEP25_2004)
    with pytest.raises(ValueError, match="fixed weight"):
        ikm_from_nrr(_uniform(3), mode=IkmMode.ROUNDED_0_11, weights=_uniform(1 / 9))


def test_reconcile_flags_a_published_figure_that_used_rounded_weights():
    means = dict.fromkeys(STANDARD_ELEMENTS, 3.25)
    r = ikm_reconcile(means, published_nik=80.44)
    assert not r.reproduces
    assert r.matching == (IkmMode.ROUNDED_0_11,)
    assert r.recomputed[IkmMode.PERMENPANRB_14_2017] == pytest.approx(81.25)


def test_reconcile_accepts_a_figure_within_the_rounding_of_printed_means():
    means = dict.fromkeys(STANDARD_ELEMENTS, 3.33)  # printed from 3.3333...
    exact_nik = 83.33  # 25 * 10/3 rounded
    assert not ikm_reconcile(means, published_nik=exact_nik).reproduces
    assert ikm_reconcile(means, published_nik=exact_nik, nrr_decimals=2).reproduces


def test_reconcile_finds_nothing_for_a_figure_that_does_not_follow_from_its_means():
    r = ikm_reconcile(dict.fromkeys(STANDARD_ELEMENTS, 3.0), published_nik=82.5)
    assert r.matching == () and not r.reproduces
