import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from sieva.audit.models import AuditEvent
from sieva.development.models import (
    Competency,
    CompetencyAssessment,
    JobStandard,
    JobStandardLevel,
    ProgramCompetency,
    TalentPlacement,
)
from sieva.development.selectors.careers import person_gaps, program_gap_closure
from sieva.development.selectors.talent import readiness, succession
from sieva.development.services import careers as services
from sieva.org.access import user_access
from sieva.programs.models import EnrollmentStatus
from tests.evaluation.factories import attend
from tests.factories import (
    CohortFactory,
    EmployeeFactory,
    EnrollmentFactory,
    ProgramFactory,
    SessionFactory,
    user_with_role,
)

TODAY = dt.date(2026, 11, 1)


@pytest.fixture
def standard(world):
    """Perawat in Pemerintah Kota Medan: Komunikasi 3, Pelayanan publik 3."""
    job = JobStandard.objects.create(owner=world.medan, position_name="Perawat")
    for code in ("M3", "M5"):
        JobStandardLevel.objects.create(
            standard=job, competency=Competency.objects.get(code=code), required_level=3
        )
    return job


def _assess(employee, code, level, day):
    CompetencyAssessment.objects.create(
        employee=employee,
        competency=Competency.objects.get(code=code),
        level=level,
        assessed_on=day,
        source="assessment_center",
    )


def test_the_predikat_follows_the_appraisal_matrix(pia_employee):
    a = services.appraisal_set(
        actor=None, employee=pia_employee, year=2025, hasil_kerja="di_atas", perilaku="di_bawah"
    )
    assert a.predikat == "poor"  # Kurang  # PermenPANRB 6/2022: results above, behaviour below
    a = services.appraisal_set(
        actor=None, employee=pia_employee, year=2025, hasil_kerja="di_atas", perilaku="di_atas"
    )
    assert a.predikat == "very_good"  # Sangat Baik


def test_the_nine_box_uses_predikat_and_potential_and_keeps_its_evidence(pia_employee):
    services.appraisal_set(
        actor=None, employee=pia_employee, year=2025, hasil_kerja="sesuai", perilaku="sesuai"
    )
    services.potential_set(actor=None, employee=pia_employee, year=2025, score=Decimal(85))
    placement = services.talent_place(actor=None, employee=pia_employee, year=2025)
    # Baik -> kinerja Sesuai; potential 85 > 80 -> Tinggi: box 8 (PermenPANRB 3/2020).
    assert placement.box == 8
    assert placement.evidence["predikat"] == "good" and placement.evidence["potensial"] == "85.00"
    services.potential_set(actor=None, employee=pia_employee, year=2025, score=Decimal(50))
    services.talent_place(actor=None, employee=pia_employee, year=2025)
    event = AuditEvent.objects.filter(action="career.talent_place").latest("pk")
    assert event.changes["box"] == [8, 2]


def test_gaps_and_the_idp_name_the_program_that_closes_them(world, standard, pia_employee):
    program = ProgramFactory(owner=world.medan, name="Komunikasi Efektif")
    ProgramCompetency.objects.create(program=program, competency=Competency.objects.get(code="M3"))
    cohort = CohortFactory(
        program=program, start_date=dt.date(2026, 3, 2), end_date=dt.date(2026, 3, 6)
    )
    alumni = [EmployeeFactory(unit=world.medan_health, position_name="Perawat") for _ in range(3)]
    for person in alumni:
        EnrollmentFactory(cohort=cohort, employee=person, status=EnrollmentStatus.PASSED)
        _assess(person, "M3", 1, dt.date(2026, 2, 1))
        _assess(person, "M3", 3, dt.date(2026, 6, 1))
    closure = program_gap_closure(program)
    # Three alumni, gap 2 before and 0 after each: closure (6 − 0)/6 = 100 %.
    assert closure.participants == 3 and closure.closure.rate == 1.0
    _assess(pia_employee, "M3", 2, dt.date(2026, 5, 1))
    _assess(pia_employee, "M5", 3, dt.date(2026, 5, 1))
    job, gaps = person_gaps(pia_employee)
    assert job == standard
    assert {g.competency.code: g.gap for g in gaps} == {"M3": 1, "M5": 0}
    plan = services.idp_fill(actor=None, employee=pia_employee, year=2026)
    (item,) = plan.items.all()
    assert item.program == program and "100 %" in item.activity
    services.idp_fill(actor=None, employee=pia_employee, year=2026)
    assert plan.items.count() == 1  # filling again adds nothing twice


