"""The DOCX of a report (python-docx), for officials to edit before signing: the kop in the
page header, a table of contents field Word fills in, one heading per section, real tables,
charts as PNG drawn from the same SVG, and page numbers in the footer."""

import base64
import io
from typing import Any

import vl_convert
from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from sieva.reports.templatetags.report_blocks import source_labels

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CHART_WIDTH = Cm(15)


def _field(paragraph: Any, instruction: str, placeholder: str = "") -> None:
    """A Word field (PAGE, NUMPAGES, TOC): Word computes it when the document opens."""
    run = paragraph.add_run()
    begin, code, separate, end = (
        OxmlElement("w:fldChar"),
        OxmlElement("w:instrText"),
        OxmlElement("w:fldChar"),
        OxmlElement("w:fldChar"),
    )
    begin.set(qn("w:fldCharType"), "begin")
    code.set(qn("xml:space"), "preserve")
    code.text = instruction
    separate.set(qn("w:fldCharType"), "separate")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(code)
    run._r.append(separate)
    if placeholder:
        text = OxmlElement("w:t")
        text.text = placeholder
        run._r.append(text)
    run._r.append(end)


def _letterhead(doc: Any, letterhead: dict[str, Any] | None) -> None:
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin, section.right_margin = Cm(2.5), Cm(2.0)
    if letterhead:
        header = section.header
        if letterhead.get("logo"):
            _meta, data = letterhead["logo"].split(",", 1)
            header.paragraphs[0].add_run().add_picture(
                io.BytesIO(base64.b64decode(data)), height=Cm(1.8)
            )
        for number, line in enumerate(letterhead["lines"]):
            paragraph = header.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(line)
            run.bold = number == 0
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(_("Halaman") + " ")
    _field(footer, "PAGE", "1")
    footer.add_run(" " + _("dari") + " ")
    _field(footer, "NUMPAGES", "1")


def _table(doc: Any, block: dict[str, Any]) -> None:
    if block["caption"]:
        doc.add_paragraph(block["caption"], style="Caption")
    rows = block["rows"] or [[_("Tidak ada data.")] + [""] * (len(block["headers"]) - 1)]
    table = doc.add_table(rows=1, cols=len(block["headers"]))
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, block["headers"], strict=True):
        cell.text = header
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=False):
            cell.text = value
    doc.add_paragraph()


def _blocks(doc: Any, blocks: list[dict[str, Any]]) -> None:
    for block in blocks:
        kind = block["type"]
        if kind == "p":
            doc.add_paragraph(block["text"])
            if block.get("sources"):
                source = doc.add_paragraph().add_run(
                    _("Sumber")
                    + ": "
                    + "; ".join(s["label"] for s in source_labels(block["sources"]))
                )
                source.font.size = Pt(7.5)
        elif kind == "note":
            doc.add_paragraph(block["text"], style="Intense Quote")
        elif kind == "h3":
            doc.add_heading(block["text"], level=2)
        elif kind == "list":
            for item in block["items"]:
                doc.add_paragraph(item, style="List Bullet")
        elif kind == "table":
            _table(doc, block)
        elif kind == "chart":
            png = vl_convert.svg_to_png(block["svg"], scale=2.0)
            doc.add_picture(io.BytesIO(png), width=CHART_WIDTH)
            doc.add_paragraph(block["caption"], style="Caption")


def render_docx(document: dict[str, Any]) -> bytes:
    with translation.override(document.get("language") or "id"):
        doc = Document()
        doc.core_properties.title = document["title"]
        doc.core_properties.author = document["author"]
        _letterhead(doc, document.get("letterhead"))
        doc.add_heading(document["title"], level=0)
        for label, value in (
            (_("Cakupan"), document["scope_label"]),
            (_("Periode"), document["period_label"]),
            (_("Disusun oleh"), document["author"]),
            (_("Dibuat"), document["generated_at"]),
        ):
            doc.add_paragraph(f"{label}: {value}")
        doc.add_heading(_("Daftar isi"), level=1)
        _field(
            doc.add_paragraph(),
            'TOC \\o "1-2" \\h \\z \\u',
            _("Perbarui daftar isi (klik kanan → Update Field)."),
        )
        for number, section in enumerate(document["sections"], 1):
            doc.add_page_break()
            doc.add_heading(f"{number}. {section['title']}", level=1)
            _blocks(doc, section["blocks"])
        for section in document["appendix"]:
            doc.add_page_break()
            doc.add_heading(section["title"], level=1)
            _blocks(doc, section["blocks"])
        doc.add_paragraph(
            _("SHA-256 data masukan: %(hash)s · versi SIEVA %(version)s")
            % {"hash": document["input_hash"], "version": document["software_version"]}
        )
        buffer = io.BytesIO()
        doc.save(buffer)
    return buffer.getvalue()
