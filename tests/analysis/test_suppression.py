import pytest

from sieva.analysis.suppression import (
    SuppressionNote,
    calendar_shown,
    suppress_counts,
    suppress_table,
    total_shown,
)
from sieva.analysis.types import Notice


def test_it_hides_small_cells_and_their_complements_in_a_breakdown():
    r = suppress_counts({"Loket A": 40, "Loket B": 2, "Loket C": 7, "Loket D": 9})
    # Loket B alone could be recovered from the total, so the next smallest (C) goes too.
    assert r.values == {"Loket A": 40, "Loket B": None, "Loket C": None, "Loket D": 9}
    assert r.primary == {"Loket B"} and r.complementary == {"Loket C"}
    assert r.note == Notice(
        SuppressionNote.SMALL_CELLS_AND_COMPLEMENTS_HIDDEN,
        {"primary": 1, "complementary": 1, "min_count": 5},
    )
    alone = suppress_counts({"a": 3, "b": 8}, total_shown=False).note
    assert alone == Notice(SuppressionNote.SMALL_CELLS_HIDDEN, {"primary": 1, "min_count": 5})


def test_it_needs_no_complement_without_totals_or_with_two_small_cells():
    assert suppress_counts({"a": 3, "b": 8}, total_shown=False).values == {"a": None, "b": 8}
    r = suppress_counts({"a": 3, "b": 4, "c": 20})
    assert r.complementary == frozenset() and r.values["c"] == 20


def test_it_keeps_a_table_without_small_cells_unchanged():
    r = suppress_table([[10, 12], [5, 30]])
    assert r.values == ((10, 12), (5, 30)) and r.note is None


def test_it_protects_rows_and_columns_of_a_two_way_table():
    r = suppress_table([[12, 3, 20], [15, 9, 30], [40, 50, 60]])
    hidden = {(i, j) for i, row in enumerate(r.values) for j, v in enumerate(row) if v is None}
    assert (0, 1) in hidden
    for line in [[(i, j) for j in range(3)] for i in range(3)] + [
        [(i, j) for i in range(3)] for j in range(3)
    ]:
        assert sum(c in hidden for c in line) != 1


def test_zero_counts_are_suppressed_and_min_count_is_configurable():
    assert suppress_counts({"a": 0, "b": 6, "c": 7}).values["a"] is None
    assert suppress_counts({"a": 9, "b": 12}, min_count=10).values == {"a": None, "b": None}


def test_a_single_column_is_protected_by_its_column_total_only():
    r = suppress_table([[3], [20], [25]])
    assert r.values == ((None,), (None,), (25,))
    assert r.complementary == {(1, 0)}


@pytest.mark.parametrize("bad", [[1.5, 2], [-1, 4], [[[1]]]])
def test_it_rejects_values_that_are_not_counts(bad):
    with pytest.raises(ValueError):
        suppress_table(bad)


def test_a_total_is_shown_only_when_its_hidden_parts_are_none_or_enough_together():
    # (total, hidden parts): (14, 2) would reveal 2 people; (12, 6) six; (9, 0) nothing;
    # (4, 0) is itself too small. Worked by hand from the rule.
    assert total_shown([14, 12, 9, 4], [2, 6, 0, 0]).tolist() == [False, True, True, False]
    assert total_shown([9], [3], min_count=3).tolist() == [True]
    with pytest.raises(ValueError):
        total_shown([5, 6], [1])


def test_a_year_hides_when_its_hidden_quarters_leave_a_small_group():
    # Q1: January 3 (hidden quarter); Q2: 3 a month (hidden months, shown quarter of 9);
    # Q3, Q4: 6 a month. Year − Q2 − Q3 − Q4 = January's 3 → year hidden.
    c = calendar_shown([[3, 0, 0, 3, 3, 3, 6, 6, 6, 6, 6, 6]])
    assert c.quarters.tolist() == [[False, True, True, True]]
    assert (c.year_hidden.tolist(), c.years.tolist()) == ([3], [False])
    # With February at 2 more, Q1's hidden months hold 5: the year may be shown.
    assert calendar_shown([[3, 2, 0, 3, 3, 3, 6, 6, 6, 6, 6, 6]]).years.tolist() == [True]
    with pytest.raises(ValueError):
        calendar_shown([[1, 2, 3]])
