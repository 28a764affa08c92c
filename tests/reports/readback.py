"""Reading generated reports back the way a reader's software would."""

import io
import re
import subprocess
import tempfile

from docx import Document
from openpyxl import load_workbook

SECTION_TITLES = (
    "Pendahuluan",
    "Tujuan",
    "Metode Evaluasi",
    "Hasil",
    "Studi Kasus",
    "Tantangan",
    "Tindak Lanjut Rekomendasi Periode Sebelumnya",
    "Rekomendasi",
    "Kesimpulan",
    "Lampiran A. Metode",
    "Lampiran B. Data",
)


def squash(text: str) -> str:
    """One space for any run of whitespace (PDF text wraps lines anywhere)."""
    return re.sub(r"\s+", " ", text)


def pdf_text(content: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(content)
        f.flush()
        out = subprocess.run(["pdftotext", f.name, "-"], capture_output=True, check=True)
    return squash(out.stdout.decode("utf-8"))


def pdf_pages(content: bytes) -> int:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(content)
        f.flush()
        out = subprocess.run(["pdfinfo", f.name], capture_output=True, check=True).stdout.decode()
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))


def docx_text(content: bytes) -> tuple[list[str], str]:
    """The DOCX's level-1 headings and all its text (paragraphs and table cells)."""
    doc = Document(io.BytesIO(content))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    parts = [p.text for p in doc.paragraphs]
    parts += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return headings, squash("\n".join(parts))


def workbook(content: bytes):
    return load_workbook(io.BytesIO(content), read_only=False)


def in_order(text: str, needles, start: int = 0) -> int:
    """Position after the last needle, each found after the previous one; AssertionError
    names the first needle missing from that point on."""
    for needle in needles:
        found = text.find(needle, start)
        assert found >= 0, f"{needle!r} not found after position {start}"
        start = found + len(needle)
    return start
