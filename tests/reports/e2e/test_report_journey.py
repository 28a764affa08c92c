"""An evaluator opens a program's evaluation, generates the report and downloads the PDF and
DOCX; both files open and hold every section and the numbers the page showed."""

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD
from tests.reports.readback import SECTION_TITLES, docx_text, in_order, pdf_text

pytestmark = pytest.mark.e2e


def test_an_evaluator_generates_and_downloads_the_report(page, live_server, evan, program_data):
    program = program_data[0]
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server.url}/akun/login/")
    page.get_by_label("Nama pengguna", exact=False).fill("evan")
    page.get_by_label("Sandi", exact=False).fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}/evaluasi/")
    page.get_by_label("Program", exact=True).select_option(label=program.name)
    page.get_by_role("button", name="Evaluasi", exact=True).click()
    page.wait_for_url("**program=**")
    shown = [
        page.locator(".figure", has_text=label).first.locator(".value").inner_text()
        for label in (
            "Tingkat partisipasi",
            "Tingkat kelulusan",
            "Kenaikan skor",
            "Realisasi anggaran",
        )
    ]
    assert shown == ["83,3 %", "80,0 %", "42,50", "90,0 %"]

    page.get_by_role("button", name="Buat laporan").click()
    page.get_by_role("button", name="Buat laporan").click()  # the confirmation page
    page.wait_for_url("**/laporan/*/")
    expect(page.get_by_role("heading", name="1. Pendahuluan")).to_be_visible()

    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="Unduh PDF").click()
    with page.expect_download() as docx_download:
        page.get_by_role("link", name="Unduh DOCX").click()
    pdf = pdf_text(pdf_download.value.path().read_bytes())
    headings, docx = docx_text(docx_download.value.path().read_bytes())

    body_start = in_order(pdf, ["Daftar isi", *SECTION_TITLES])
    in_order(pdf, SECTION_TITLES, body_start)
    numbered = [f"{n}. {t}" for n, t in enumerate(SECTION_TITLES[:9], 1)]
    assert headings == [
        "Daftar isi",
        "Ringkasan Eksekutif",
        *numbered,
        *SECTION_TITLES[9:],
        "Lembar Pengesahan",
    ]
    for title in SECTION_TITLES:
        assert title in docx
    for number in shown:
        assert number in pdf and number in docx
    assert errors == []
