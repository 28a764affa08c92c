"""The participant's and supervisor's workspaces, learning from elsewhere into JP, nominations,
certificates with their public verification."""

import datetime as dt
import subprocess
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from sieva.development.models import Certificate, ExternalLearning, Nomination, ReviewStatus
from sieva.development.services.learning import (
    external_learning_review,
    external_learning_submit,
)
from sieva.development.services.nominations import nomination_create
from sieva.instruments.campaigns.services import campaign_create
from sieva.org.models import Employee
from sieva.programs.models import CohortStatus, Enrollment, EnrollmentStatus
from sieva.programs.selectors.jp import jp_per_employee
from sieva.programs.selectors.participation import funnel_total
from tests.factories import (
    CohortFactory,
    EmployeeFactory,
    EnrollmentFactory,
    ProgramFactory,
    SessionFactory,
)
from tests.instruments.campaign_setup import published_version

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _pdf(name="sertifikat.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def _submit(employee, **overrides):
    data = {
        "actor": None,
        "employee": employee,
        "title": "Kursus Analisis Data",
        "provider": "Coursera",
        "kind": "e_learning",
        "started_on": dt.date(2026, 3, 1),
        "ended_on": dt.date(2026, 3, 20),
        "jp": Decimal("6"),
        "evidence": _pdf(),
        "today": dt.date(2026, 4, 1),
    }
    return external_learning_submit(**{**data, **overrides})


def test_approved_learning_counts_in_jp_and_the_funnel_exactly_once(pia_employee):
    record = _submit(pia_employee)
    people = Employee.objects.filter(pk=pia_employee.pk)
    assert jp_per_employee(people, 2026) == {}
    external_learning_review(actor=None, record=record, approve=True, approved_jp=Decimal("4.5"))
    second = _submit(pia_employee, title="Seminar SPBE", jp=Decimal("3"))
    external_learning_review(actor=None, record=second, approve=True)
    assert jp_per_employee(people, 2026) == {pia_employee.pk: Decimal("7.5")}
    # One enrollment per person and year holds both reports: counted once in the funnel.
    funnel = funnel_total(Enrollment.objects.filter(employee=pia_employee))
    assert (funnel.invited, funnel.attended, funnel.completed) == (1, 1, 1)
    with pytest.raises(ValidationError, match="sudah diperiksa"):
        external_learning_review(actor=None, record=record, approve=True)


def test_learning_is_refused_with_reasons(pia_employee):
    with pytest.raises(ValidationError) as caught:
        _submit(
            pia_employee,
            ended_on=dt.date(2026, 5, 1),
            jp=Decimal("0.3"),
            evidence=SimpleUploadedFile("x.pdf", b"not a pdf"),
        )
    errors = caught.value.message_dict
    assert set(errors) == {"ended_on", "jp", "evidence"}
    record = _submit(pia_employee)
    with pytest.raises(ValidationError, match="alasan penolakan"):
        external_learning_review(actor=None, record=record, approve=False)
    with pytest.raises(ValidationError, match="tidak boleh melebihi"):
        external_learning_review(actor=None, record=record, approve=True, approved_jp=Decimal(8))


def test_the_participant_reports_learning_and_the_office_approves_it(
    client, pia, olga, pia_employee
):
    client.force_login(pia)
    response = client.post(
        reverse("development:learning_submit"),
        {
            "title": "Webinar Pelayanan",
            "provider": "LAN",
            "kind": "seminar",
            "started_on": "2026-01-10",
            "ended_on": "2026-01-10",
            "jp": "2",
            "evidence": _pdf(),
        },
    )
    assert response.status_code == 302
    record = ExternalLearning.objects.get()
    client.force_login(olga)
    assert "Webinar Pelayanan" in client.get(reverse("development:learning_queue")).content.decode()
    evidence = client.get(reverse("development:learning_evidence", args=[record.pk]))
    assert b"".join(evidence.streaming_content) == PDF
    client.post(reverse("development:learning_review", args=[record.pk]), {"approve": "1"})
    record.refresh_from_db()
    assert record.status == ReviewStatus.APPROVED and record.attendance_id


def test_the_certificate_pdf_carries_a_qr_code_to_a_verification_page(
    client, pia, pia_employee, world
):
    cohort = CohortFactory(
        program=ProgramFactory(owner=world.medan, name="Pelatihan Layanan Prima", code="LP-01"),
        end_date=dt.date(2026, 3, 6),
    )
    enrollment = EnrollmentFactory(
        cohort=cohort, employee=pia_employee, status=EnrollmentStatus.PASSED
    )
    client.force_login(pia)
    page = client.get(reverse("development:me")).content.decode()
    assert reverse("development:certificate", args=[enrollment.pk]) in page
    response = client.get(reverse("development:certificate", args=[enrollment.pk]))
    assert response["Content-Type"] == "application/pdf"
    certificate = Certificate.objects.get()
    assert certificate.number == "STTPP/LP-01/2026/0001"
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    assert "Pia Lestari" in text and "Pelatihan Layanan Prima" in text
    assert certificate.code in text  # the verification address printed under the QR code
    client.logout()
    verify = client.get(reverse("development:verify", args=[certificate.code])).content.decode()
    assert "Pia Lestari" in verify and certificate.number in verify
    assert pia_employee.nip not in verify  # only what the certificate states
    assert client.get(reverse("development:verify", args=["x" * 16])).status_code == 404
    # Downloading again returns the same certificate, never a second number.
    client.force_login(pia)
    client.get(reverse("development:certificate", args=[enrollment.pk]))
    assert Certificate.objects.count() == 1


def test_verification_is_rate_limited(client, settings, db):
    settings.SIEVA_CERTIFICATE_RATE_LIMIT = 2
    url = reverse("development:verify", args=["abcdefghijklmnop"])
    assert [client.get(url).status_code for _ in range(3)] == [404, 404, 429]


def test_no_certificate_before_passing(client, pia, pia_employee, world):
    enrollment = EnrollmentFactory(employee=pia_employee, status=EnrollmentStatus.ATTENDING)
    client.force_login(pia)
    response = client.get(reverse("development:certificate", args=[enrollment.pk]))
    assert response.status_code == 302 and not Certificate.objects.exists()


def test_the_supervisor_sees_staff_jp_and_nominates_for_an_upcoming_cohort(
    client, adi_user, pia_employee, world
):
    SessionFactory(
        cohort=EnrollmentFactory(employee=pia_employee, status=EnrollmentStatus.PASSED).cohort,
        date=dt.date(2026, 3, 2),
        jp=Decimal("8"),
    )
    upcoming = CohortFactory(
        program=ProgramFactory(owner=world.medan, name="Komunikasi Efektif"),
        name="Angkatan 2027",
        start_date=dt.date(2027, 2, 1),
        end_date=dt.date(2027, 2, 5),
        status=CohortStatus.OPEN,
    )
    client.force_login(adi_user)
    page = client.get(reverse("development:team")).content.decode()
    assert "Pia Lestari" in page and "Komunikasi Efektif" in page
    response = client.post(
        reverse("development:nominate"),
        {"employee": pia_employee.pk, "cohort": upcoming.pk, "reason": "Perlu komunikasi"},
    )
    assert response.status_code == 302
    assert Nomination.objects.get().nominated_by_id == adi_user.role_assignment.employee_id


def test_the_organiser_accepts_a_nomination_and_the_person_is_invited(
    client, olga, adi, pia_employee, world
):
    cohort = CohortFactory(
        program=ProgramFactory(owner=world.medan),
        start_date=dt.date(2027, 2, 1),
        end_date=dt.date(2027, 2, 5),
        status=CohortStatus.OPEN,
    )
    nomination = Nomination.objects.create(
        cohort=cohort, employee=pia_employee, nominated_by=adi, reason="x"
    )
    client.force_login(olga)
    client.post(reverse("development:nomination_decide", args=[nomination.pk]), {"accept": "1"})
    assert cohort.enrollments.filter(employee=pia_employee, status="diundang").exists()


def test_someone_else_cannot_nominate_a_person_outside_their_line(adi, world):
    stranger = EmployeeFactory(unit=world.medan_health)
    cohort = CohortFactory(
        program=ProgramFactory(owner=world.medan),
        start_date=dt.date(2099, 1, 5),
        end_date=dt.date(2099, 1, 9),
        status=CohortStatus.OPEN,
    )
    with pytest.raises(ValidationError) as caught:
        nomination_create(actor=None, supervisor=adi, employee=stranger, cohort=cohort, reason="x")
    assert "bukan bawahan Anda" in caught.value.message_dict["employee"][0]


def test_the_supervisor_answers_an_l3_rating_bound_to_their_login(
    client, adi_user, pia_employee, world
):

    cohort = EnrollmentFactory(employee=pia_employee, status=EnrollmentStatus.PASSED).cohort
    campaign = campaign_create(
        actor=None,
        access=None,
        version=published_version(
            world.medan, "L3-ATASAN", purpose="perilaku", rater_kind="atasan"
        ),
        cohort=cohort,
        opens_at=timezone.now() - dt.timedelta(days=1),
        closes_at=timezone.now() + dt.timedelta(days=10),
        rater_kind="atasan",
        signed_in_only=True,
    )
    client.force_login(adi_user)
    page = client.get(reverse("development:team")).content.decode()
    invitation = campaign.invitations.get()
    assert reverse("instruments:respond_signed_in", args=[invitation.pk]) in page
    assert "tentang Pia Lestari" in page
