"""A report a BKPSDM signs, in the browser: the evaluator writes the narrative and names the
evaluators, the organiser checks it, the admin approves it with name, NIP and position; the
signed PDF and the DOCX are downloaded and read back, and the recommendations the approval
created appear on the leaders' dashboard."""

import pytest
from playwright.sync_api import expect

from sieva.recommendations.models import TrackedRecommendation
from tests.factories import PASSWORD
from tests.reports.e2e.conftest import login_as
from tests.reports.readback import docx_text, in_order, pdf_text

pytestmark = pytest.mark.e2e

NARRATIVE = "Kenaikan skor konsisten; tindak lanjut atasan perlu diperkuat."


def _sign_out(page):
    page.get_by_role("button", name="Keluar").click()


def test_a_report_is_written_checked_approved_and_read_back(
    page, live_server, evan, olga, alice, program_data
):
    program = program_data[0]
    login_as(page, live_server, "evan", PASSWORD)
    page.goto(f"{live_server.url}/evaluasi/?program={program.pk}&year=2026")
    page.get_by_role("button", name="Buat laporan").click()
    page.get_by_role("button", name="Buat laporan").click()
    page.wait_for_url("**/laporan/*/")
    report_url = page.url
    expect(page.get_by_role("heading", name="Ringkasan Eksekutif")).to_be_visible()

    page.get_by_role("link", name="Tulis uraian dan identitas laporan").click()
    page.get_by_label("Evaluator (satu per baris: nama; NIP)").fill(
        "Evan Saputra, S.E.; 198609262015051001"
    )
    page.get_by_label("Hasil", exact=True).fill(NARRATIVE)
    page.get_by_role("button", name="Simpan draf").click()
    expect(page.get_by_text(NARRATIVE)).to_be_visible()
    _sign_out(page)

    login_as(page, live_server, "olga", PASSWORD)
    page.goto(report_url)
    page.get_by_role("button", name="Tandai sudah diperiksa").click()
    expect(page.locator(".workflow .badge")).to_have_text("Sudah diperiksa")
    _sign_out(page)

    login_as(page, live_server, "alice", PASSWORD)
    page.goto(report_url)
    page.get_by_role("link", name="Setujui", exact=True).click()
    page.get_by_label("Nama penanda tangan").fill("Drs. Alia Kepala, M.Si.")
    page.get_by_label("NIP penanda tangan").fill("197502102000031002")
    page.get_by_label("Jabatan").fill("Kepala BKPSDM Kota Medan")
    page.get_by_role("button", name="Setujui dan tanda tangani").click()
    expect(page.locator(".workflow .badge")).to_have_text("Disetujui")

    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="Unduh PDF bertanda tangan").click()
    with page.expect_download() as docx_download:
        page.get_by_role("link", name="Unduh DOCX").click()
    pdf = pdf_text(pdf_download.value.path().read_bytes())
    headings, docx = docx_text(docx_download.value.path().read_bytes())
    for text in (pdf, docx):
        in_order(text, ["Ringkasan Eksekutif", "Pendahuluan", NARRATIVE, "Lembar Pengesahan"])
        assert "Drs. Alia Kepala, M.Si." in text and "19750210 200003 1 002" in text
        assert "Evan Saputra, S.E." in text and "19860926 201505 1 001" in text
    assert "Update Field" not in docx

    first = TrackedRecommendation.objects.order_by("priority", "pk").first()
    page.goto(f"{live_server.url}/dasbor/?year=2026")
    expect(page.get_by_role("link", name=first.text[:40], exact=False).first).to_be_visible()
