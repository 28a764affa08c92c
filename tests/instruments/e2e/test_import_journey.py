"""Issue 3's journey: an organiser imports a Google-Forms-style CSV with one bad row, sees the
problem with its row and column, fixes the file and imports it."""

import pytest
from playwright.sync_api import Page, expect

from sieva.instruments.models import Response
from tests.e2e.conftest import login
from tests.factories import PASSWORD
from tests.instruments.campaign_setup import make_campaign, medan_setting
from tests.instruments.import_files import GOOGLE_HEADER, csv_bytes, google_row

pytestmark = pytest.mark.e2e
__all__ = ["login", "medan_setting"]


def test_an_organiser_fixes_a_rejected_file_and_imports_it(
    page: Page, live_server, login, olga, medan_setting, tmp_path
):
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    campaign = make_campaign(medan_setting)
    people = medan_setting.participants
    rows = [google_row(p.nip) for p in people]
    rows[2] = google_row(people[2].nip, **{"Saya puas.": "Sangat puas sekali"})
    bad = tmp_path / "jawaban-google.csv"
    bad.write_bytes(csv_bytes(GOOGLE_HEADER, rows))
    login("olga", PASSWORD)

    page.goto(f"{live_server.url}/instrumen/kampanye/{campaign.pk}/")
    page.get_by_role("link", name="Impor tanggapan dari berkas").click()
    page.get_by_label("Berkas jawaban").set_input_files(str(bad))
    page.get_by_role("button", name="Unggah dan petakan kolom").click()
    # The question texts were recognised: the mapping is prefilled.
    expect(page.get_by_label("Saya puas.")).to_have_value("puas")
    expect(page.get_by_label("Nilai pengajar [Materi]")).to_have_value("nilai[materi]")
    page.get_by_role("button", name="Simpan pemetaan dan lihat pratinjau").click()
    expect(page.get_by_role("heading", name="Pratinjau impor")).to_be_visible()
    page.get_by_role("button", name="Impor 6 baris").click()

    alert = page.locator("#import-errors")
    expect(alert).to_contain_text("Berkas ditolak: 1 masalah")
    problem = alert.get_by_role("row").filter(has_text="Sangat puas sekali")
    expect(problem).to_contain_text("4")  # spreadsheet row 4 = the third answer
    expect(problem).to_contain_text("Saya puas.")
    assert not Response.objects.exists()
    with page.expect_download() as download:
        page.get_by_role("link", name="Unduh laporan galat (CSV)").click()
    assert "Sangat puas sekali" in download.value.path().read_text(encoding="utf-8-sig")

    rows[2] = google_row(people[2].nip, **{"Saya puas.": "Setuju"})
    fixed = tmp_path / "jawaban-google-diperbaiki.csv"
    fixed.write_bytes(csv_bytes(GOOGLE_HEADER, rows))
    page.get_by_role("link", name="Unggah berkas yang sudah diperbaiki").click()
    page.get_by_label("Berkas jawaban").set_input_files(str(fixed))
    page.get_by_role("button", name="Unggah dan petakan kolom").click()
    page.get_by_role("button", name="Simpan pemetaan dan lihat pratinjau").click()
    page.get_by_role("button", name="Impor 6 baris").click()

    expect(page.locator("#imported-count")).to_have_text("6")
    expect(page.get_by_text("Impor selesai: 6 tanggapan tersimpan.")).to_be_visible()
    assert Response.objects.filter(campaign=campaign).count() == 6
    assert [e for e in errors if not e.startswith("Failed to load resource")] == []
