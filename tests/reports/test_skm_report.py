"""The official SKM report of one unit and period (issue 9 item 7), read back from the PDF
(pdftotext) and the DOCX (python-docx): kop, recap per element, IKM and mutu, profile,
open answers summarised, rencana tindak lanjut — the same figures as the SKM pages."""

import datetime as dt

import pytest
from django.urls import reverse

from sieva.org.models import OrgKind
from sieva.reports.models import Letterhead
from sieva.satisfaction.elements import ELEMENTS
from sieva.satisfaction.models import SkmResponse
from sieva.satisfaction.services.follow_ups import follow_up_create
from sieva.satisfaction.services.submission import skm_response_submit
from tests.factories import OrgUnitFactory
from tests.reports.readback import docx_text, in_order, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def puskesmas(world):
    return world.medan_puskesmas


@pytest.fixture
def surveyed(puskesmas, alice):
    """Six answers in May 2026 (waktu 2, sarana 3, the rest 4), four women and two men,
    six open answers, one action on waktu, and the instansi's kop."""
    Letterhead.objects.create(
        unit=puskesmas.parent, lines="DINAS KESEHATAN KOTA MEDAN\nJl. Rumah Sakit"
    )
    when = dt.datetime(2026, 5, 12, 3, tzinfo=dt.UTC)
    texts = ["Antrean lama", "Parkir sempit", "Loket lama sekali", "Ramah", "Toilet kotor", "Ok"]
    for i in range(len(texts)):
        answers = dict.fromkeys(ELEMENTS, 4)
        answers.update(waktu=2, sarana=3)
        skm_response_submit(
            unit=puskesmas,
            answers=answers,
            profile={"gender": "P" if i < 4 else "L"},
            fingerprint=f"r{i}",
            now=when,
        )
    for response, text in zip(SkmResponse.objects.order_by("pk"), texts, strict=True):
        response.suggestion = text
        response.save(update_fields=["suggestion"])
    follow_up_create(
        unit=puskesmas,
        actor=alice,
        period="2026-T2",
        element="waktu",
        action="Menambah loket pada jam sibuk",
        owner="Kepala Tata Usaha",
        deadline=dt.date(2026, 7, 31),
        status="berjalan",
    )
    return puskesmas


def download(client, user, unit, fmt, period="2026-T2"):
    client.force_login(user)
    url = reverse("reports:skm_download", args=[unit.pk, fmt])
    return client.get(url, {"period": period})


def test_the_pdf_carries_kop_recap_ikm_profile_summary_and_plan(client, alice, surveyed):
    response = download(client, alice, surveyed, "pdf")
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="laporan-skm-' in response["Content-Disposition"]
    text = pdf_text(response.content)
    in_order(
        text,
        [
            "DINAS KESEHATAN KOTA MEDAN",
            "Laporan Hasil Survei Kepuasan Masyarakat",
            surveyed.name,
            "Triwulan 2 2026",
            "Jumlah responden: 6",
            # By hand: IKM = (7·4 + 2 + 3) / 9 = 3.6667; NIK 91.67, grade A Sangat Baik.
            "Indeks Kepuasan Masyarakat (IKM): 3,6667",
            "Nilai konversi IKM: 91,67",
            "Mutu pelayanan: A (Sangat Baik)",
            "U3 Waktu penyelesaian 6 2,0000 D",
            "Profil responden",
            "Jenis kelamin",
            "Ringkasan saran dan masukan",
            "Jumlah saran dan masukan tertulis: 6",
            "Waktu penyelesaian 2",
            "Rencana tindak lanjut",
            "Menambah loket pada jam sibuk Kepala Tata Usaha",
        ],
    )
    # Two men: a cell below 5 is hidden, and so is its complement (the four women).
    assert "Laki-laki disembunyikan" in text
    assert "Perempuan disembunyikan" in text
    assert "Kelompok di bawah 5 responden disembunyikan" in text
    assert "Ok" not in text.split("Ringkasan saran dan masukan")[1]  # never quoted


def test_the_docx_says_the_same(client, alice, surveyed):
    response = download(client, alice, surveyed, "docx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    headings, text = docx_text(response.content)
    assert headings == [
        "1. Ringkasan",
        "2. Nilai per unsur, IKM dan mutu pelayanan",
        "3. Profil responden",
        "4. Ringkasan saran dan masukan",
        "5. Rencana tindak lanjut",
    ]
    for needle in (
        "Nilai konversi IKM: 91,67",
        "Mutu pelayanan: A (Sangat Baik)",
        "2,0000",
        "Menambah loket pada jam sibuk",
        "Kepala Tata Usaha",
        "31",
    ):
        assert needle in text


def test_a_period_with_too_few_answers_reports_no_figures(client, alice, puskesmas):
    skm_response_submit(
        unit=puskesmas, answers=dict.fromkeys(ELEMENTS, 4), profile={}, fingerprint="x"
    )
    text = pdf_text(download(client, alice, puskesmas, "pdf", period="2026").content)
    assert "Belum cukup data" in text
    assert "IKM):" not in text


def test_the_report_is_scoped(client, bob, alice, surveyed, world):
    assert download(client, bob, surveyed, "pdf").status_code == 404
    office = OrgUnitFactory(kind=OrgKind.DEPARTMENT, parent=world.medan_health, code="NOT-SVC")
    assert download(client, alice, office, "pdf").status_code == 404
    assert download(client, alice, surveyed, "odt").status_code == 404
    assert download(client, alice, surveyed, "pdf", period="T9").status_code == 404
