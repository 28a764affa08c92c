"""Issue 10 item 4: a published total must not reveal a hidden part by subtraction.

A quarter shown next to its visible months gives away a hidden month (quarter − visible
months), a year next to its visible quarters a hidden quarter, and a pool of units next to
its visible units a hidden unit. The one IKM reader (`ikm_scores`) hides such totals, so
every page, export and API that reads IKM through it obeys the rule."""

import datetime as dt

import pytest
from django.urls import reverse

from sieva.org.models import OrgKind
from sieva.satisfaction.elements import ELEMENTS
from sieva.satisfaction.periods import month_period, parse_period
from sieva.satisfaction.selectors import ikm_scores
from sieva.satisfaction.services.submission import skm_response_submit
from tests.factories import OrgUnitFactory

pytestmark = pytest.mark.django_db


def answer_in(unit, month: dt.date, people: int, point: int = 3) -> None:
    when = dt.datetime.combine(month.replace(day=10), dt.time(3), dt.UTC)
    for device in range(people):
        skm_response_submit(
            unit=unit,
            answers=dict.fromkeys(ELEMENTS, point),
            profile={},
            fingerprint=f"{unit.pk}-{month}-{device}",
            now=when,
        )


def months_of(key: str) -> list:
    return [month_period(m) for m in parse_period(key).months]


def test_a_quarter_with_one_hidden_month_is_hidden_with_it(puskesmas):
    answer_in(puskesmas, dt.date(2026, 1, 1), 6)
    answer_in(puskesmas, dt.date(2026, 2, 1), 6)
    answer_in(puskesmas, dt.date(2026, 3, 1), 2, point=1)  # hidden: 2 < 5
    january, february, march = ikm_scores([puskesmas.pk], months_of("2026-T1"))
    assert (january.result is not None, february.result is not None) == (True, True)
    assert march.result is None and march.suppressed
    (quarter,) = ikm_scores([puskesmas.pk], [parse_period("2026-T1")])
    # Shown, the quarter (14 people) minus January and February (12) would be March's 2.
    assert quarter.respondents == 14
    assert quarter.result is None
    assert quarter.suppressed


def test_a_quarter_whose_hidden_months_together_reach_the_minimum_is_shown(puskesmas):
    answer_in(puskesmas, dt.date(2026, 1, 1), 6)
    answer_in(puskesmas, dt.date(2026, 2, 1), 3)
    answer_in(puskesmas, dt.date(2026, 3, 1), 3)
    (quarter,) = ikm_scores([puskesmas.pk], [parse_period("2026-T1")])
    # Subtraction reveals February and March together: 6 people, not a group below 5.
    assert (quarter.respondents, quarter.result.nik) == (12, 75.0)


def test_a_year_with_one_hidden_quarter_is_hidden_even_if_its_months_add_up(puskesmas):
    for quarter, people in (("2026-T2", 3), ("2026-T3", 6), ("2026-T4", 6)):
        for month in parse_period(quarter).months:
            answer_in(puskesmas, month, people)  # T2: 3 a month (9, shown as a quarter)
    answer_in(puskesmas, dt.date(2026, 1, 1), 3)  # T1: 3 people in January only, hidden
    (second,) = ikm_scores([puskesmas.pk], [parse_period("2026-T2")])
    assert second.result is not None  # its three hidden months reveal 9 people together
    (year,) = ikm_scores([puskesmas.pk], [parse_period("2026")])
    # Year − T2 − T3 − T4 would be January's 3 people.
    assert year.respondents == 3 + 9 + 18 + 18
    assert year.result is None


def test_a_pool_with_one_hidden_unit_is_hidden(puskesmas, world):
    busy = OrgUnitFactory(kind=OrgKind.SERVICE_UNIT, parent=world.medan_health, code="PKM-RAME")
    may = dt.date(2026, 5, 1)
    answer_in(busy, may, 8)
    answer_in(puskesmas, may, 2)
    (pool,) = ikm_scores([busy.pk, puskesmas.pk], [month_period(may)], pooled=True)
    # The pool (10) minus the busy unit shown on its own (8) would be the puskesmas's 2.
    assert pool.respondents == 10
    assert pool.result is None


def test_a_pool_of_units_each_too_small_is_still_shown(puskesmas, world):
    other = OrgUnitFactory(kind=OrgKind.SERVICE_UNIT, parent=world.medan_health, code="PKM-KCL")
    may = dt.date(2026, 5, 1)
    answer_in(other, may, 3)
    answer_in(puskesmas, may, 3)
    (pool,) = ikm_scores([other.pk, puskesmas.pk], [month_period(may)], pooled=True)
    assert (pool.respondents, pool.result.nik) == (6, 75.0)


def test_the_unit_page_says_why_a_quarter_with_enough_answers_is_hidden(client, alice, puskesmas):
    answer_in(puskesmas, dt.date(2026, 4, 1), 6)
    answer_in(puskesmas, dt.date(2026, 5, 1), 2)
    client.force_login(alice)
    url = reverse("satisfaction:unit_dashboard", kwargs={"pk": puskesmas.pk})
    body = client.get(url, {"period": "2026-T2"}).content.decode()
    assert "akan dapat dihitung dengan mengurangkan" in body
    overview = client.get(reverse("satisfaction:overview"), {"period": "2026-T2"})
    assert "bulan yang tersembunyi akan terhitung dari total" in overview.content.decode()
