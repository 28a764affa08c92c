"""Session planning and cohort dates of the demo: pure functions, no database."""

import datetime as dt
import random
from collections import defaultdict

import pytest

from sieva.demo.builder import REFERENCE_DATE
from sieva.demo.catalogue import OFFERINGS, PROGRAMS
from sieva.demo.schedule import cohort_starts, plan_sessions, roman, status_on
from sieva.programs.models import CohortStatus

JP_MINUTES = 45


@pytest.mark.parametrize("key", sorted(PROGRAMS))
def test_sessions_add_up_to_the_curriculum_and_keep_to_office_hours(key):
    spec = PROGRAMS[key]
    sessions = plan_sessions(spec, dt.date(2026, 3, 4), JP_MINUTES)
    assert sum(s.jp for s in sessions) == spec.total_jp
    per_day = defaultdict(int)
    for s in sessions:
        if s.start is None:  # a self-paced module has no clock time
            continue
        assert s.date.weekday() < 5
        per_day[s.date] += s.jp
        lunch = dt.time(12, 0)
        assert s.end <= lunch or s.start >= lunch, s  # no session runs through lunch
    assert all(jp <= 8 for jp in per_day.values())


@pytest.mark.parametrize("offering", OFFERINGS, ids=lambda o: f"{o.agency}-{o.program}")
def test_each_cohort_status_matches_its_dates_even_with_parallel_classes(offering):
    spec = PROGRAMS[offering.program]
    today = REFERENCE_DATE
    starts = cohort_starts(offering, spec, today, 3, random.Random(1), JP_MINUTES)
    assert len(starts) == 3 * (sum(offering.past) + offering.running + bool(offering.upcoming))
    for start, status in starts:
        sessions = plan_sessions(spec, start, JP_MINUTES)
        first, last = sessions[0].date, sessions[-1].date
        if status == CohortStatus.FINISHED:
            assert last < today and first.year >= today.year - 1
        elif status == CohortStatus.RUNNING:
            assert first < today <= last
        else:
            assert first > today


def test_roman_numerals_name_the_angkatan():
    assert [roman(n) for n in (1, 4, 9, 14, 40)] == ["I", "IV", "IX", "XIV", "XL"]


def test_the_status_of_a_cohort_follows_its_dates():
    S = CohortStatus  # noqa: N806
    today = dt.date(2026, 11, 1)
    ended, running = (dt.date(2026, 10, 1), dt.date(2026, 10, 31)), (dt.date(2026, 10, 30), today)
    assert status_on(*ended, today, S.RUNNING) == S.FINISHED
    assert status_on(*ended, today, S.OPEN) == S.FINISHED
    assert status_on(*running, today, S.OPEN) == S.RUNNING
    assert status_on(dt.date(2026, 11, 9), dt.date(2026, 11, 12), today, S.OPEN) == S.OPEN
    assert status_on(dt.date(2026, 11, 9), dt.date(2026, 11, 12), today, S.RUNNING) == S.PLANNED
