"""The LMS page: mapping a pending activity releases its statements; the completion report
imports through the same mapping, all or nothing, idempotent on re-upload."""

import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sieva.api.models import ActivityMapping, LearningStatement, StatementOutcome
from sieva.programs.models import Attendance, Enrollment, EnrollmentStatus
from tests.api.xapi_helpers import statement
from tests.factories import CohortFactory, EmployeeFactory, ProgramFactory, SessionFactory

ACTIVITY = "https://mooc.asn.go.id/course/77"


@pytest.fixture
def cohort(world):
    program = ProgramFactory(owner=world.medan, name="Literasi Digital")
    cohort = CohortFactory(program=program, start_date=dt.date(2026, 3, 2), status="berjalan")
    SessionFactory(cohort=cohort, date=dt.date(2026, 3, 2), jp=Decimal("6"))
    return cohort


def test_mapping_a_pending_activity_applies_what_waited(client, api_as, olga, world, cohort):
    person = EmployeeFactory(unit=world.medan_health)
    api_as(olga, "write").post("/api/v1/xapi/statements", statement(person.nip, ACTIVITY, "passed"))
    mapping = ActivityMapping.objects.get(activity_id=ACTIVITY)
    client.force_login(olga)
    listing = client.get(reverse("lms:mapping_list")).content.decode()
    assert ACTIVITY in listing and "Belum dipetakan" in listing
    page = client.post(
        reverse("lms:mapping_edit", kwargs={"pk": mapping.pk}),
        {"activity_name": "MOOC Literasi", "cohort": cohort.pk, "session": ""},
    )
    assert page.status_code == 302
    enrollment = Enrollment.objects.get(cohort=cohort, employee=person)
    assert enrollment.status == EnrollmentStatus.PASSED
    assert Attendance.objects.filter(enrollment=enrollment).count() == 1
    assert LearningStatement.objects.get().outcome == StatementOutcome.APPLIED


def test_another_instansis_mapping_is_a_404(client, api_as, olga, bob, world, cohort):
    mapping = ActivityMapping.objects.create(owner=world.medan, activity_id=ACTIVITY)
    client.force_login(bob)
    assert client.get(reverse("lms:mapping_edit", kwargs={"pk": mapping.pk})).status_code == 404
    assert ACTIVITY not in client.get(reverse("lms:mapping_list")).content.decode()


def test_a_session_of_another_cohort_is_refused(client, olga, world, cohort):
    other = SessionFactory(cohort=CohortFactory(program=cohort.program))
    client.force_login(olga)
    page = client.post(
        reverse("lms:mapping_list"),
        {"activity_id": ACTIVITY, "cohort": cohort.pk, "session": other.pk},
    )
    assert "Sesi itu bukan bagian dari angkatan yang dipilih." in page.content.decode()
    assert not ActivityMapping.objects.exists()


def _xlsx(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_completion_report_imports_once_however_often_it_is_uploaded(client, olga, world, cohort):
    ActivityMapping.objects.create(owner=world.medan, activity_id=ACTIVITY, cohort=cohort)
    people = [EmployeeFactory(unit=world.medan_health) for _ in range(2)]
    content = _xlsx(
        [
            ["NIP", "ID Aktivitas", "Status", "Tanggal", "Durasi menit", "Nilai"],
            [people[0].nip, ACTIVITY, "lulus", dt.date(2026, 3, 5), 270, 88],
            [people[1].nip, ACTIVITY, "Tidak Lulus", dt.date(2026, 3, 5), "", ""],
        ]
    )
    client.force_login(olga)
    for _attempt in range(2):
        upload = SimpleUploadedFile("laporan.xlsx", content)
        response = client.post(reverse("lms:completion_import"), {"file": upload})
        assert response.status_code == 302
    assert LearningStatement.objects.count() == 2
    passed = Enrollment.objects.get(employee=people[0])
    assert passed.status == EnrollmentStatus.PASSED
    assert LearningStatement.objects.get(employee=people[0]).score_scaled == pytest.approx(0.88)
    assert Enrollment.objects.get(employee=people[1]).status == EnrollmentStatus.REGISTERED


def test_a_report_with_a_bad_row_saves_nothing_and_names_row_and_column(
    client, olga, world, cohort
):
    ActivityMapping.objects.create(owner=world.medan, activity_id=ACTIVITY, cohort=cohort)
    good = EmployeeFactory(unit=world.medan_health)
    stranger = EmployeeFactory(unit=world.palembang_health)
    csv = (
        "NIP;ID_AKTIVITAS;STATUS;TANGGAL\n"
        f"{good.nip};{ACTIVITY};selesai;05/03/2026\n"
        f"{good.nip};{ACTIVITY};dibaca;05/03/2026\n"
        f"{stranger.nip};{ACTIVITY};selesai;05/03/2026\n"
    ).encode()
    client.force_login(olga)
    page = client.post(reverse("lms:completion_import"), {"file": SimpleUploadedFile("l.csv", csv)})
    errors = page.context["result"].errors
    assert errors == [
        (
            3,
            "STATUS",
            "Status “dibaca” tidak dikenal; tulis selesai, lulus, tidak lulus atau hadir.",
        )
    ]
    csv = csv.replace(b"dibaca", b"hadir")
    page = client.post(reverse("lms:completion_import"), {"file": SimpleUploadedFile("l.csv", csv)})
    assert page.context["result"].errors == [
        (4, "NIP", f"NIP {stranger.nip} tidak ditemukan dalam cakupan Anda.")
    ]
    assert not LearningStatement.objects.exists() and not Enrollment.objects.exists()
