"""Krippendorff's alpha and Cohen's kappa against published worked examples.

Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
Communication, Departmental Papers 43 — sections A to F work one example each by hand; the
values below are the ones printed there (three decimals). The same values are reproduced by
the reference implementations `krippendorff` (PyPI, tests/test_krippendorff.py), R
`irr::kripp.alpha` and Hayes & Krippendorff's KALPHA macro.
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from statsmodels.stats.inter_rater import cohens_kappa as sm_cohens_kappa
from statsmodels.stats.inter_rater import to_table

from sieva.analysis.agreement import (
    alpha_band,
    cohens_kappa,
    krippendorff_alpha,
    landis_koch_band,
)


def _columns(*coders: str) -> list[list]:
    """Krippendorff's notation (one line per observer, "." = missing) as units × coders."""
    cells = [[None if v == "." else int(v) for v in line.split()] for line in coders]
    return [list(unit) for unit in zip(*cells, strict=True)]


# Section A: binary data, two observers, no missing data.
SECTION_A = _columns("0 1 0 0 0 0 0 0 1 0", "1 1 1 0 0 1 0 0 0 0")
# Section B: nominal data, two observers, no missing data (values a..e written 1..5).
SECTION_B = _columns("1 1 2 2 4 3 3 3 5 4 4 1", "2 1 2 2 2 3 3 3 5 4 4 4")
# Sections C-F: four observers, twelve units, missing values.
SECTION_C = _columns(
    "1 2 3 3 2 1 4 1 2 . . .",
    "1 2 3 3 2 2 4 1 2 5 . 3",
    ". 3 3 3 2 3 4 2 2 5 1 .",
    "1 2 3 3 2 4 4 1 2 5 1 .",
)


def test_binary_data_of_two_observers_gives_the_published_alpha():
    # Krippendorff (2011) section A: alpha = 0.095
    assert round(krippendorff_alpha(SECTION_A).alpha, 3) == 0.095


def test_nominal_data_of_two_observers_gives_the_published_alpha():
    # Krippendorff (2011) section B: alpha_nominal = 0.692
    assert round(krippendorff_alpha(SECTION_B).alpha, 3) == 0.692


@pytest.mark.parametrize(
    ("level", "published"),
    [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)],
)
def test_four_observers_with_missing_values_give_the_published_alpha(level, published):
    # Krippendorff (2011) sections C (nominal .743), D (ordinal .815), E (interval .849),
    # F (ratio .797)
    result = krippendorff_alpha(SECTION_C, level=level)
    assert round(result.alpha, 3) == published
    # Section C: unit 12 has one value and is not pairable; n.. = 40 pairable values
    assert (result.n_units, result.n_values, result.n_coders) == (11, 40, 4)


def test_the_three_coder_example_of_fifteen_units():
    # Wikipedia, "Krippendorff's alpha", Data: coders A, B, C over 15 units; published
    # alpha_nominal = 0.691, alpha_interval = 0.811 (krippendorff on PyPI: 0.691358, 0.810845)
    data = _columns(
        ". . . . . 3 4 1 2 1 1 3 3 . 3",
        "1 . 2 1 3 3 4 3 . . . . . . .",
        ". . 2 1 3 4 4 . 2 1 1 3 3 . 4",
    )
    assert krippendorff_alpha(data).alpha == pytest.approx(0.691358, abs=5e-7)
    assert krippendorff_alpha(data, "interval").alpha == pytest.approx(0.810845, abs=5e-7)


def test_labels_and_numbers_are_both_nominal_values():
    labels = [["dukung" if v == 1 else f"k{v}" for v in unit] for unit in SECTION_B]
    assert krippendorff_alpha(labels).alpha == pytest.approx(krippendorff_alpha(SECTION_B).alpha)
    spaced = [[f" {v} " for v in unit] for unit in labels]
    assert krippendorff_alpha(spaced).alpha == pytest.approx(krippendorff_alpha(labels).alpha)


def test_missing_values_may_be_none_nan_or_blank():
    with_nan = [[np.nan if v is None else v for v in unit] for unit in SECTION_C]
    with_blank = [["" if v is None else float(v) for v in unit] for unit in SECTION_C]
    for data in (with_nan, with_blank):
        assert round(krippendorff_alpha(data).alpha, 3) == 0.743


def test_perfect_agreement_is_one_and_no_variation_is_undefined():
    assert krippendorff_alpha([[1, 1], [2, 2], [3, 3]]).alpha == 1.0
    same = krippendorff_alpha([[1, 1, 1], [1, 1, None]])
    assert same.alpha is None and same.band == ""


