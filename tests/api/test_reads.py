"""Read endpoints: programs down to attendance, JP, SKM, evaluation figures, recommendations —
each against a hand count or an independent reference, each scoped."""

import datetime as dt
from decimal import Decimal

import pytest
from statsmodels.stats.proportion import proportion_confint

from sieva.org.models import OrgKind
from sieva.programs.models import EnrollmentStatus
from sieva.satisfaction.elements import ELEMENTS
from sieva.satisfaction.services.submission import skm_response_submit
from tests.evaluation.factories import attend
from tests.factories import (
    CohortFactory,
    EmployeeFactory,
    EnrollmentFactory,
    OrgUnitFactory,
    ProgramFactory,
    SessionFactory,
)


@pytest.fixture
def medan_program(world):
    """10 invited, 6 attended both sessions (4 + 6 JP) in March 2026, 4 passed."""
    program = ProgramFactory(owner=world.medan, name="Layanan Prima")
    cohort = CohortFactory(program=program, start_date=dt.date(2026, 3, 2))
    day1 = SessionFactory(cohort=cohort, jp=Decimal("4"))
    day2 = SessionFactory(cohort=cohort, jp=Decimal("6"))
    for i in range(10):
        status = EnrollmentStatus.PASSED if i < 4 else EnrollmentStatus.REGISTERED
        if 4 <= i < 6:
            status = EnrollmentStatus.ATTENDING
        enrollment = EnrollmentFactory(
            cohort=cohort,
            employee=EmployeeFactory(unit=world.medan_health, asn_kind="PNS"),
            status=status,
        )
        if i < 6:
            attend(enrollment, day1, day2)
    return program


def test_programs_cohorts_sessions_are_scoped(api_as, alice, bob, medan_program):
    assert [p["name"] for p in api_as(alice).get("/api/v1/programs/").json()["items"]] == [
        "Layanan Prima"
    ]
    assert api_as(bob).get("/api/v1/programs/").json()["count"] == 0
    assert api_as(bob).get(f"/api/v1/programs/{medan_program.pk}/").status_code == 404
    cohort = medan_program.cohorts.get()
    sessions = api_as(alice).get("/api/v1/sessions/", {"cohort_id": cohort.pk}).json()
    assert sorted(Decimal(s["jp"]) for s in sessions["items"]) == [4, 6]
    assert api_as(bob).get("/api/v1/sessions/", {"cohort_id": cohort.pk}).status_code == 404


def test_attendance_lists_one_row_per_session_attended(api_as, alice, medan_program):
    cohort = medan_program.cohorts.get()
    body = api_as(alice).get("/api/v1/attendance/", {"cohort_id": cohort.pk}).json()
    assert body["count"] == 12  # 6 people x 2 sessions


def test_a_leader_sees_programs_but_no_enrollment_or_attendance(api_as, lina, medan_program):
    assert api_as(lina).get("/api/v1/programs/").json()["count"] == 1
    assert api_as(lina).get("/api/v1/enrollments/").status_code == 403
    assert api_as(lina).get("/api/v1/attendance/").status_code == 403
    assert api_as(lina).get("/api/v1/jp/", {"year": 2026}).status_code == 403


def test_jp_per_employee_counts_each_attended_session_once(api_as, alice, medan_program):
    rows = api_as(alice).get("/api/v1/jp/", {"year": 2026, "limit": 500}).json()["items"]
    jp = sorted(Decimal(r["jp"]) for r in rows)
    assert jp == [0] * 4 + [10] * 6  # 4 + 6 JP for those who came, 0 for the others
    assert all(r["meets_minimum"] is False for r in rows)  # below the 20 JP minimum
    assert rows[0]["period_start"] == "2026-01-01" and rows[0]["period_end"] == "2026-12-31"


def test_evaluation_figures_are_the_engines_with_wilson_intervals(api_as, alice, medan_program):
    body = (
        api_as(alice)
        .get(f"/api/v1/programs/{medan_program.pk}/evaluation/", {"period": "2026"})
        .json()
    )
    figures = {f["path"]: f for f in body["figures"]}
    participation = figures["l0.participation"]
    assert participation["n"] == 10 and participation["value"] == pytest.approx(60.0)
    # statsmodels proportion_confint(6, 10, method="wilson") = (0.3127, 0.8318)
    low, high = proportion_confint(6, 10, alpha=0.05, method="wilson")
    assert participation["ci_low"] == pytest.approx(low * 100)
    assert participation["ci_high"] == pytest.approx(high * 100)
    assert participation["design"] == "records"


def test_an_impossible_evaluation_year_is_a_422_naming_the_field(api_as, alice, medan_program):
    response = api_as(alice).get(
        f"/api/v1/programs/{medan_program.pk}/evaluation/", {"year": "kemarin"}
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "query.year"


def test_a_year_without_cohorts_has_no_participation(api_as, alice, medan_program):
    body = (
        api_as(alice).get(f"/api/v1/programs/{medan_program.pk}/evaluation/", {"year": 2025}).json()
    )
    figures = {f["path"]: f for f in body["figures"]}
    assert figures["l0.participation"]["n"] == 0 and figures["l0.participation"]["value"] is None


def test_skm_results_come_from_the_aggregates_and_hide_small_units(
    api_as, alice, bob, world, time_machine
):
    time_machine.move_to(dt.datetime(2026, 5, 10, 9, tzinfo=dt.UTC))
    big = OrgUnitFactory(
        kind=OrgKind.SERVICE_UNIT, name="Puskesmas Besar", parent=world.medan_health
    )
    for device, value in enumerate((4, 4, 3, 3, 2)):
        skm_response_submit(
            unit=big, answers=dict.fromkeys(ELEMENTS, value), profile={}, fingerprint=str(device)
        )
    skm_response_submit(unit=world.medan_puskesmas, answers=dict.fromkeys(ELEMENTS, 4), profile={})
    rows = {
        r["unit_name"]: r
        for r in api_as(alice).get("/api/v1/skm/results/", {"period": "2026-05"}).json()["items"]
    }
    # Hand count: every element's NRR = (4+4+3+3+2)/5 = 3.2; IKM = 3.2; NIK = 3.2 x 25 = 80.00 (B).
    assert rows["Puskesmas Besar"]["ikm"] == pytest.approx(3.2)
    assert rows["Puskesmas Besar"]["nik"] == pytest.approx(80.0)
    assert rows["Puskesmas Besar"]["grade"] == "B"
    small = rows["Puskesmas Padang Bulan"]
    assert small["respondents"] == 1 and small["suppressed"] and small["ikm"] is None
    assert small["nrr"] == {}
    assert api_as(bob).get("/api/v1/skm/results/", {"period": "2026-05"}).json()["count"] == 0
