"""Mentoring outcomes on planted data: mentees gain 8 points over comparable staff."""

import datetime as dt
import random
from decimal import Decimal

import pytest
from django.urls import reverse

from sieva.development.models import Appraisal, MentoringGoal
from sieva.development.selectors.mentoring_outcomes import scheme_outcomes
from sieva.development.services import mentoring as services
from sieva.programs.models import EnrollmentStatus
from tests.factories import EmployeeFactory, EnrollmentFactory

EFFECT = 8.0


def _appraise(employee, baseline, outcome):
    for year, score in ((2025, baseline), (2026, outcome)):
        Appraisal.objects.create(
            employee=employee,
            year=year,
            hasil_kerja="sesuai",
            perilaku="sesuai",
            predikat="good",
            score=Decimal(str(round(score, 2))),
        )


@pytest.fixture
def planted(world, mentoring):
    rng = random.Random(4)
    scheme = mentoring.scheme
    scheme.mentor_capacity = 20
    scheme.save()
    mentees = list(mentoring.mentees)
    for i in range(16):
        mentee = EmployeeFactory(
            unit=world.medan_health, grade=rng.choice(["II/a", "II/b", "II/c"]), name=f"Baru {i}"
        )
        EnrollmentFactory(cohort=mentoring.cohort, employee=mentee, status=EnrollmentStatus.PASSED)
        mentees.append(mentee)
    for i, mentee in enumerate(mentees):
        pair = services.pair_create(
            actor=None,
            scheme=scheme,
            mentor=mentoring.mentors[i % 2],
            mentee=mentee,
            started_on=dt.date(2026, 2, 2),
        )
        base = rng.gauss(70, 5)
        _appraise(mentee, base, base + 2 + EFFECT + rng.gauss(0, 1))
        goal = MentoringGoal.objects.create(pair=pair, title="SKP", expected="...", level=i % 3 - 1)
        assert goal.level in (-1, 0, 1)
    for _person in range(120):
        person = EmployeeFactory(
            unit=world.medan_health, grade=rng.choice(["II/a", "II/b", "II/c", "III/a"])
        )
        base = rng.gauss(72, 8)
        _appraise(person, base, base + 2 + rng.gauss(0, 1))
    return scheme


def test_the_matched_comparison_recovers_the_planted_effect(planted):
    outcomes = scheme_outcomes(planted)
    comparison = outcomes.comparison
    assert comparison.mentees_with_data == 20
    assert comparison.pool == 120
    assert comparison.matched >= 15
    # The planted gain over matched staff is 8 points; the paired interval must cover it.
    assert comparison.difference.mean_diff == pytest.approx(EFFECT, abs=1.5)
    assert comparison.difference.ci.low < EFFECT < comparison.difference.ci.high
    baseline = next(row for row in comparison.balance if row.covariate == "Kinerja awal")
    assert abs(baseline.smd_after) < abs(baseline.smd_before) or abs(baseline.smd_after) < 0.1


def test_mentor_effects_are_shrunk_and_listed_with_their_n(planted):
    outcomes = scheme_outcomes(planted)
    assert outcomes.gas_scored == 20
    assert [e.n for e in outcomes.mentor_effects] and sum(
        e.n for e in outcomes.mentor_effects
    ) == 20
    for effect in outcomes.mentor_effects:
        mean = outcomes.shrinkage.overall_mean
        assert abs(effect.shrunk_mean - mean) <= abs(effect.raw_mean - mean) + 1e-9


def test_the_outcomes_page_shows_the_balance_table(client, olga, planted):
    client.force_login(olga)
    response = client.get(reverse("development:outcomes", args=[planted.cohort_id]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Keseimbangan kovariat" in page
    assert "Masa kerja (tahun)" in page
