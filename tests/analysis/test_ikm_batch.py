"""The vectorised IKM gives, unit by unit, exactly what the fraction-exact `ikm_from_totals` gives."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sieva.analysis.indices.ikm import (
    KEP25_ELEMENTS,
    STANDARD_ELEMENTS,
    IkmMode,
    ikm_from_nrr,
    ikm_from_totals,
)
from sieva.analysis.indices.ikm_batch import ikm_batch_from_totals

CHECKS = settings(max_examples=150, deadline=None)


def _exact(sums, counts, respondents, codes=STANDARD_ELEMENTS, mode=IkmMode.PERMENPANRB_14_2017):
    """ikm_from_totals per unit, given only the answered elements (as the SKM pages do)."""
    return [
        ikm_from_totals(
            {c: (int(s[j]), int(n[j])) for j, c in enumerate(codes) if n[j] > 0},
            n_respondents=int(people),
            mode=mode,
        )
        for s, n, people in zip(sums, counts, respondents, strict=True)
    ]


def _assert_same(batch, expected):
    assert len(batch) == len(expected)
    for i, exact in enumerate(expected):
        assert batch.result(i) == exact  # every float, grade and element, compared with ==
        assert (batch.nik[i], batch.grades[i]) == (exact.nik, exact.grade)
        assert batch.ikm[i] == exact.ikm and batch.nik_unrounded[i] == exact.nik_unrounded
        for j, code in enumerate(batch.codes):
            if code in exact.elements:
                assert batch.nrr[i, j] == exact.elements[code].nrr
                assert batch.element_grades[i, j] == exact.elements[code].grade
            else:
                assert np.isnan(batch.nrr[i, j]) and batch.element_grades[i, j] == ""


@st.composite
def _units(draw, codes=STANDARD_ELEMENTS, blanks=True):
    """Totals of 1–8 units; an element is blank (count 0) now and then, never all of them."""
    units = draw(st.integers(1, 8))
    sums, counts = np.zeros((units, len(codes)), int), np.zeros((units, len(codes)), int)
    for i in range(units):
        for j in range(len(codes)):
            n = draw(st.integers(0 if blanks else 1, 400))
            counts[i, j], sums[i, j] = n, draw(st.integers(n, 4 * n))
        if not counts[i].any():
            counts[i, 0] = sums[i, 0] = 1
    return sums, counts, counts.max(axis=1) + draw(st.integers(0, 3))


@CHECKS
@given(_units())
def test_it_equals_the_exact_function_on_random_totals(totals):
    sums, counts, respondents = totals
    _assert_same(ikm_batch_from_totals(sums, counts, respondents), _exact(*totals))


@st.composite
def _nik_on_a_rounding_boundary(draw):
    """Totals whose NIK is exactly xx.xx5: k answered elements at NRR (2m+1)/5000 each, moved
    apart by ±d so the elements differ while their sum keeps NIK = (2m + 1)/200."""
    units = draw(st.integers(1, 6))
    sums, counts = np.zeros((units, 9), int), np.zeros((units, 9), int)
    for i in range(units):
        m, scale = draw(st.integers(2500, 9999)), draw(st.integers(1, 5))
        answered = draw(st.lists(st.integers(0, 8), min_size=2, max_size=9, unique=True))
        counts[i, answered] = 5000 * scale
        sums[i, answered] = (2 * m + 1) * scale
        room = min(sums[i, answered[0]] - counts[i, answered[0]], 4 * counts[i, answered[1]] - sums[i, answered[1]])  # fmt: skip
        d = draw(st.integers(0, max(room, 0)))
        sums[i, answered[0]] -= d
        sums[i, answered[1]] += d
    return sums, counts, counts.max(axis=1)


@CHECKS
@given(_nik_on_a_rounding_boundary())
def test_a_nik_ending_in_5_at_the_third_decimal_rounds_up_as_the_exact_function(totals):
    sums, counts, respondents = totals
    batch = ikm_batch_from_totals(sums, counts, respondents)
    _assert_same(batch, _exact(*totals))
    assert np.allclose(batch.nik_unrounded * 100 % 1, 0.5)  # the case under test
    assert batch.exact_fallbacks == len(sums)  # every one of them took the fraction path


def test_76_605_is_76_61_and_grade_b_where_float_arithmetic_gives_76_60():
    # NRR 3.0642 everywhere: NIK = 76.605 exactly; summing floats gives 76.60499999999998.
    batch = ikm_batch_from_totals(np.full((1, 9), 30642), np.full((1, 9), 10000), [10000])
    assert (batch.nik[0], batch.grades[0]) == (76.61, "B")
    assert batch.result(0) == ikm_from_totals(dict.fromkeys(STANDARD_ELEMENTS, (30642, 10000)), n_respondents=10000)  # fmt: skip


@pytest.mark.parametrize(
    ("total", "count", "grade"),
    [
        (8831, 2500, "A"),  # NRR 3.5324 exactly: the lower bound of A
        (8830, 2500, "B"),  # 3.5320
        (7661, 2500, "B"),  # 3.0644 exactly
        (7660, 2500, "C"),
        (13, 5, "C"),  # 2.60 exactly
        (2599, 1000, "D"),
    ],
)
def test_element_grades_compare_exactly_at_the_thresholds(total, count, grade):
    sums, counts = np.full((1, 9), 3 * count), np.full((1, 9), count)
    sums[0, 4] = total
    batch = ikm_batch_from_totals(sums, counts, [count])
    assert batch.element_grades[0, 4] == grade
    _assert_same(batch, _exact(sums, counts, [count]))


@pytest.mark.parametrize(("nrr", "grade"), [("3.5324", "A"), ("3.0644", "B"), ("2.6", "C")])
def test_element_grade_bounds_agree_with_the_exact_function(nrr, grade):
    assert ikm_from_nrr(dict.fromkeys(STANDARD_ELEMENTS, nrr)).elements["waktu"].grade == grade


@pytest.mark.parametrize("mode", [IkmMode.ROUNDED_0_111, IkmMode.ROUNDED_0_11, IkmMode.KEP25_2004])
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_legacy_modes_equal_the_exact_function(mode, data):
    codes = KEP25_ELEMENTS if mode is IkmMode.KEP25_2004 else STANDARD_ELEMENTS
    sums, counts, respondents = data.draw(_units(codes, blanks=False))
    batch = ikm_batch_from_totals(sums, counts, respondents, codes=codes, mode=mode)
    _assert_same(batch, _exact(sums, counts, respondents, codes, mode))


def test_kep25_rounds_the_element_mean_to_2_decimals_before_grading():
    sums, counts = np.full((1, 14), 600), np.full((1, 14), 200)
    sums[0, 0], sums[0, 1] = 651, 650  # 3.255 -> 3.26 (A); 3.25 (B)
    batch = ikm_batch_from_totals(sums, counts, [200], codes=KEP25_ELEMENTS, mode="kep25-2004")
    assert batch.element_grades[0, :2].tolist() == ["A", "B"]
    _assert_same(batch, _exact(sums, counts, [200], KEP25_ELEMENTS, IkmMode.KEP25_2004))


def test_blank_elements_spread_the_weight_over_the_answered_ones():
    sums = np.array([[4] * 9, [4, 0, 0, 0, 0, 0, 0, 0, 2]])
    counts = np.array([[1] * 9, [1, 0, 0, 0, 0, 0, 0, 0, 1]])
    batch = ikm_batch_from_totals(sums, counts, [1, 1])
    assert batch.ikm.tolist() == [4.0, 3.0]  # (4 + 2) / 2, not (4 + 2) / 9
    assert batch.result(1).weights == {"persyaratan": 0.5, "sarana": 0.5}
    assert batch.exact_fallbacks == 0


def test_an_empty_batch_is_empty():
    batch = ikm_batch_from_totals(np.zeros((0, 9), int), np.zeros((0, 9), int), [])
    assert len(batch) == 0 and batch.grades.shape == (0,)


@pytest.mark.parametrize(
    ("sums", "counts", "message"),
    [
        (
            [[10] * 9, [30] + [10] * 8],
            [[5] * 9, [5] * 9],
            "unit row 1, element 'persyaratan': a sum of 30 is impossible for 5 answers",
        ),  # fmt: skip
        ([[4] * 9], [[5] * 9], "unit row 0, element 'persyaratan': a sum of 4 is impossible for 5"),
        (
            [[0, 3] + [4] * 7],
            [[0, 0] + [1] * 7],
            "element 'prosedur': a sum of 3 is impossible for 0",
        ),  # fmt: skip
        ([[4] * 9], [[-1] + [1] * 8], "element 'persyaratan': a negative number of answers"),
        ([[4] * 9, [0] * 9], [[1] * 9, [0] * 9], "unit row 1 has no answers"),
        ([[4.0] * 9], [[1] * 9], "sums must be an integer array"),
        ([[4] * 8], [[1] * 8], "codes must name each of the 8 columns"),
        ([4] * 9, [1] * 9, "must be 2-D"),
    ],
)
def test_it_rejects_impossible_totals_naming_row_and_element(sums, counts, message):
    with pytest.raises(ValueError, match=message):
        ikm_batch_from_totals(np.array(sums), np.array(counts))


def test_legacy_modes_need_all_their_elements_answered():
    counts = np.ones((2, 9), int)
    counts[1, 3] = 0
    with pytest.raises(ValueError, match="unit row 1: mode rounded-0.111 needs 9 elements, got 8"):
        ikm_batch_from_totals(counts * 3, counts, mode=IkmMode.ROUNDED_0_111)
    with pytest.raises(ValueError, match="one count per unit"):
        ikm_batch_from_totals(counts * 3, counts, [5])
