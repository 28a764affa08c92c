"""One program's report as a web page, PDF, DOCX and XLSX: the sections in order and the
engine's key numbers, formatted as on the evaluation page, in every output."""

import pytest
from django.urls import reverse

from sieva.evaluation.engine import Scope, evaluate
from sieva.evaluation.templatetags.figures import figure_value
from sieva.org.access import user_access
from sieva.reports.docx import render_docx
from sieva.reports.models import ReportSnapshot
from sieva.reports.pdf import render_pdf
from sieva.reports.xlsx import render_xlsx_annex
from tests.reports.readback import (
    SECTION_TITLES,
    docx_text,
    in_order,
    pdf_pages,
    pdf_text,
    squash,
    workbook,
)


@pytest.fixture
def report(client, evan, program_data):
    program = program_data[0]
    client.force_login(evan)
    response = client.post(reverse("reports:create"), {"program": program.pk})
    assert response.status_code == 302
    snapshot = ReportSnapshot.objects.get()
    result = evaluate(user_access(evan), Scope(program_id=program.pk))
    return snapshot, result


def key_numbers(result) -> list[str]:
    figures = [
        result.l0.participation,
        result.l0.completion,
        result.l2.gain,
        result.l3.raters[0].application_rate,
        result.l5.realisation,
        result.l5.per_participant,
    ]
    return [figure_value(f) for f in figures]


def test_the_numbers_are_those_of_the_hand_counted_program(report):
    _snapshot, result = report
    # 10 of 12 attended, 8 of 10 passed, 6 of 8 supervisors see it applied, 18 of 20 million.
    assert key_numbers(result) == ["83,3 %", "80,0 %", "42,50", "75,0 %", "90,0 %", "Rp 1.800.000"]


def test_the_web_page_has_every_section_in_order_and_the_key_numbers(client, report):
    snapshot, result = report
    body = squash(client.get(reverse("reports:detail", args=[snapshot.pk])).content.decode())
    start = body.index('id="h-pendahuluan"')
    in_order(body, [f"{n}. {t}" for n, t in enumerate(SECTION_TITLES[:9], 1)], start)
    in_order(body, SECTION_TITLES[9:], start)
    for number in key_numbers(result):
        assert number in body
    assert "<svg" in body  # the charts, drawn on the server
    assert reverse("reports:download", args=[snapshot.pk, "pdf"]) in body


def test_the_pdf_has_a_contents_page_every_section_and_the_key_numbers(report):
    snapshot, result = report
    content = render_pdf(snapshot.document)
    text = pdf_text(content)
    after_contents = in_order(text, ["Daftar isi", *SECTION_TITLES])  # the table of contents
    in_order(text, SECTION_TITLES, after_contents)  # the sections themselves
    for number in key_numbers(result):
        assert number in text
    assert f"Halaman 2 dari {pdf_pages(content)}" in text
    assert snapshot.input_hash in text


def test_the_docx_has_one_heading_per_section_tables_and_the_key_numbers(report):
    snapshot, result = report
    headings, text = docx_text(render_docx(snapshot.document))
    numbered = [f"{n}. {t}" for n, t in enumerate(SECTION_TITLES[:9], 1)]
    assert headings == [
        "Daftar isi",
        "Ringkasan Eksekutif",
        *numbered,
        *SECTION_TITLES[9:],
        "Lembar Pengesahan",
    ]
    # The contents are written out, each entry in order, never "Update Field".
    in_order(text, ["Daftar isi", "Ringkasan Eksekutif", *numbered, "Lembar Pengesahan"])
    assert "Update Field" not in text
    for number in key_numbers(result):
        assert number in text


def test_the_xlsx_annex_holds_raw_numbers_with_n_interval_and_design(report):
    snapshot, result = report
    book = workbook(render_xlsx_annex(snapshot.document))
    assert book.sheetnames[:7] == [
        "Ringkasan",
        "L0 Partisipasi",
        "L1 Reaksi",
        "L2 Pembelajaran",
        "L3 Perilaku",
        "L4 Hasil",
        "L5 Biaya",
    ]
    summary = {row[0]: row[1] for row in book["Ringkasan"].iter_rows(values_only=True)}
    assert summary["SHA-256 data masukan"] == snapshot.input_hash
    rows = list(book["L0 Partisipasi"].iter_rows(values_only=True))
    assert rows[0][:6] == ("Kunci", "Indikator", "Nilai", "IK 95 % bawah", "IK 95 % atas", "n")
    participation = next(r for r in rows if r[0] == "l0.participation_rate")
    figure = result.l0.participation
    assert participation[2] == pytest.approx(figure.value)
    assert participation[3:6] == (pytest.approx(figure.ci[0]), pytest.approx(figure.ci[1]), 12)
    assert participation[7] == "data administrasi"
    funnel = dict(book["L0 Corong"].iter_rows(min_row=2, values_only=True))
    assert (funnel["Diundang"], funnel["Hadir"], funnel["Lulus"]) == (12, 10, 8)


def test_a_report_names_no_participant(report, program_data):
    snapshot, _result = report
    text = str(snapshot.document)
    for person in program_data[2]:
        assert person.name not in text and person.nip not in text
