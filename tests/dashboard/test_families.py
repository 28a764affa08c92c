"""Regions compared by program family: the same program run by several instansi is one
family, compared level by level against what is expected of the family, never ranked."""

import pytest
from django.urls import reverse

from sieva.dashboard.services.summaries import program_summary_refresh
from sieva.programs.models import EnrollmentStatus
from tests.evaluation.factories import attend, date
from tests.factories import (
    CohortFactory,
    EmployeeFactory,
    EnrollmentFactory,
    ProgramFactory,
    SessionFactory,
)


def _run(owner, unit, name, attended):
    program = ProgramFactory(owner=owner, name=name)
    cohort = CohortFactory(
        program=program, start_date=date("2026-03-02"), end_date=date("2026-03-03")
    )
    session = SessionFactory(cohort=cohort, date=date("2026-03-02"))
    for i in range(50):
        enrollment = EnrollmentFactory(
            cohort=cohort,
            employee=EmployeeFactory(unit=unit),
            status=EnrollmentStatus.PASSED if i < attended else EnrollmentStatus.INVITED,
        )
        if i < attended:
            attend(enrollment, session)
    program_summary_refresh(actor=None, program=program, period="2026")
    return program


@pytest.fixture
def family(world):
    """Medan: 40 of 50 attended; Palembang (same program, spelt differently): 10 of 50."""
    return (
        _run(world.medan, world.medan_health, "Pelatihan Layanan Prima", 40),
        _run(world.palembang, world.palembang_health, "pelatihan  layanan prima", 10),
    )


def test_the_same_program_of_two_instansi_is_one_family_placed_against_its_pool(
    client, nadia, family
):
    client.force_login(nadia)
    page = client.get(reverse("dashboard:regions"), {"year": 2026}).content.decode()
    section = page[page.index('id="families"') :]
    assert section.count("<h3>") == 1  # one family, not one row per instansi's copy
    # Pooled 50 of 100 = 50 %; at n = 50 the 95 % limits are 50 ± 1.96·√(.25/50) = 36.1–63.9 %.
    medan = section[section.index("Pemerintah Kota Medan") :]
    assert "80,0 %" in medan[:400] and "di atas harapan" in medan[:400]
    palembang = section[section.index("Pemerintah Kota Palembang") :]
    assert "20,0 %" in palembang[:400] and "di bawah harapan" in palembang[:400]
    assert "50,0 %" in section  # the family's pooled participation


def test_a_region_profile_shows_where_its_programs_stand(client, nadia, family, world):
    client.force_login(nadia)
    url = reverse("dashboard:region", args=[world.medan.pk])
    page = client.get(url, {"year": 2026}).content.decode()
    assert "Pelatihan Layanan Prima" in page and "di atas harapan" in page


def test_one_instansi_alone_has_no_family_and_cannot_open_anothers_profile(
    client, bob, family, world
):
    client.force_login(bob)
    page = client.get(reverse("dashboard:regions"), {"year": 2026}).content.decode()
    assert "Medan" not in page
    assert client.get(reverse("dashboard:region", args=[world.medan.pk])).status_code == 404
