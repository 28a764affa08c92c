"""The program services on their own: the rules the pages rely on (decision 0004)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from sieva.org.access import user_access
from sieva.programs import services
from sieva.programs.models import (
    AbsenceReason,
    Attendance,
    BudgetLine,
    CohortStatus,
    Enrollment,
    EnrollmentStatus,
)
from tests.factories import CohortFactory, EmployeeFactory, EnrollmentFactory

pytestmark = pytest.mark.django_db
S, E = CohortStatus, EnrollmentStatus


def _messages(exc_info) -> str:
    return " ".join(exc_info.value.messages)


def test_parse_nips_splits_on_lines_commas_and_spaced_nips():
    text = "198609262015051001, 19860926 201505 1 002\n\n199001012015011003 199001012015011004;abc"
    nips, invalid = services.parse_nips(text)
    assert nips == [
        "198609262015051001", "198609262015051002", "199001012015011003", "199001012015011004"
    ]  # fmt: skip
    assert invalid == ["abc"]
    assert services.parse_nips("198609262015051001\n198609262015051001") == (
        ["198609262015051001"], []
    )  # fmt: skip


@pytest.mark.parametrize(
    ("old", "new", "allowed"),
    [
        (S.PLANNED, S.OPEN, True),
        (S.OPEN, S.RUNNING, True),
        (S.RUNNING, S.FINISHED, True),
        (S.FINISHED, S.RUNNING, True),
        (S.CANCELLED, S.PLANNED, True),
        (S.PLANNED, S.FINISHED, False),
        (S.FINISHED, S.CANCELLED, False),
        (S.CANCELLED, S.RUNNING, False),
    ],
)
def test_cohort_statuses_follow_the_lifecycle(alice, medan, old, new, allowed):
    cohort = CohortFactory(
        program=medan.program,
        status=old,
        start_date=dt.date(2026, 5, 4),
        end_date=dt.date(2026, 5, 8),
    )
    fields = {"name": cohort.name, "start_date": cohort.start_date, "end_date": cohort.end_date,
              "capacity": 30}  # fmt: skip
    if allowed:
        assert (
            services.cohort_update(actor=alice, cohort=cohort, status=new, **fields).status == new
        )
    else:
        with pytest.raises(ValidationError, match="tidak dapat diubah"):
            services.cohort_update(actor=alice, cohort=cohort, status=new, **fields)


def test_capacity_cannot_fall_below_the_seats_taken(alice, medan):
    with pytest.raises(ValidationError) as exc:
        services.cohort_update(
            actor=alice, cohort=medan.cohort, name="Angkatan I", start_date=medan.cohort.start_date,
            end_date=medan.cohort.end_date, capacity=2, status=S.RUNNING,
        )  # fmt: skip
    assert "kurang dari 3" in _messages(exc)


def test_a_full_cohort_takes_nobody_more(alice, medan):
    medan.cohort.capacity = 3
    medan.cohort.save()
    with pytest.raises(ValidationError, match="tersisa 0 kursi"):
        services.enrollment_add(
            actor=alice, access=user_access(alice), cohort=medan.cohort, employee=medan.dodi
        )


def test_a_withdrawn_participant_frees_a_seat_and_needs_it_back_to_return(alice, medan):
    medan.cohort.capacity = 3
    medan.cohort.save()
    services.enrollment_set_status(
        actor=alice,
        enrollment=medan.e_citra,
        status=E.WITHDRAWN,
        absence_reason=AbsenceReason.LEAVE,
    )
    services.enrollment_add(
        actor=alice, access=user_access(alice), cohort=medan.cohort, employee=medan.dodi
    )
    with pytest.raises(ValidationError, match="Kapasitas"):
        services.enrollment_set_status(actor=alice, enrollment=medan.e_citra, status=E.INVITED)


def test_only_active_staff_of_the_program_owner_can_be_enrolled(alice, world, medan):
    access = user_access(alice)
    medan.program.owner = world.medan_health
    medan.program.save()
    outsider = EmployeeFactory(name="Orang Dishub", unit=world.medan_transport)
    retired = EmployeeFactory(name="Pensiunan", unit=world.medan_health, is_active=False)
    with pytest.raises(ValidationError, match="bukan pegawai Dinas Kesehatan"):
        services.enrollment_add(actor=alice, access=access, cohort=medan.cohort, employee=outsider)
    with pytest.raises(ValidationError, match="tidak lagi berstatus aktif"):
        services.enrollment_add(actor=alice, access=access, cohort=medan.cohort, employee=retired)
    with pytest.raises(ValidationError, match="sudah menjadi peserta"):
        services.enrollment_add(actor=alice, access=access, cohort=medan.cohort, employee=medan.ani)


def test_a_bulk_add_reports_each_kind_of_bad_nip(alice, world, medan, palembang):
    retired = EmployeeFactory(unit=world.medan_health, is_active=False)
    nips = "\n".join([medan.dodi.nip, retired.nip, palembang.employee.nip])
    with pytest.raises(services.BulkEnrollmentError) as exc:
        services.enrollments_add_bulk(
            actor=alice, access=user_access(alice), cohort=medan.cohort, nips=nips
        )
    assert exc.value.not_found == [palembang.employee.nip]
    assert exc.value.inactive == [retired.nip]
    assert not Enrollment.objects.filter(employee=medan.dodi).exists()


def test_attendance_moves_status_forward_and_back(alice, medan):
    enrollment = services.attendance_set(
        actor=alice, session=medan.s1, enrollment=medan.e_budi, present=True
    )
    assert enrollment.status == E.ATTENDING
    services.attendance_set(actor=alice, session=medan.s2, enrollment=medan.e_budi, present=True)
    services.attendance_set(actor=alice, session=medan.s1, enrollment=medan.e_budi, present=False)
    assert Enrollment.objects.get(pk=medan.e_budi.pk).status == E.ATTENDING
    services.attendance_set(actor=alice, session=medan.s2, enrollment=medan.e_budi, present=False)
    assert Enrollment.objects.get(pk=medan.e_budi.pk).status == E.REGISTERED


def test_the_last_attendance_of_a_passed_participant_stays(alice, medan):
    services.attendance_set(actor=alice, session=medan.s1, enrollment=medan.e_ani, present=True)
    services.enrollment_set_status(actor=alice, enrollment=medan.e_ani, status=E.PASSED)
    with pytest.raises(ValidationError, match="kehadiran terakhir"):
        services.attendance_set(
            actor=alice, session=medan.s1, enrollment=medan.e_ani, present=False
        )
    assert Attendance.objects.count() == 1


def test_a_cancelled_cohort_takes_no_attendance_sessions_or_participants(alice, medan):
    medan.cohort.status = S.CANCELLED
    medan.cohort.save()
    with pytest.raises(ValidationError, match="dibatalkan"):
        services.attendance_set(actor=alice, session=medan.s1, enrollment=medan.e_ani, present=True)
    with pytest.raises(ValidationError, match="dibatalkan"):
        services.session_create(
            actor=alice, cohort=medan.cohort, title="X", date=medan.cohort.start_date, jp=Decimal(2)
        )
    with pytest.raises(ValidationError, match="dibatalkan"):
        services.enrollment_add(
            actor=alice, access=user_access(alice), cohort=medan.cohort, employee=medan.dodi
        )


def test_the_owner_cannot_move_away_from_enrolled_participants(alice, world, medan):
    fields = {"code": "PPP-01", "name": "Pelatihan Pelayanan Publik", "kind": "pelatihan",
              "mode": "klasikal"}  # fmt: skip
    with pytest.raises(ValidationError, match="1 peserta"):
        services.program_update(
            actor=alice, access=user_access(alice), program=medan.program,
            owner=world.medan_health, **fields,
        )  # fmt: skip


def test_a_budget_line_is_replaced_per_category_in_whole_rupiah(alice, medan):
    services.budget_line_set(
        actor=alice, cohort=medan.cohort, category="penyelenggaraan",
        planned=Decimal(12_000_000), realised=Decimal(11_000_000),
    )  # fmt: skip
    assert BudgetLine.objects.get(cohort=medan.cohort).planned == 12_000_000
    with pytest.raises(ValidationError, match="bilangan bulat"):
        services.budget_line_set(
            actor=alice, cohort=medan.cohort, category="evaluasi",
            planned=Decimal("100.5"), realised=Decimal(0),
        )  # fmt: skip


def test_a_place_in_another_cohort_does_not_stop_an_enrollment(alice, world, medan):
    EnrollmentFactory(cohort=CohortFactory(), employee=medan.dodi)
    enrollment = services.enrollment_add(
        actor=alice, access=user_access(alice), cohort=medan.cohort, employee=medan.dodi
    )
    assert enrollment.status == E.INVITED
