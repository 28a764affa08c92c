"""A staff user takes each tool's export, unedited, to an IKM on the unit's page: upload with
the unit chosen, the preview of recognised columns and first rows, U8/U9 confirmed where the
file only numbers them, then the unit's IKM."""

import pytest
from playwright.sync_api import expect

from sieva.analysis.indices.ikm import ikm_from_responses
from sieva.satisfaction.elements import ELEMENTS
from tests.factories import PASSWORD
from tests.satisfaction.exports import google_forms_id, kobo_xlsx, limesurvey_csv, respondents

pytestmark = pytest.mark.e2e
CSV, XLSX = "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _nik(people):
    answers = {code: [p[i] for p in people] for i, code in enumerate(ELEMENTS)}
    return f"{ikm_from_responses(answers).nik:.2f}".replace(".", ",")


def _upload(page, live_server, user, unit, name, mime, content):
    """From the home page through the SKM menu to the preview of the uploaded file."""
    page.goto(f"{live_server.url}/akun/login/")
    page.get_by_label("Nama pengguna", exact=False).fill(user.username)
    page.get_by_label("Sandi", exact=False).fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{live_server.url}/")
    page.get_by_role("link", name="IKM", exact=True).first.click()
    page.get_by_role("link", name="Impor respons SKM").click()
    page.get_by_label("Berkas respons SKM").set_input_files(
        files=[{"name": name, "mimeType": mime, "buffer": content}]
    )
    page.get_by_label("Unit layanan").select_option(str(unit.pk))
    page.get_by_role("button", name="Unggah dan lihat pratinjau").click()
    expect(page.get_by_role("heading", name="Pratinjau impor SKM")).to_be_visible()


def _lands_on_the_units_ikm(page, unit, people):
    page.wait_for_url(f"**/skm/unit/{unit.pk}/")
    expect(page.get_by_text("Impor selesai").first).to_be_visible()
    assert page.locator("#respondents").inner_text() == str(len(people))
    expect(page.get_by_label("Ringkasan").get_by_text(_nik(people), exact=True)).to_be_visible()


def test_a_google_forms_export_goes_to_the_units_ikm(page, live_server, alice, world):
    unit, people = world.medan_puskesmas, respondents(12)
    _upload(
        page, live_server, alice, unit, "SKM Puskesmas (Jawaban).csv", CSV, google_forms_id(people)
    )
    # Recognised by question text; the first rows as they will be stored (labels → 1–4).
    expect(page.get_by_label("Cap waktu")).to_have_value("tanggal")
    expect(page.get_by_label("8. Bagaimana pendapat Saudara tentang kualitas sarana")).to_have_value("sarana")  # fmt: skip
    expect(page.get_by_label("Saran dan masukan")).to_have_value("")
    first = page.locator("#preview-rows tbody tr").first
    expect(first).to_contain_text("3 Feb 2025 08:00")
    page.get_by_role("button", name="Impor", exact=True).click()
    _lands_on_the_units_ikm(page, unit, people)


def test_a_kobo_export_waits_for_u8_and_u9_to_be_confirmed(page, live_server, alice, world):
    unit, people = world.medan_puskesmas, respondents(9, seed=1)
    _upload(page, live_server, alice, unit, "skm_puskesmas.xlsx", XLSX, kobo_xlsx(people))
    expect(
        page.get_by_role("heading", name="Pastikan unsur kolom bernomor 8 dan 9")
    ).to_be_visible()
    page.get_by_role("button", name="Impor", exact=True).click()  # not yet: still the preview
    expect(page.get_by_role("heading", name="Pemetaan belum lengkap")).to_be_visible()
    page.get_by_label("unsur/u8").select_option("sarana")
    page.get_by_label("unsur/u9").select_option("pengaduan")
    page.get_by_role("button", name="Periksa ulang pratinjau").click()
    expect(page.get_by_role("heading", name="Pemetaan belum lengkap")).to_have_count(0)
    page.get_by_role("button", name="Impor", exact=True).click()
    _lands_on_the_units_ikm(page, unit, people)


def test_a_limesurvey_export_with_codes_is_confirmed_and_reimport_is_reported(
    page, live_server, alice, world
):
    unit, people = world.medan_puskesmas, respondents(10, seed=2)
    _upload(page, live_server, alice, unit, "results-survey5.csv", CSV, limesurvey_csv(people[:8]))
    page.get_by_label("Q8", exact=True).select_option("sarana")
    page.get_by_label("Q9", exact=True).select_option("pengaduan")
    page.get_by_role("button", name="Impor", exact=True).click()
    page.wait_for_url(f"**/skm/unit/{unit.pk}/")
    # The full export a week later: the saved mapping is offered, the 8 rows are reported.
    page.get_by_role("link", name="← Semua unit layanan").click()
    page.get_by_role("link", name="Impor respons SKM").click()
    page.get_by_label("Berkas respons SKM").set_input_files(
        files=[
            {"name": "results-survey5 (1).csv", "mimeType": CSV, "buffer": limesurvey_csv(people)}
        ]  # fmt: skip
    )
    page.get_by_label("Unit layanan").select_option(str(unit.pk))
    page.get_by_role("button", name="Unggah dan lihat pratinjau").click()
    expect(page.get_by_label("Q8", exact=True)).to_have_value("sarana")
    page.get_by_role("button", name="Impor", exact=True).click()
    _lands_on_the_units_ikm(page, unit, people)
    expect(page.get_by_text("8 dari 10 baris sudah diimpor")).to_be_visible()
