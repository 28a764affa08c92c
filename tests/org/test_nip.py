"""NIP and NI PPPK: split into their parts, refused with a reason when impossible."""

import datetime as dt
import doctest

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sieva.org import nip as nip_module
from sieva.org.nip import NipError, format_nip, parse_nip

TODAY = dt.date(2026, 1, 15)


def test_it_reads_the_printed_form_of_a_pns_nip():
    parsed = parse_nip("19850312 201001 2 003", today=TODAY)
    assert parsed.number == "198503122010012003"
    assert parsed.kind == "PNS"
    assert parsed.birth_date == dt.date(1985, 3, 12)
    assert parsed.tmt_cpns == dt.date(2010, 1, 1)
    assert (parsed.gender, parsed.serial, parsed.pppk_code) == ("P", 3, "")
    assert parsed.printed == "19850312 201001 2 003"


def test_it_reads_an_ni_pppk_by_its_code():
    parsed = parse_nip("198507262021211001", today=TODAY)
    assert parsed.kind == "PPPK"
    assert parsed.appointment_year == 2021
    assert parsed.pppk_code == "21"
    assert parsed.appointment_month is None and parsed.tmt_cpns is None
    assert (parsed.gender, parsed.serial) == ("L", 1)


def test_the_declared_kind_wins_over_the_guess():
    # Digits 13-14 "05" look like a month, but the file says PPPK: only PPPK rules apply.
    parsed = parse_nip("198507262021051001", "PPPK", today=TODAY)
    assert parsed.kind == "PPPK" and parsed.pppk_code == "05"


@pytest.mark.parametrize(
    ("text", "kind", "reason"),
    [
        ("", None, "NIP kosong."),
        ("19850312201001100", None, "NIP harus 18 digit, tertulis 17 digit."),
        ("1985031220100110031", None, "tertulis 19 digit"),
        ("19850312-201001-1-003", None, "hanya boleh berisi angka"),
        ("19850312２01001 1 003", None, "hanya boleh berisi angka"),  # a full-width digit
        ("198513122010011003", None, "Tanggal lahir pada NIP (digit 1-8: 19851312) tidak valid"),
        ("198502302010011003", None, "digit 1-8: 19850230"),
        ("202701012010011003", None, "belum terjadi"),
        ("198503122010131003", "PNS", "TMT CPNS pada NIP (digit 9-14: 201013)"),
        ("198503122003021003", None, "sebelum pegawai berusia 18 tahun (lahir 12/03/1985)"),
        ("198503122026021003", None, "masih di masa depan"),
        ("198503122010013003", None, "harus 1 (laki-laki) atau 2 (perempuan), tertulis 3"),
        ("198503122010011000", None, "tidak boleh 000"),
        ("198502302021211001", "PPPK", "tidak valid"),
        ("198507262021213001", "PPPK", "tertulis 3"),
        ("198503122010011003", "TKD", "Jenis ASN harus PNS atau PPPK"),
    ],
)
def test_it_rejects_an_impossible_number_with_its_reason(text, kind, reason):
    with pytest.raises(NipError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        parse_nip(text, kind, today=TODAY)


def test_an_appointment_in_the_month_of_the_18th_birthday_is_accepted():
    assert parse_nip("198503122003031003", today=TODAY).tmt_cpns == dt.date(2003, 3, 1)
    with pytest.raises(NipError):
        parse_nip("198503122003021003", today=TODAY)


def test_an_ni_pppk_is_checked_only_for_length_birth_date_and_gender():
    # DOMAIN.md: the code's meaning is unpublished, so a serial 000 or an odd year passes.
    parsed = parse_nip("198507261990991000", "PPPK", today=TODAY)
    assert (parsed.appointment_year, parsed.pppk_code, parsed.serial) == (1990, "99", 0)


def test_the_error_carries_a_template_a_django_caller_can_translate():
    with pytest.raises(NipError) as caught:
        parse_nip("1234", today=TODAY)
    assert caught.value.template == nip_module.WRONG_LENGTH
    assert caught.value.params == {"length": 4}


def test_the_module_examples_run():
    assert doctest.testmod(nip_module).failed == 0


def test_format_nip_groups_eight_six_one_three():
    assert format_nip("198503122010011003") == "19850312 201001 1 003"
    with pytest.raises(NipError):
        format_nip("12345")


@st.composite
def pns_numbers(draw):
    birth = draw(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2007, 12, 31)))
    first = (birth.year + 18) * 12 + birth.month - 1
    last = TODAY.year * 12 + TODAY.month - 1
    months = draw(st.integers(min_value=first, max_value=last))
    tmt = dt.date(months // 12, months % 12 + 1, 1)
    gender = draw(st.sampled_from("12"))
    serial = draw(st.integers(min_value=1, max_value=999))
    return birth, tmt, gender, serial


@given(pns_numbers(), st.booleans())
def test_a_composed_pns_number_parses_back_to_its_parts(parts, printed):
    birth, tmt, gender, serial = parts
    number = f"{birth:%Y%m%d}{tmt:%Y%m}{gender}{serial:03d}"
    parsed = parse_nip(format_nip(number) if printed else number, today=TODAY)
    assert parsed.number == number
    assert parsed.kind == "PNS"
    assert (parsed.birth_date, parsed.tmt_cpns, parsed.serial) == (birth, tmt, serial)
    assert parsed.gender == {"1": "L", "2": "P"}[gender]


@given(
    st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2007, 12, 31)),
    st.integers(min_value=1990, max_value=2026),
    st.integers(min_value=13, max_value=99),
    st.sampled_from("12"),
    st.integers(min_value=0, max_value=999),
)
def test_a_composed_ni_pppk_parses_back_to_its_parts(birth, year, code, gender, serial):
    number = f"{birth:%Y%m%d}{year}{code}{gender}{serial:03d}"
    parsed = parse_nip(number, today=TODAY)
    assert parsed.kind == "PPPK"
    assert (parsed.birth_date, parsed.appointment_year, parsed.pppk_code) == (
        birth,
        year,
        str(code),
    )
    assert parsed.printed == format_nip(number)