def test_readiness_is_explained_by_its_evidence(pia_employee, standard):
    for year in (2024, 2025):
        services.appraisal_set(
            actor=None, employee=pia_employee, year=year, hasil_kerja="sesuai", perilaku="sesuai"
        )
    cohort = EnrollmentFactory(employee=pia_employee, status=EnrollmentStatus.PASSED).cohort
    SessionFactory(cohort=cohort, date=dt.date(2025, 5, 5), jp=Decimal(20))
    attend(cohort.enrollments.get(), cohort.sessions.get())  # keeps the JP store (0067)
    training, promotion = readiness(pia_employee, TODAY)
    assert [e.ok for e in promotion.evidence] == [True, True, False]  # competence not assessed
    assert not promotion.ready
    assert "2024: Baik, 2025: Baik" in promotion.evidence[1].detail
    assert not training.ready  # no assessment result yet


def test_a_person_sees_their_record_but_not_their_talent_box(client, pia, pia_employee):
    services.appraisal_set(
        actor=None, employee=pia_employee, year=2025, hasil_kerja="sesuai", perilaku="sesuai"
    )
    services.potential_set(actor=None, employee=pia_employee, year=2025, score=Decimal(85))
    services.talent_place(actor=None, employee=pia_employee, year=2025)
    client.force_login(pia)
    page = client.get(reverse("development:person", args=[pia_employee.pk])).content.decode()
    assert "Catatan pengembangan Pia Lestari" in page
    assert "Manajemen talenta" not in page and "kotak 8" not in page
    assert client.get(reverse("development:talent")).status_code == 403


def test_the_supervisor_line_and_admins_may_open_a_record_colleagues_may_not(
    client, world, adi_user, alice, bob, pia_employee
):
    colleague = user_with_role(
        "rekan", "peserta", world.medan_health, employee=EmployeeFactory(unit=world.medan_health)
    )
    url = reverse("development:person", args=[pia_employee.pk])
    for user, status in ((adi_user, 200), (alice, 200), (colleague, 404), (bob, 404)):
        client.force_login(user)
        assert client.get(url).status_code == status, user.username
    client.force_login(alice)
    assert "Manajemen talenta" in client.get(url).content.decode()


def test_the_supervisor_records_the_appraisal_of_direct_staff(client, adi_user, pia_employee):
    client.force_login(adi_user)
    response = client.post(
        reverse("development:appraisal_set", args=[pia_employee.pk]),
        {"year": "2025", "hasil_kerja": "di_atas", "perilaku": "sesuai"},
    )
    assert response.status_code == 302
    assert pia_employee.appraisals.get(year=2025).predikat == "good"


def test_succession_lists_top_box_staff_meeting_the_rules(world, alice, pia_employee):
    key = JobStandard.objects.create(
        owner=world.medan, position_name="Kepala Puskesmas", is_key_position=True
    )
    JobStandardLevel.objects.create(
        standard=key, competency=Competency.objects.get(code="M8"), required_level=3
    )
    for year in (2024, 2025):
        services.appraisal_set(
            actor=None, employee=pia_employee, year=year, hasil_kerja="di_atas", perilaku="di_atas"
        )
    services.potential_set(actor=None, employee=pia_employee, year=2025, score=Decimal(90))
    services.talent_place(actor=None, employee=pia_employee, year=2025)
    cohort = EnrollmentFactory(employee=pia_employee, status=EnrollmentStatus.PASSED).cohort
    SessionFactory(cohort=cohort, date=dt.date(2025, 5, 5), jp=Decimal(20))
    attend(cohort.enrollments.get(), cohort.sessions.get())  # keeps the JP store (0067)
    _assess(pia_employee, "M8", 2, dt.date(2025, 9, 1))
    (position,) = succession(user_access(alice), 2025)
    (candidate,) = position.candidates
    assert candidate.employee == pia_employee and candidate.box == 9 and candidate.gap == 1
    assert TalentPlacement.objects.count() == 1
