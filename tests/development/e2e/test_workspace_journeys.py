"""Issue 12's journeys, as each person would click them: a mentor logs a session and scores a
goal; a supervisor rates a staff member's behaviour change from /tim/; a participant finds a
pending questionnaire in /saya/, answers it and downloads a certificate."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from sieva.development.models import MentoringGoal, MentoringSession
from sieva.development.services import mentoring as mentoring_services
from sieva.instruments.campaigns.services import campaign_create
from sieva.instruments.models import Response
from sieva.programs.models import CohortStatus, EnrollmentStatus
from tests.factories import PASSWORD, CohortFactory, EnrollmentFactory, ProgramFactory
from tests.instruments.campaign_setup import published_version

pytestmark = pytest.mark.e2e


def sign_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/akun/login/")
    page.get_by_label("Nama pengguna", exact=False).fill(username)
    page.get_by_label("Sandi", exact=False).fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{base}/")


def _errors(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    return errors


def _answer_sample(page: Page) -> None:
    """The sample instrument of tests/instruments: satisfaction, mode and age."""
    page.get_by_role("group", name="Saya puas.").get_by_role("radio", name="4 – Setuju").check()
    page.get_by_role("group", name="Moda").get_by_role("radio", name="Kelas").check()
    page.get_by_label("Umur").fill("41")
    page.get_by_role("button", name="Kirim jawaban").click()
    expect(page.get_by_role("heading", name="Terima kasih")).to_be_visible()


def test_a_mentor_logs_a_session_and_scores_a_goal(page: Page, live_server, mara, mentoring):
    errors = _errors(page)
    pair = mentoring_services.pair_create(
        actor=None,
        scheme=mentoring.scheme,
        mentor=mentoring.mentors[0],
        mentee=mentoring.mentees[0],
        started_on=dt.date(2026, 2, 2),
    )
    goal = mentoring_services.goal_add(
        actor=None, pair=pair, title="Menyusun SKP", expected="SKP disepakati"
    )
    sign_in(page, live_server.url, "mara")
    page.get_by_role("link", name="Mentoring", exact=True).click()
    page.get_by_role("link", name="Pia Lestari").click()
    expect(page.get_by_role("heading", name="Mara Siregar membimbing Pia Lestari")).to_be_visible()

    page.get_by_text("Catat sesi", exact=True).click()
    page.get_by_role("textbox", name="Tanggal", exact=True).fill("2026-02-16")
    page.get_by_label("Topik").fill("Membaca SKP bersama")
    page.get_by_label("Tindak lanjut yang disepakati").fill("Menyusun draf SKP")
    page.get_by_role("button", name="Simpan sesi").click()
    expect(page.get_by_role("cell", name="Membaca SKP bersama")).to_be_visible()
    assert MentoringSession.objects.get(pair=pair).logged_by_mentor

    page.get_by_label("Capaian sasaran “Menyusun SKP”").select_option("1")
    page.get_by_role("button", name="Nilai").click()
    expect(page.get_by_text("Capaian sasaran “Menyusun SKP” disimpan.")).to_be_visible()
    assert MentoringGoal.objects.get(pk=goal.pk).level == 1
    expect(page.get_by_text("60,0 (dari 1 sasaran")).to_be_visible()
    assert errors == []


def test_a_supervisor_rates_behaviour_change_from_the_team_page(
    page: Page, live_server, world, adi_user, pia_employee
):
    errors = _errors(page)
    cohort = EnrollmentFactory(employee=pia_employee, status=EnrollmentStatus.PASSED).cohort
    now = timezone.now()
    campaign = campaign_create(
        actor=None,
        access=None,
        version=published_version(
            world.medan, "L3-ATASAN", purpose="perilaku", rater_kind="atasan"
        ),
        cohort=cohort,
        opens_at=now - dt.timedelta(days=1),
        closes_at=now + dt.timedelta(days=14),
        rater_kind="atasan",
        signed_in_only=True,
        anonymous=True,
    )
    sign_in(page, live_server.url, "adi")
    page.get_by_role("link", name="Tim saya").click()
    expect(page.get_by_role("cell", name="Pia Lestari", exact=True)).to_be_visible()
    page.get_by_role("link", name="Reaksi L3-ATASAN tentang Pia Lestari").click()
    expect(page.get_by_text("Penilaian tentang Pia Lestari")).to_be_visible()
    _answer_sample(page)
    response = Response.objects.get(campaign=campaign)
    assert response.subject_pseudonym and response.respondent_id is None  # anonymous
    page.goto(f"{live_server.url}/tim/")
    expect(page.get_by_text("Tidak ada penilaian yang menunggu.")).to_be_visible()
    assert errors == []


def test_a_participant_answers_a_pending_questionnaire_and_downloads_a_certificate(
    page: Page, live_server, world, pia, pia_employee, tmp_path
):
    errors = _errors(page)
    finished = CohortFactory(
        program=ProgramFactory(owner=world.medan, name="Pelatihan Layanan Prima", code="LP-26"),
        name="Angkatan II",
        status=CohortStatus.FINISHED,
    )
    EnrollmentFactory(cohort=finished, employee=pia_employee, status=EnrollmentStatus.PASSED)
    now = timezone.now()
    campaign = campaign_create(
        actor=None,
        access=None,
        version=published_version(world.medan, "L1-LP"),
        cohort=finished,
        opens_at=now - dt.timedelta(days=1),
        closes_at=now + dt.timedelta(days=14),
        signed_in_only=True,
    )
    sign_in(page, live_server.url, "pia")
    page.get_by_role("link", name="Ruang saya").click()
    waiting = page.get_by_role("region", name="Menunggu Anda")
    waiting.get_by_role("link", name="Reaksi L1-LP").click()
    _answer_sample(page)
    assert Response.objects.get(campaign=campaign).respondent == pia_employee

    page.goto(f"{live_server.url}/saya/")
    expect(page.get_by_text("Tidak ada yang menunggu Anda saat ini.")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Unduh sertifikat Pelatihan Layanan Prima (PDF)").click()
    saved = tmp_path / "sertifikat.pdf"
    download_info.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")
    assert download_info.value.suggested_filename == "sertifikat-STTPP-LP-26-2026-0001.pdf"
    assert errors == []
