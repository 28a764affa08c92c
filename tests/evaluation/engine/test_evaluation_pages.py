"""The evaluation page and the region comparison: scoped, with intervals, never a bare rank."""

import pytest
from django.urls import reverse

from tests.evaluation.factories import attend
from tests.factories import (
    CohortFactory,
    EmployeeFactory,
    EnrollmentFactory,
    ProgramFactory,
    SessionFactory,
)


@pytest.fixture
def two_regions(world):
    """A Medan and a Palembang program, 10 invited each; 8 and 5 attended."""
    cohorts = {}
    for owner, unit, attended in (
        (world.medan, world.medan_health, 8),
        (world.palembang, world.palembang_health, 5),
    ):
        cohort = CohortFactory(program=ProgramFactory(owner=owner, name=f"Etika {owner.name}"))
        session = SessionFactory(cohort=cohort)
        for i in range(10):
            enrollment = EnrollmentFactory(cohort=cohort, employee=EmployeeFactory(unit=unit))
            if i < attended:
                attend(enrollment, session)
        cohorts[owner.code] = cohort
    return cohorts


def test_the_page_shows_each_level_with_its_interval_and_n(client, alice, two_regions):
    client.force_login(alice)
    cohort = two_regions["PEMKOT-MDN"]
    body = client.get(
        reverse("evaluation:evaluation"), {"program": cohort.program_id}
    ).content.decode()
    assert "80,0 %" in body  # 8 of 10 attended
    assert "n = 10" in body
    assert "L1 · Reaksi" in body and "L5 · Biaya" in body
    assert "<svg" in body  # the funnel chart, drawn on the server


def test_regions_stand_side_by_side_with_intervals(client, nadia, two_regions):
    client.force_login(nadia)
    body = client.get(reverse("dashboard:regions"), {"year": 2026}).content.decode()
    assert "Pemerintah Kota Medan" in body and "Pemerintah Kota Palembang" in body
    assert "80,0 %" in body and "50,0 %" in body
    assert "ini bukan peringkat" in body


def test_another_regions_cohort_cannot_be_chosen(client, bob, two_regions):
    client.force_login(bob)
    medan = two_regions["PEMKOT-MDN"]
    response = client.get(reverse("evaluation:evaluation"), {"cohort": medan.pk})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Filter tidak valid" in body
    assert "Medan" not in body


def test_a_leader_sees_the_figures_but_no_one_by_name(client, lina, two_regions):
    client.force_login(lina)
    body = client.get(reverse("evaluation:evaluation")).content.decode()
    assert "80,0 %" in body
    for enrollment in two_regions["PEMKOT-MDN"].enrollments.select_related("employee"):
        assert enrollment.employee.name not in body
        assert enrollment.employee.nip not in body


def test_programs_of_one_name_name_their_owner_and_the_cohorts_follow_the_program(
    client, nadia, world
):
    medan = ProgramFactory(owner=world.medan, name="Layanan Prima")
    palembang = ProgramFactory(owner=world.palembang, name="Layanan Prima")
    CohortFactory(program=medan, name="Angkatan Medan")
    CohortFactory(program=palembang, name="Angkatan Palembang")
    client.force_login(nadia)
    body = client.get(reverse("evaluation:evaluation"), {"program": medan.pk}).content.decode()
    assert "Layanan Prima — Pemerintah Kota Medan" in body
    assert "Layanan Prima — Pemerintah Kota Palembang" in body
    cohorts = body[
        body.index('name="cohort"') : body.index("</select>", body.index('name="cohort"'))
    ]
    assert "Angkatan Medan" in cohorts and "Angkatan Palembang" not in cohorts


def test_a_wrong_filter_says_which_field_is_wrong(client, bob, two_regions):
    client.force_login(bob)
    medan = two_regions["PEMKOT-MDN"]
    body = client.get(reverse("evaluation:evaluation"), {"cohort": medan.pk}).content.decode()
    box = body[body.index("errorlist-box") :]
    assert "Angkatan" in box[: box.index("</div>")]


def test_without_a_program_the_cohort_list_waits_for_one(client, nadia, world):
    """The unfiltered page does not list every cohort of the scope (950 at the demo's
    scale 10 made the national page grow with the cohorts); a link to one cohort still works."""
    cohort = CohortFactory(program=ProgramFactory(owner=world.medan), name="Angkatan Khusus")
    client.force_login(nadia)
    body = client.get(reverse("evaluation:evaluation")).content.decode()
    select = body[
        body.index('name="cohort"') : body.index("</select>", body.index('name="cohort"'))
    ]
    assert "Angkatan Khusus" not in select
    assert "Pilih program dulu" in body
    linked = client.get(reverse("evaluation:evaluation"), {"cohort": cohort.pk}).content.decode()
    assert "Filter tidak valid" not in linked and "Angkatan Khusus" in linked
