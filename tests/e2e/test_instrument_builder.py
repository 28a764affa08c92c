"""Issue 9 item 8's journey: an organiser builds a questionnaire — a section, items, one moved
up, one duplicated, an option marked exclusive, a scale with a reverse-scored item — publishes
it, and a respondent meets the exclusive rule in the form (hinted in the browser, enforced by
the server), without ever being told which item is reverse-scored."""

import pytest
from playwright.sync_api import Page, expect

from sieva.instruments.models import Instrument, Response
from tests.e2e.conftest import login
from tests.factories import PASSWORD
from tests.instruments.campaign_setup import links, make_campaign, medan_setting

pytestmark = pytest.mark.e2e
__all__ = ["login", "medan_setting"]


def _add_item(page: Page, section: str, code: str, kind: str, label: str, **extra: str) -> None:
    page.get_by_role("group", name=f"Tindakan bagian {section}").get_by_role(
        "link", name="Tambah butir"
    ).click()
    page.get_by_label("Kode butir").fill(code)
    page.get_by_label("Jenis").select_option(kind)
    page.get_by_label("Pertanyaan").fill(label)
    if "choices" in extra:
        page.get_by_label("Pilihan jawaban").fill(extra["choices"])
    if "exclusive" in extra:
        page.get_by_label("Pilihan eksklusif").fill(extra["exclusive"])
    if kind == "multiple":
        page.get_by_label("Wajib diisi").uncheck()
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sunting:")


def test_an_organiser_builds_publishes_and_a_respondent_meets_the_exclusive_rule(
    page: Page, live_server, login, olga, world, medan_setting
):
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    login("olga", PASSWORD)
    page.goto(f"{live_server.url}/instrumen/baru/")
    page.get_by_label("Unit pemilik").select_option(label=world.medan.name)
    page.locator("#id_code").fill("HAMBATAN-L1")
    page.locator("#id_title").fill("Reaksi dan hambatan")
    page.get_by_label("Tujuan").select_option("reaksi")
    page.get_by_role("button", name="Simpan").click()

    page.get_by_role("link", name="Tambah bagian").click()
    page.get_by_label("Judul bagian").fill("Pendapat")
    page.get_by_role("button", name="Simpan").click()
    _add_item(page, "Pendapat", "manfaat", "likert5", "Pelatihan ini bermanfaat.")
    _add_item(page, "Pendapat", "sia_sia", "likert5", "Waktu pelatihan terbuang percuma.")
    _add_item(
        page,
        "Pendapat",
        "hambatan",
        "multiple",
        "Apa hambatan menerapkan hasil pelatihan?",
        choices="waktu=Waktu\natasan=Dukungan atasan\ntidak_ada=Tidak ada hambatan",
        exclusive="tidak_ada",
    )
    # Reorder: the negative statement goes first.
    page.get_by_role("button", name="Naikkan sia_sia").click()
    items = page.locator(".instrument-preview .field strong")
    expect(items.nth(0)).to_contain_text("Waktu pelatihan terbuang percuma.")
    expect(items.nth(1)).to_contain_text("Pelatihan ini bermanfaat.")
    # Duplicate: a copy right below, with its own code.
    page.get_by_role("button", name="Gandakan manfaat").click()
    expect(page.locator("ul.messages")).to_contain_text("Butir disalin sebagai manfaat_salin")
    expect(items.nth(2)).to_contain_text("Pelatihan ini bermanfaat.")
    page.get_by_role("button", name="Hapus butir manfaat_salin").click()
    expect(page.get_by_text("eksklusif", exact=True)).to_be_visible()

    page.get_by_role("link", name="Tambah skala").click()
    page.get_by_label("Kode skala").fill("relevansi")
    page.get_by_label("Nama konstruk").fill("Relevansi")
    page.locator("#id_items").get_by_label("manfaat", exact=False).check()
    page.locator("#id_items").get_by_label("sia_sia", exact=False).check()
    page.locator("#id_reverse").get_by_label("sia_sia", exact=False).check()
    page.get_by_role("button", name="Simpan").click()
    scales = page.locator("section.scales")
    expect(scales).to_contain_text("Relevansi")
    expect(scales).to_contain_text("skor dibalik")

    page.get_by_role("button", name="Terbitkan versi ini").click()
    expect(page.locator("ul.messages")).to_contain_text("Versi 1 diterbitkan")

    version = Instrument.objects.get(code="HAMBATAN-L1").versions.get(number=1)
    assert version.is_frozen
    campaign = make_campaign(medan_setting, version=version)
    token = links(campaign)[medan_setting.participants[0].pk]
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/instrumen/isi/{token}/")
    assert "dibalik" not in page.content() and "negatif" not in page.content().lower()
    expect(page.get_by_text("(tidak dapat dipilih bersama pilihan lain)")).to_be_visible()
    question = page.get_by_role("group", name="Apa hambatan menerapkan hasil pelatihan?")
    question.get_by_label("Waktu").check()
    question.get_by_label("Tidak ada hambatan").check()
    # The hint in the browser: ticking the exclusive option clears the other.
    expect(question.get_by_label("Waktu")).not_to_be_checked()
    # The rule on the server, as a browser without JavaScript would meet it.
    question.get_by_label("Waktu").evaluate("box => { box.checked = true; }")
    expect(question.get_by_label("Tidak ada hambatan")).to_be_checked()
    for label in ("Waktu pelatihan terbuang percuma.", "Pelatihan ini bermanfaat."):
        page.get_by_role("group", name=label).get_by_label("4 – Setuju").check()
    page.get_by_role("button", name="Kirim jawaban").click()
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.locator("#f-hambatan-error")).to_contain_text(
        "“Apa hambatan menerapkan hasil pelatihan?”: pilihan “Tidak ada hambatan” tidak dapat "
        "dipilih bersama pilihan lain."
    )
    assert not Response.objects.filter(campaign=campaign).exists()
    question.get_by_label("Waktu").uncheck()
    page.get_by_role("button", name="Kirim jawaban").click()
    expect(page.get_by_role("heading", name="Terima kasih")).to_be_visible()
    assert Response.objects.filter(campaign=campaign).count() == 1
    # The refused form comes back as 400, which Chromium logs; nothing else may fail.
    assert [e for e in errors if "status of 400" not in e] == []
