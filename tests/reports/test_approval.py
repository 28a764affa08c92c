"""A report an office signs: the evaluator writes, another person checks, the head approves;
the approved PDF is frozen with its SHA-256 and the findings become tracked recommendations
that the dashboard and the next period's report show."""

import datetime as dt
import hashlib

import pytest
from django.urls import reverse
from django.utils import timezone

from sieva.org.models import Role
from sieva.recommendations.models import TrackedRecommendation
from sieva.reports.models import ReportSnapshot, ReportStatus
from tests.factories import CohortFactory, EmployeeFactory, user_with_role
from tests.reports.readback import pdf_text

EVAN_NIP = "198609262015051001"
HEAD_NIP = "197502102000031002"


@pytest.fixture
def draft(client, evan, program_data):
    program = program_data[0]
    client.force_login(evan)
    client.post(reverse("reports:create"), {"program": program.pk, "year": 2026})
    return ReportSnapshot.objects.get()


def _write(client, snapshot, **extra):
    data = {
        "number": "",
        "evaluators": f"Evan Saputra, S.E.; {EVAN_NIP}",
        "narrative_ringkasan": "Program ini layak dilanjutkan dengan perbaikan tindak lanjut.",
        "narrative_hasil": "Kenaikan skor tes konsisten di semua kelas.\n\nCatatan kedua.",
        **extra,
    }
    return client.post(reverse("reports:edit", args=[snapshot.pk]), data)


def test_a_wrong_nip_is_refused_with_the_line_it_is_on(client, draft):
    response = _write(client, draft, evaluators=f"Evan; {EVAN_NIP}\nAni; 12345")
    assert response.status_code == 200
    assert "Baris 2" in response.content.decode()
    draft.refresh_from_db()
    assert draft.evaluators == []


def test_the_maker_cannot_check_their_own_report(client, draft):
    _write(client, draft)
    client.post(reverse("reports:review", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.status == ReportStatus.DRAFT


@pytest.fixture
def approved(client, draft, olga, world):
    assert _write(client, draft).status_code == 302
    client.force_login(olga)
    client.post(reverse("reports:review", args=[draft.pk]))
    head = user_with_role(
        "kepala",
        Role.LEADER,
        world.medan,
        employee=EmployeeFactory(unit=world.medan, name="Drs. Kepala BKPSDM", nip=HEAD_NIP),
    )
    client.force_login(head)
    form = client.get(reverse("reports:approve", args=[draft.pk])).content.decode()
    assert "19750210 200003 1 002" in form  # the head's own NIP, offered
    response = client.post(
        reverse("reports:approve", args=[draft.pk]),
        {"name": "Drs. Kepala BKPSDM", "nip": HEAD_NIP, "title": "Kepala BKPSDM Kota Medan"},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    return draft


def test_approval_freezes_a_signed_pdf_with_its_sha256(client, approved):
    assert approved.status == ReportStatus.APPROVED
    assert approved.number.endswith("/LAP-EV/PEMKOT-MDN/2026")
    stored = bytes(approved.pdf)
    assert hashlib.sha256(stored).hexdigest() == approved.pdf_sha256
    download = client.get(reverse("reports:download", args=[approved.pk, "pdf"]))
    assert download.content == stored
    text = pdf_text(stored)
    for words in (
        "Ringkasan Eksekutif",
        "Lembar Pengesahan",
        "Drs. Kepala BKPSDM",
        "19750210 200003 1 002",
        "Kepala BKPSDM Kota Medan",
        "Evan Saputra, S.E.",
        "19860926 201505 1 001",
        "Kenaikan skor tes konsisten",
        approved.number,
    ):
        assert words in text, words
    assert (
        approved.pdf_sha256
        in client.get(reverse("reports:detail", args=[approved.pk])).content.decode()
    )


def test_an_approved_report_can_no_longer_be_edited(client, approved, evan):
    client.force_login(evan)
    _write(client, approved, number="999")
    approved.refresh_from_db()
    assert approved.number != "999"


def test_approval_turns_the_findings_into_tracked_recommendations(client, approved, lina):
    findings = approved.document["findings"]
    expected = sum(len(f["recommendations"]) for f in findings)
    records = TrackedRecommendation.objects.filter(report_id=approved.pk)
    assert expected >= 1
    assert records.count() == expected
    record = records.order_by("priority").first()
    assert record.period == "2026"
    assert record.owner_unit.name == "Pemerintah Kota Medan"
    # Due 90 days after the day of approval in Indonesia (WIB), not in UTC.
    approval_day = timezone.localdate(approved.approved_at)
    assert record.due_date == approval_day + dt.timedelta(days=90)
    client.force_login(lina)
    board = client.get(reverse("dashboard:dashboard"), {"year": 2026}).content.decode()
    assert record.text[:60] in board.replace("&#x27;", "'")
    listing = client.get(reverse("recommendations:list")).content.decode()
    assert approved.number in listing or record.text[:40] in listing


def test_the_next_periods_report_says_what_happened_to_them(client, approved, evan, olga):
    record = TrackedRecommendation.objects.filter(report_id=approved.pk).first()
    client.force_login(olga)
    client.post(reverse("recommendations:advance", args=[record.pk]), {"to": "diterima"})
    client.force_login(evan)
    program = approved.scope["program"]
    CohortFactory(program_id=program, start_date=dt.date(2027, 3, 1), end_date=dt.date(2027, 3, 5))
    client.post(reverse("reports:create"), {"program": program, "year": 2027})
    later = ReportSnapshot.objects.exclude(pk=approved.pk).get()
    section = next(s for s in later.document["sections"] if s["key"] == "tindak_lanjut")
    table = next(b for b in section["blocks"] if b["type"] == "table")
    rows = {row[0]: row for row in table["rows"]}
    assert rows[record.text][-1] == "Diterima"
