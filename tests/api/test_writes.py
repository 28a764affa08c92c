"""Write endpoints: the owning services' rules hold; a read token cannot write."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from sieva.audit.models import AuditEvent
from sieva.instruments.campaigns.services import campaign_create, invitations_issue
from sieva.instruments.models import Response
from sieva.org.models import OrgKind
from sieva.programs.models import Attendance, Enrollment
from sieva.satisfaction.elements import ELEMENTS
from sieva.satisfaction.models import SkmResponse, SkmUnitPeriod
from tests.factories import (
    CohortFactory,
    EmployeeFactory,
    EnrollmentFactory,
    OrgUnitFactory,
    ProgramFactory,
    SessionFactory,
)
from tests.instruments.campaign_setup import published_version
from tests.instruments.conftest import VALID_ANSWERS


def _cohort(world):
    program = ProgramFactory(owner=world.medan)
    return CohortFactory(program=program, start_date=dt.date(2026, 3, 2), status="berjalan")


def test_an_organiser_enrols_by_nip_marks_attendance_and_passes(api_as, olga, world):
    cohort = _cohort(world)
    session = SessionFactory(cohort=cohort, jp=Decimal("8"))
    person = EmployeeFactory(unit=world.medan_health)
    api = api_as(olga, "write")
    created = api.post("/api/v1/enrollments/", {"cohort_id": cohort.pk, "nip": person.nip})
    assert created.status_code == 201, created.json()
    enrollment_id = created.json()["id"]
    assert created.json()["status"] == "diundang"
    attended = api.send(
        "PUT", "/api/v1/attendance/", {"session_id": session.pk, "enrollment_id": enrollment_id}
    )
    assert attended.status_code == 200 and attended.json()["status"] == "hadir"
    passed = api.send("PATCH", f"/api/v1/enrollments/{enrollment_id}/", {"status": "lulus"})
    assert passed.json()["status"] == "lulus"
    assert Attendance.objects.filter(enrollment_id=enrollment_id).count() == 1
    assert AuditEvent.objects.filter(actor=olga, action="attendance.set").exists()


def test_a_service_rule_comes_back_as_a_422_with_its_message(api_as, olga, world):
    cohort = _cohort(world)
    enrollment = EnrollmentFactory(cohort=cohort, employee=EmployeeFactory(unit=world.medan_health))
    response = api_as(olga, "write").send(
        "PATCH", f"/api/v1/enrollments/{enrollment.pk}/", {"status": "mengundurkan_diri"}
    )
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid"
    assert body["errors"] == [
        {"field": "absence_reason", "message": "Alasan wajib diisi bila peserta mengundurkan diri."}
    ]


def test_an_nip_of_another_instansi_is_reported_as_unknown(api_as, olga, world):
    cohort = _cohort(world)
    stranger = EmployeeFactory(unit=world.palembang_health)
    response = api_as(olga, "write").post(
        "/api/v1/enrollments/", {"cohort_id": cohort.pk, "nip": stranger.nip}
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.data.nip"
    assert not Enrollment.objects.exists()


def test_a_read_token_cannot_write(api_as, olga, world):
    cohort = _cohort(world)
    person = EmployeeFactory(unit=world.medan_health)
    response = api_as(olga, "read").post(
        "/api/v1/enrollments/", {"cohort_id": cohort.pk, "nip": person.nip}
    )
    assert response.status_code == 403
    assert response.json()["code"] == "token_scope"
    assert not Enrollment.objects.exists()


def test_a_leaders_write_token_is_still_refused_by_the_role(api_as, lina, world):
    cohort = _cohort(world)
    person = EmployeeFactory(unit=world.medan_health)
    response = api_as(lina, "write").post(
        "/api/v1/enrollments/", {"cohort_id": cohort.pk, "nip": person.nip}
    )
    assert response.status_code == 403


def test_a_response_is_stored_for_an_invited_participant(api_as, olga, world):
    cohort = _cohort(world)
    person = EmployeeFactory(unit=world.medan_health)
    EnrollmentFactory(cohort=cohort, employee=person, status="lulus")
    now = timezone.now()
    campaign = campaign_create(
        actor=None,
        access=None,
        version=published_version(world.medan),
        cohort=cohort,
        opens_at=now - dt.timedelta(days=1),
        closes_at=now + dt.timedelta(days=7),
    )
    invitations_issue(actor=None, campaign=campaign)
    api = api_as(olga, "write")
    url = f"/api/v1/campaigns/{campaign.pk}/responses/"
    first = api.post(url, {"respondent_nip": person.nip, "answers": VALID_ANSWERS})
    assert first.status_code == 201, first.json()
    again = api.post(url, {"respondent_nip": person.nip, "answers": VALID_ANSWERS})
    assert again.status_code == 409 and again.json()["code"] == "not_open"
    assert Response.objects.filter(campaign=campaign).count() == 1


def test_an_skm_submission_is_folded_into_the_aggregates(api_as, olga, bob, world):
    unit = OrgUnitFactory(kind=OrgKind.SERVICE_UNIT, parent=world.medan_health)
    body = {"unit_id": unit.pk, "answers": dict.fromkeys(ELEMENTS, 3), "respondent_ref": "k-1"}
    api = api_as(olga, "write")
    assert api.post("/api/v1/skm/submissions/", body).status_code == 201
    assert api.post("/api/v1/skm/submissions/", body).status_code == 409  # same key, same answers
    assert SkmResponse.objects.count() == 1
    assert SkmUnitPeriod.objects.get(unit=unit).respondents == 1
    bad = api.post("/api/v1/skm/submissions/", {**body, "answers": {"waktu": 5}})
    assert bad.status_code == 422
    assert {e["field"] for e in bad.json()["errors"]} >= {"body.data.waktu", "body.data.biaya"}
    assert api_as(bob, "write").post("/api/v1/skm/submissions/", body).status_code == 404
