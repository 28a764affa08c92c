"""The demo's own NIP generator: numbers follow DOMAIN.md and are never issued twice."""

import datetime as dt

import pytest

from sieva.demo.identifiers import NipRegistry


def test_a_second_person_with_the_same_dates_gets_the_next_serial():
    nips = NipRegistry()
    birth, tmt = dt.date(1986, 9, 26), dt.date(2015, 5, 1)
    assert nips.pns(birth=birth, tmt_cpns=tmt, female=False) == "198609262015051001"
    assert nips.pns(birth=birth, tmt_cpns=tmt, female=False) == "198609262015051002"
    assert nips.pns(birth=birth, tmt_cpns=tmt, female=True) == "198609262015052001"


def test_a_pppk_number_carries_the_appointment_year_and_code():
    nips = NipRegistry()
    assert nips.pppk(birth=dt.date(1990, 3, 15), appointed=2022, female=True) == (
        "199003152022212001"
    )


def test_it_refuses_a_tmt_cpns_before_the_eighteenth_birthday():
    with pytest.raises(ValueError, match="18"):
        NipRegistry().pns(birth=dt.date(2000, 6, 10), tmt_cpns=dt.date(2018, 3, 1), female=False)
