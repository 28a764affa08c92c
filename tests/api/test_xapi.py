"""xAPI statements become attendance, completion and JP for the right employee — once."""

import datetime as dt
from decimal import Decimal

import pytest

from sieva.api.models import ActivityMapping, LearningStatement, StatementOutcome
from sieva.api.xapi.statements import parse_duration
from sieva.org.access import user_access
from sieva.programs.models import Attendance, Enrollment, EnrollmentStatus
from sieva.programs.selectors.jp import employees_in_scope, jp_compliance
from tests.api.xapi_helpers import statement
from tests.factories import CohortFactory, EmployeeFactory, ProgramFactory, SessionFactory

URL = "/api/v1/xapi/statements"
MODULE = "https://lms.example.go.id/mod/scorm/view.php?id=7"
COURSE = "https://lms.example.go.id/course/view.php?id=3"


@pytest.fixture
def course(world):
    """A self-paced Medan program: one cohort with two modules of 3 and 5 JP in March 2026."""
    program = ProgramFactory(owner=world.medan, name="Layanan Prima Daring")
    cohort = CohortFactory(program=program, start_date=dt.date(2026, 3, 2), status="berjalan")
    first = SessionFactory(cohort=cohort, date=dt.date(2026, 3, 2), jp=Decimal("3"))
    second = SessionFactory(cohort=cohort, date=dt.date(2026, 3, 4), jp=Decimal("5"))
    ActivityMapping.objects.create(
        owner=world.medan, activity_id=MODULE, cohort=cohort, session=first
    )
    ActivityMapping.objects.create(owner=world.medan, activity_id=COURSE, cohort=cohort)
    return cohort, first, second


def _jp(alice, person, year=2026) -> Decimal:
    records = jp_compliance(employees_in_scope(user_access(alice)).filter(pk=person.pk), year)
    return records[0].jp


def test_a_completed_module_enrols_and_earns_its_sessions_jp(api_as, olga, alice, world, course):
    cohort, first, _second = course
    person = EmployeeFactory(unit=world.medan_health)
    response = api_as(olga, "write").post(
        URL,
        [statement(person.nip, MODULE, duration="PT1H30M", score={"raw": 80, "max": 100})],
    )
    assert response.status_code == 200, response.json()
    assert response["X-Sieva-Applied"] == "1"
    enrollment = Enrollment.objects.get(cohort=cohort, employee=person)
    assert enrollment.status == EnrollmentStatus.ATTENDING
    assert list(enrollment.attendances.values_list("session_id", flat=True)) == [first.pk]
    assert _jp(alice, person) == Decimal("3")  # the 20 JP report's own count
    stored = LearningStatement.objects.get()
    assert (stored.duration_seconds, stored.score_scaled) == (5400, pytest.approx(0.8))


def test_the_same_statement_twice_counts_once(api_as, olga, alice, world, course):
    person = EmployeeFactory(unit=world.medan_health)
    body = statement(person.nip, MODULE)
    api = api_as(olga, "write")
    assert api.post(URL, body).json() == [body["id"]]
    again = api.post(URL, [body, body])
    assert again.status_code == 200 and again["X-Sieva-Duplicates"] == "2"
    assert LearningStatement.objects.count() == 1
    assert _jp(alice, person) == Decimal("3")


def test_a_course_completion_and_a_module_completion_never_double_count(
    api_as, olga, alice, world, course
):
    cohort, first, second = course
    person = EmployeeFactory(unit=world.medan_health)
    api = api_as(olga, "write")
    api.post(URL, [statement(person.nip, MODULE), statement(person.nip, COURSE, "passed")])
    enrollment = Enrollment.objects.get(cohort=cohort, employee=person)
    assert enrollment.status == EnrollmentStatus.PASSED
    assert set(enrollment.attendances.values_list("session_id", flat=True)) == {first.pk, second.pk}
    assert _jp(alice, person) == Decimal("8")  # 3 + 5, the shared module once


def test_a_failed_course_is_tidak_lulus_only_with_attendance_behind_it(api_as, olga, world, course):
    cohort, *_ = course
    came, absent = (
        EmployeeFactory(unit=world.medan_health),
        EmployeeFactory(unit=world.medan_health),
    )
    api_as(olga, "write").post(
        URL,
        [
            statement(came.nip, MODULE),
            statement(came.nip, COURSE, "failed"),
            statement(absent.nip, COURSE, "failed"),
        ],
    )
    assert Enrollment.objects.get(cohort=cohort, employee=came).status == EnrollmentStatus.FAILED
    assert (
        Enrollment.objects.get(cohort=cohort, employee=absent).status == EnrollmentStatus.REGISTERED
    )


def test_an_unknown_activity_waits_as_pending(api_as, olga, world, course):
    person = EmployeeFactory(unit=world.medan_health)
    response = api_as(olga, "write").post(URL, statement(person.nip, "https://lms/other"))
    assert response["X-Sieva-Pending"] == "1"
    mapping = ActivityMapping.objects.get(activity_id="https://lms/other")
    assert mapping.is_pending and mapping.owner == world.medan
    assert mapping.statements.get().outcome == StatementOutcome.PENDING
    assert not Attendance.objects.exists()


def test_other_verbs_are_acknowledged_and_not_kept(api_as, olga, world, course):
    person = EmployeeFactory(unit=world.medan_health)
    response = api_as(olga, "write").post(URL, statement(person.nip, MODULE, "launched"))
    assert response.status_code == 200 and response["X-Sieva-Ignored"] == "1"
    assert not LearningStatement.objects.exists()


def test_one_unknown_nip_rejects_the_whole_batch_naming_its_position(api_as, olga, world, course):
    person = EmployeeFactory(unit=world.medan_health)
    stranger = EmployeeFactory(unit=world.palembang_health)
    response = api_as(olga, "write").post(
        URL, [statement(person.nip, MODULE), statement(stranger.nip, MODULE)]
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.data.1.actor.account.name"
    assert not LearningStatement.objects.exists() and not Attendance.objects.exists()


def test_an_mbox_actor_and_a_bad_duration_are_named(api_as, olga, world, course):
    body = statement("x", MODULE, duration="1 jam")
    body["actor"] = {"mbox": "mailto:ani@example.go.id"}
    response = api_as(olga, "write").post(URL, body)
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {"body.data.actor.account.name", "body.data.result.duration"}


def test_a_future_session_rejects_the_statement(api_as, olga, world, course, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC))
    person = EmployeeFactory(unit=world.medan_health)
    response = api_as(olga, "write").post(URL, [statement(person.nip, MODULE)])
    assert response.status_code == 422
    assert "baru berlangsung" in response.json()["errors"][0]["message"]


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("PT1H30M", 5400), ("PT45M10.5S", 2710), ("P1DT2H", 93600), ("P1W", 604800), ("PT0S", 0)],
)
def test_iso_8601_durations(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["P", "PT", "1H", "PT1X", ""])
def test_malformed_durations_are_refused(text):
    with pytest.raises(ValueError):
        parse_duration(text)
