"""Issue 13's journey: a coder codes a transcript by selecting text, a second coder codes it
again on a phone, and the lead sees kappa and alpha and adjudicates the disagreement."""

import pytest
from playwright.sync_api import Page, expect

from sieva.evidence.models import Adjudication, Coding
from tests.evidence.factories import interview_source
from tests.factories import PASSWORD

pytestmark = pytest.mark.e2e

SELECT = """(phrase) => {
  const root = document.getElementById("coding-text");
  const start = root.textContent.indexOf(phrase);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let pos = 0, node, started = false;
  while ((node = walker.nextNode())) {
    const length = node.textContent.length;
    if (!started && start < pos + length) { range.setStart(node, start - pos); started = true; }
    if (started && start + phrase.length <= pos + length) { range.setEnd(node, start + phrase.length - pos); break; }
    pos += length;
  }
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}"""
BARRIER = "Atasan saya tidak mendukung penerapan, jadi kami kembali ke cara lama."
SCHEDULE = "Aplikasi baru memudahkan pelaporan, tetapi jadwal pelatihan bentrok dengan tugas."


def _sign_in(page: Page, base: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/akun/login/")
    page.get_by_label("Nama pengguna", exact=False).fill(username)
    page.get_by_label("Sandi", exact=False).fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{base}/")


def _code(page: Page, phrase: str, *codes: str) -> None:
    page.evaluate(SELECT, phrase)
    start = page.evaluate(
        "(p) => document.getElementById('coding-text').textContent.indexOf(p)", phrase
    )
    expect(page.locator("#id_start")).to_have_value(str(start))
    expect(page.locator("#id_end")).to_have_value(str(start + len(phrase)))
    expect(page.locator("#selected-text")).to_have_text(phrase)
    for code in codes:
        page.get_by_label(code).check()
    page.get_by_role("button", name="Terapkan kode").click()
    expect(page.locator("#coding-text mark", has_text=phrase[:20]).first).to_be_visible()


def test_two_coders_code_a_transcript_and_the_lead_adjudicates(
    page: Page, live_server, evan, kiki, study, codes
):
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    source = interview_source(study, title="Wawancara Kepala Seksi")
    base = live_server.url

    _sign_in(page, base, "evan")
    page.goto(f"{base}/kualitatif/{study.pk}/")
    page.get_by_role("link", name="Kodekan").first.click()
    page.wait_for_url(f"{base}/kualitatif/sumber/{source.pk}/kode/")
    page.wait_for_load_state("load")  # coding.js (deferred) listens for selections
    page.evaluate("window.siteMarker = 1")
    _code(page, BARRIER, "Tidak ada dukungan atasan")
    _code(page, SCHEDULE, "Aplikasi membantu")
    assert page.evaluate("window.siteMarker") == 1  # htmx swapped the panel, no reload
    page.get_by_role("button", name="Tandai selesai dikodekan").click()
    expect(page.get_by_text("ditandai selesai dikodekan")).to_be_visible()
    page.goto(f"{base}/kualitatif/{study.pk}/kode-ganda/")
    page.get_by_label("Porsi dikode ganda").fill("1")
    page.get_by_label("Pengode kedua").select_option(label="kiki")
    page.get_by_role("button", name="Ambil sampel").click()
    expect(page.get_by_text("1 sumber diberikan kepada kiki")).to_be_visible()

    page.set_viewport_size({"width": 390, "height": 844})  # the second coder works on a phone
    _sign_in(page, base, "kiki")
    page.goto(f"{base}/kualitatif/sumber/{source.pk}/kode/")
    expect(page.locator("#coding-text mark")).to_have_count(0)  # blind to the first coder
    _code(page, BARRIER, "Tidak ada dukungan atasan")
    _code(page, SCHEDULE, "Aplikasi membantu", "Jadwal bentrok")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.get_by_role("button", name="Tandai selesai dikodekan").click()
    assert Coding.objects.filter(source=source, coder=kiki).count() == 3

    page.set_viewport_size({"width": 1280, "height": 900})
    _sign_in(page, base, "evan")
    page.goto(f"{base}/kualitatif/{study.pk}/kesepakatan/")
    table = page.locator("#agreement-table")
    expect(table.get_by_role("row", name="Tidak ada dukungan atasan")).to_contain_text("1,000")
    schedule = table.get_by_role("row", name="Jadwal bentrok")
    expect(schedule).to_contain_text("Revisi definisi kode")
    page.get_by_role("link", name="Adjudikasi perbedaan").click()
    expect(page.locator("#open-count")).to_contain_text("1 perbedaan menunggu keputusan")
    page.get_by_role("button", name="Kode berlaku").click()
    expect(page.locator("#open-count")).to_contain_text("0 perbedaan menunggu keputusan")
    assert Adjudication.objects.get().applies
    page.goto(f"{base}/kualitatif/{study.pk}/analisis/")
    expect(page.locator("#theme-table")).to_contain_text("Jadwal bentrok")
    assert errors == []