@pytest.mark.parametrize(
    ("data", "level", "message"),
    [
        ([[1, 1]], "metric", "level must be one of"),
        ([[1], [2]], "nominal", "at least 2 coders"),
        ([[1, 2], [1]], "nominal", "one value"),
        ([[1, None], [None, 2]], "nominal", "at least two coders"),
        ([["a", "b"], ["a", "a"]], "ordinal", "must be numbers"),
        ([[1, -2], [3, 3]], "ratio", "cannot be negative"),
        ([], "nominal", "no units"),
    ],
)
def test_it_rejects_data_alpha_cannot_use(data, level, message):
    with pytest.raises(ValueError, match=message):
        krippendorff_alpha(data, level=level)


def test_cohens_kappa_of_the_fifty_applications_example():
    # Wikipedia, "Cohen's kappa", Simple example: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no;
    # p_o = 0.7, p_e = 0.5, kappa = 0.4
    first = ["ya"] * 25 + ["tidak"] * 25
    second = ["ya"] * 20 + ["tidak"] * 5 + ["ya"] * 10 + ["tidak"] * 15
    result = cohens_kappa(first, second)
    assert (result.po, result.pe, result.n) == (0.7, 0.5, 50)
    assert result.kappa == pytest.approx(0.4)
    assert result.band == "fair"  # Landis & Koch (1977): 0.21-0.40 fair


def test_cohens_kappa_matches_statsmodels_on_krippendorffs_nominal_example():
    first, second = ([unit[i] for unit in SECTION_B] for i in (0, 1))
    # statsmodels.stats.inter_rater.cohens_kappa(to_table(data)[0]).kappa
    table, _ = to_table(np.array(SECTION_B))
    assert cohens_kappa(first, second).kappa == pytest.approx(sm_cohens_kappa(table).kappa)
    assert round(cohens_kappa(first, second).kappa, 4) == 0.6842  # 1 - 0.25 / (1 - 5/24)


def test_cohens_kappa_drops_units_one_coder_left_blank():
    result = cohens_kappa(["a", "a", None, "b", "b"], ["a", "b", "a", "b", ""])
    assert result.n == 3
    assert result.po == pytest.approx(2 / 3)


def test_cohens_kappa_is_undefined_when_both_coders_used_one_category():
    result = cohens_kappa(["x", "x"], ["x", "x"])
    assert result.kappa is None and result.po == 1.0 and result.band == ""
    with pytest.raises(ValueError, match="same length|both coders need"):
        cohens_kappa(["x"], ["x", "y"])
    with pytest.raises(ValueError, match="coded by both"):
        cohens_kappa(["x", None], [None, "y"])


def test_bands_follow_krippendorff_and_landis_and_koch():
    # DOMAIN.md: >= 0.800 reliable, 0.667-0.800 tentative, below 0.667 revise
    assert [alpha_band(a) for a in (1.0, 0.8, 0.79, 0.667, 0.66, -0.2)] == [
        "reliable",
        "reliable",
        "tentative",
        "tentative",
        "revise",
        "revise",
    ]
    assert landis_koch_band(0.41) == "moderate" and landis_koch_band(0.8) == "substantial"


units = st.lists(
    st.lists(st.one_of(st.none(), st.integers(0, 4)), min_size=3, max_size=3),
    min_size=4,
    max_size=20,
)


def _defined(data) -> bool:
    try:
        return krippendorff_alpha(data).alpha is not None
    except ValueError:
        return False


@settings(max_examples=60, deadline=None)
@given(units, st.randoms(use_true_random=False))
def test_alpha_does_not_depend_on_the_order_of_units_or_coders(data, rnd):
    if not _defined(data):
        return
    shuffled = [list(unit) for unit in data]
    rnd.shuffle(shuffled)
    order = [0, 1, 2]
    rnd.shuffle(order)
    shuffled = [[unit[j] for j in order] for unit in shuffled]
    for level in ("nominal", "ordinal", "interval"):
        assert krippendorff_alpha(shuffled, level).alpha == pytest.approx(
            krippendorff_alpha(data, level).alpha
        )


@settings(max_examples=60, deadline=None)
@given(units)
def test_interval_alpha_is_unchanged_by_a_linear_rescaling(data):
    if not _defined(data):
        return
    rescaled = [[None if v is None else 10 + 2.5 * v for v in unit] for unit in data]
    assert krippendorff_alpha(rescaled, "interval").alpha == pytest.approx(
        krippendorff_alpha(data, "interval").alpha
    )
    # ordinal alpha uses ranks only: any increasing transform leaves it unchanged
    squared = [[None if v is None else v**2 for v in unit] for unit in data]
    assert krippendorff_alpha(squared, "ordinal").alpha == pytest.approx(
        krippendorff_alpha(data, "ordinal").alpha
    )


@settings(max_examples=60, deadline=None)
@given(units)
def test_the_vectorised_path_for_numbers_equals_the_general_path_for_labels(data):
    if not _defined(data):
        return
    labels = [[None if v is None else f"k{v}" for v in unit] for unit in data]
    # numbers go through the vectorised counts, labels through the general path
    assert krippendorff_alpha(np.array(data, dtype=float)).alpha == pytest.approx(
        krippendorff_alpha(labels).alpha
    )
