import pytest

from sieva.programs.models import Attendance, Enrollment, EnrollmentStatus
from sieva.programs.selectors.participation import funnel_by, funnel_total
from tests.factories import CohortFactory, EnrollmentFactory, SessionFactory

pytestmark = pytest.mark.django_db


def _cohort_with(statuses_and_attendance):
    cohort = CohortFactory()
    session = SessionFactory(cohort=cohort)
    for status, attended in statuses_and_attendance:
        enrollment = EnrollmentFactory(cohort=cohort, status=status)
        if attended:
            Attendance.objects.create(session=session, enrollment=enrollment)
    return cohort


def test_it_counts_each_stage_of_the_funnel():
    cohort = _cohort_with(
        [
            (EnrollmentStatus.INVITED, False),
            (EnrollmentStatus.WITHDRAWN, False),
            (EnrollmentStatus.REGISTERED, False),
            (EnrollmentStatus.ATTENDING, True),
            (EnrollmentStatus.PASSED, True),
            (EnrollmentStatus.FAILED, True),
        ]
    )
    funnel = funnel_total(Enrollment.objects.filter(cohort=cohort))
    assert (funnel.invited, funnel.registered, funnel.attended, funnel.completed) == (6, 4, 3, 1)
    assert funnel.withdrawn == 1
    assert funnel.participation_rate == pytest.approx(3 / 6)
    assert funnel.completion_rate == pytest.approx(1 / 3)


def test_two_sessions_attended_count_the_person_once():
    cohort = CohortFactory()
    first, second = SessionFactory(cohort=cohort), SessionFactory(cohort=cohort)
    enrollment = EnrollmentFactory(cohort=cohort, status=EnrollmentStatus.PASSED)
    Attendance.objects.create(session=first, enrollment=enrollment)
    Attendance.objects.create(session=second, enrollment=enrollment)
    assert funnel_total(Enrollment.objects.filter(cohort=cohort)).attended == 1


def test_an_empty_cohort_has_no_rate_rather_than_zero():
    funnel = funnel_total(Enrollment.objects.filter(cohort=CohortFactory()))
    assert funnel.invited == 0
    assert funnel.participation_rate is None
    assert funnel.completion_rate is None


def test_it_groups_per_cohort_in_one_query(django_assert_num_queries):
    a = _cohort_with([(EnrollmentStatus.PASSED, True), (EnrollmentStatus.INVITED, False)])
    b = _cohort_with([(EnrollmentStatus.PASSED, True)])
    with django_assert_num_queries(1):
        rows = {key["cohort_id"]: f for key, f in funnel_by(Enrollment.objects.all(), "cohort_id")}
    assert rows[a.pk].participation_rate == pytest.approx(0.5)
    assert rows[b.pk].participation_rate == pytest.approx(1.0)
