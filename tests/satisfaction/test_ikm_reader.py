"""The one IKM reader (`sieva.satisfaction.selectors.ikm_scores`) and its one suppression
rule, pinned at the boundary for every page and analysis that reads IKM through it."""

import datetime as dt

import pytest

from sieva.dashboard.selectors.ikm import ikm_trend
from sieva.evaluation.engine.adapters import ikm_panel
from sieva.org.access import user_access
from sieva.org.models import OrgKind
from sieva.satisfaction.elements import ELEMENTS
from sieva.satisfaction.periods import parse_period
from sieva.satisfaction.selectors import ikm_scores, scores_for_units, trend
from sieva.satisfaction.services.submission import skm_response_submit
from tests.factories import OrgUnitFactory

pytestmark = pytest.mark.django_db
MAY = parse_period("2026-05")  # tests/satisfaction/conftest.py freezes time on 20 May 2026


def answer(unit, people: int, point: int = 3, first_device: int = 0) -> None:
    for device in range(first_device, first_device + people):
        skm_response_submit(
            unit=unit, answers=dict.fromkeys(ELEMENTS, point), profile={}, fingerprint=str(device)
        )


# Each reader gives the NIK it would show for the puskesmas in May 2026, or None.
READERS = {
    "SKM pages: one unit over a period": lambda alice, unit: (
        r.nik if (r := scores_for_units([unit.pk], MAY)[unit.pk].result) else None
    ),
    "SKM pages: a unit's monthly trend": lambda alice, unit: (
        r.nik if (r := trend(unit, MAY.first)[-1].result) else None
    ),
    "leaders' dashboard: service units pooled per quarter": lambda alice, unit: {
        q: nik for q, nik, _n in ikm_trend(user_access(alice), None, 2026)
    }["2026-Q2"],
    "evaluation L4: unit-months of the panel": lambda alice, unit: next(
        (v for _u, _m, v in ikm_panel({unit.pk: MAY.first}, [], months_around=1).rows), None
    ),
}


@pytest.mark.parametrize("minimum", [5, 3])
@pytest.mark.parametrize("reader", READERS)
def test_a_unit_period_is_suppressed_below_the_minimum_cell_size_and_shown_at_it(
    reader, minimum, alice, puskesmas, settings
):
    settings.SIEVA_MIN_CELL_SIZE = minimum
    answer(puskesmas, minimum - 1)
    assert READERS[reader](alice, puskesmas) is None
    answer(puskesmas, 1, first_device=minimum)
    # Every answer 3: NRR 3 for each element, IKM 3, NIK 3 × 25 = 75.00 (by hand).
    assert READERS[reader](alice, puskesmas) == 75.0


def test_a_suppressed_score_keeps_its_count_and_an_empty_one_is_not_suppressed(puskesmas, world):
    quiet = OrgUnitFactory(kind=OrgKind.SERVICE_UNIT, parent=world.medan_health, code="PKM-SEPI")
    answer(puskesmas, 4)
    shown, empty = ikm_scores([puskesmas.pk, quiet.pk], [MAY])
    assert (shown.respondents, shown.suppressed, shown.result) == (4, True, None)
    assert (empty.respondents, empty.suppressed, empty.result) == (0, False, None)


def test_pooled_units_are_scored_as_one_from_their_summed_answers(puskesmas, world):
    other = OrgUnitFactory(kind=OrgKind.SERVICE_UNIT, parent=world.medan_health, code="PKM-02")
    answer(puskesmas, 3, point=4)
    answer(other, 2, point=1)
    alone = ikm_scores([puskesmas.pk, other.pk], [MAY])
    assert [s.suppressed for s in alone] == [True, True]
    (pool,) = ikm_scores([puskesmas.pk, other.pk], [MAY], pooled=True)
    # By hand: NRR = (3·4 + 2·1) / 5 = 2.8 for each element; NIK = 2.8 × 25 = 70.00 (C).
    assert (pool.unit_id, pool.respondents) == (None, 5)
    assert (pool.result.nik, pool.result.grade) == (70.0, "C")


def test_scores_come_unit_by_unit_then_period_by_period(puskesmas, world):
    other = OrgUnitFactory(kind=OrgKind.SERVICE_UNIT, parent=world.medan_health, code="PKM-03")
    answer(other, 5)
    april = parse_period("2026-04")
    scores = ikm_scores([other.pk, puskesmas.pk, other.pk], [april, MAY])
    assert [(s.unit_id, s.period.key, s.respondents) for s in scores] == [
        (other.pk, "2026-04", 0),
        (other.pk, "2026-05", 5),
        (puskesmas.pk, "2026-04", 0),
        (puskesmas.pk, "2026-05", 0),
    ]


def test_periods_that_share_a_month_are_refused(puskesmas):
    with pytest.raises(ValueError, match="2026-05"):
        ikm_scores([puskesmas.pk], [MAY, parse_period("2026-T2")])


def test_months_between_the_periods_asked_for_count_in_none_of_them(puskesmas):
    april = dt.datetime(2026, 4, 15, 10, tzinfo=dt.UTC)
    for device in range(5):
        skm_response_submit(
            unit=puskesmas,
            answers=dict.fromkeys(ELEMENTS, 4),
            profile={},
            fingerprint=f"april-{device}",
            now=april,
        )
    answer(puskesmas, 5)
    march, may = ikm_scores([puskesmas.pk], [parse_period("2026-03"), MAY])
    assert (march.respondents, may.respondents) == (0, 5)
    assert may.result.nik == 75.0  # May's answers only (3 each); April's 4s left out
    (spring,) = ikm_scores([puskesmas.pk], [parse_period("2026-T2")], pooled=True)
    # By hand: 5 answers of 4 and 5 of 3 → NRR 3.5, NIK 87.50.
    assert (spring.respondents, spring.result.nik) == (10, 87.5)
