"""Text in: real DOCX, TXT and PDF files become normalised text; speakers get pseudonyms."""

import io

import docx
import pytest
from weasyprint import HTML

from sieva.evidence.text import ExtractionError, extract_text, pseudonymise, segments


def _docx(paragraphs, table=None) -> bytes:
    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    if table:
        grid = document.add_table(rows=len(table), cols=2)
        for row, (speaker, said) in zip(grid.rows, table, strict=True):
            row.cells[0].text, row.cells[1].text = speaker, said
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_it_reads_the_paragraphs_and_speaker_tables_of_a_docx():
    content = _docx(
        ["Transkrip wawancara", "", "", "Budi: Kami belum punya SOP."],
        table=[("Pewawancara", "Mengapa?"), ("Budi", "Belum ada anggaran.")],
    )
    text = extract_text("wawancara.docx", content)
    assert text == (
        "Transkrip wawancara\n\nBudi: Kami belum punya SOP.\n"
        "Pewawancara: Mengapa?\nBudi: Belum ada anggaran."
    )


def test_it_reads_a_windows_txt_and_normalises_line_ends():
    content = "Narasumber: Anggaran terbatas.\r\n\r\n\r\n\r\nRapat  \r\n".encode("cp1252")
    assert extract_text("catatan.TXT", content) == "Narasumber: Anggaran terbatas.\n\nRapat"
    assert extract_text("utf8.txt", "Kepala Dinas: “Setuju”".encode()) == "Kepala Dinas: “Setuju”"


def test_it_reads_the_text_layer_of_a_pdf():
    pdf = HTML(
        string="<p>Petunjuk teknis pelatihan kepemimpinan</p><p>Bab II Sasaran</p>"
    ).write_pdf()
    text = extract_text("juknis.pdf", pdf)
    assert "Petunjuk teknis pelatihan kepemimpinan" in text
    assert "Bab II Sasaran" in text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("rekaman.mp3", b"ID3", "tidak didukung"),
        ("rusak.docx", b"not a zip", "tidak dapat dibaca"),
        ("rusak.pdf", b"%PDF-1.4 garbage", "tidak dapat dibaca"),
        ("kosong.txt", b"  \n\n ", "tidak berisi teks"),
        ("besar.txt", b"a" * (10 * 1024 * 1024 + 1), "10 MB"),
    ],
)
def test_it_explains_in_indonesian_why_a_file_gives_no_text(name, content, message):
    with pytest.raises(ExtractionError, match=message):
        extract_text(name, content)


def test_speakers_become_pewawancara_and_narasumber_everywhere_in_the_text():
    text = (
        "P: Selamat pagi Bu Sari.\n"
        "Sari Dewi: Pagi. Atasan saya, Pak Joko, jarang hadir.\n"
        "P: Apakah Sari Dewi pernah mengusulkan pelatihan?\n"
        "Joko: (menyela) Saya setuju."
    )
    pseudonymised, mapping = pseudonymise(text)
    assert mapping == {"P": "Pewawancara", "Sari Dewi": "Narasumber 1", "Joko": "Narasumber 2"}
    assert "Sari Dewi" not in pseudonymised and "Joko" not in pseudonymised
    assert (
        pseudonymised.splitlines()[2]
        == "Pewawancara: Apakah Narasumber 1 pernah mengusulkan pelatihan?"
    )


def test_a_single_respondent_is_narasumber_and_a_named_interviewee_is_replaced_too():
    text, mapping = pseudonymise(
        "Pewawancara: Halo.\nBudi: Nama saya Budi Santoso.", ("Budi Santoso",)
    )
    assert text == "Pewawancara: Halo.\nNarasumber: Nama saya Narasumber."
    assert mapping == {"Budi": "Narasumber", "Budi Santoso": "Narasumber"}


def test_segments_are_the_non_blank_lines_without_their_spaces():
    text = "  Satu baris.\n\nDua  \nTiga"
    assert [text[s:e] for s, e in segments(text)] == ["Satu baris.", "Dua", "Tiga"]
