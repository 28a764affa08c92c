"""Golongan: the usual spellings become one canonical form; PNS and PPPK never mix."""

import doctest

import pytest

from sieva.org import grades
from sieva.org.grades import (
    PNS_GRADE_TITLES,
    PNS_GRADES,
    PPPK_GRADES,
    GradeError,
    grade_rank,
    grades_for,
    normalise_grade,
)


@pytest.mark.parametrize(
    "text",
    [
        "III/a",
        "III a",
        "iii/A",
        "3a",
        "3/a",
        "IIIA",
        "III-a",
        "III.a",
        " Gol. III/a ",
        "golongan III/a",
    ],
)
def test_common_spellings_of_a_pns_ruang_become_canonical(text):
    assert normalise_grade(text, "PNS") == "III/a"


@pytest.mark.parametrize(
    ("text", "expected"), [("IVA", "IV/a"), ("4e", "IV/e"), ("II/d", "II/d"), ("1a", "I/a")]
)
def test_the_group_is_read_before_the_room(text, expected):
    assert normalise_grade(text, "PNS") == expected


@pytest.mark.parametrize(
    ("text", "expected"), [("IX", "IX"), ("ix", "IX"), ("9", "IX"), ("17", "XVII"), ("Gol. V", "V")]
)
def test_pppk_golongan_accept_roman_and_arabic_numbers(text, expected):
    assert normalise_grade(text, "PPPK") == expected


@pytest.mark.parametrize(
    ("text", "kind", "reason"),
    [
        ("", "PNS", "Golongan kosong"),
        ("III/e", "PNS", "Golongan PNS III/e tidak dikenal"),  # only IV has a ruang e
        ("V/a", "PNS", "tidak dikenal"),
        ("IX", "PNS", "Golongan PNS IX tidak dikenal"),
        ("III/a", "PPPK", "berbentuk golongan PNS; PPPK memakai golongan I sampai XVII"),
        ("18", "PPPK", "Golongan PPPK 18 tidak dikenal"),
        ("XVIII", "PPPK", "tidak dikenal"),
        ("III/a", "TKD", "Jenis ASN harus PNS atau PPPK"),
    ],
)
def test_it_rejects_an_unknown_golongan_with_its_reason(text, kind, reason):
    with pytest.raises(GradeError, match=reason.replace("(", r"\(")):
        normalise_grade(text, kind)


def test_both_kinds_have_seventeen_golongan_in_ascending_order():
    assert len(PNS_GRADES) == len(PPPK_GRADES) == 17
    assert PNS_GRADES[0] == "I/a" and PNS_GRADES[-1] == "IV/e"
    assert PPPK_GRADES[0] == "I" and PPPK_GRADES[-1] == "XVII"
    assert PNS_GRADE_TITLES["III/a"] == "Penata Muda"
    assert PNS_GRADE_TITLES["IV/e"] == "Pembina Utama"
    assert grades_for("PPPK") is PPPK_GRADES


def test_grades_sort_by_rank_not_by_text():
    assert sorted(["IV/a", "II/c", "III/d", "I/b"], key=lambda g: grade_rank(g, "PNS")) == [
        "I/b",
        "II/c",
        "III/d",
        "IV/a",
    ]
    assert sorted(["IX", "V", "XVII", "X"], key=lambda g: grade_rank(g, "PPPK")) == [
        "V",
        "IX",
        "X",
        "XVII",
    ]
    assert grade_rank("3a", "PNS") == 9


def test_the_module_examples_run():
    assert doctest.testmod(grades).failed == 0
