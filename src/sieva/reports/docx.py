"""The DOCX of a report (python-docx), for officials to edit before signing: the kop in the
page header, a cover with number, evaluators and date, a table of contents written out (each
entry a link to its heading; no "Update Field" — decision 0048), sections that flow without
page breaks, real tables, charts as PNG drawn from the same SVG, the signature page, and page
numbers in the footer."""

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


def page_setup(doc: Any, letterhead: dict[str, Any] | None) -> None:
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


def table_block(doc: Any, block: dict[str, Any]) -> None:
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
        elif kind == "verdict":
            paragraph = doc.add_paragraph()
            paragraph.add_run(block["label"]).bold = True
            paragraph.add_run(f" ({_('bukti')}: {block['grade']}). {block['text']}")
        elif kind == "h3":
            doc.add_heading(block["text"], level=2)
        elif kind == "list":
            for item in block["items"]:
                doc.add_paragraph(item, style="List Bullet")
        elif kind == "table":
            table_block(doc, block)
        elif kind == "chart":
            png = vl_convert.svg_to_png(block["svg"], scale=2.0)
            doc.add_picture(io.BytesIO(png), width=CHART_WIDTH)
            doc.add_paragraph(block["caption"], style="Caption")


def _bookmark(paragraph: Any, name: str, number: int) -> None:
    """Mark `paragraph` as the target `name` of a table-of-contents link."""
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end.set(qn("w:id"), str(number))
    paragraph._p.insert(0, start)
    paragraph._p.append(end)


def _toc_entry(doc: Any, text: str, anchor: str) -> None:
    """One line of the contents: the heading's text, a link to its bookmark."""
    paragraph = doc.add_paragraph()
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), anchor)
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def _section(doc: Any, section: dict[str, Any], title: str, number: int) -> None:
    heading = doc.add_heading(title, level=1)
    _bookmark(heading, f"sec_{section['key']}", number)
    for text in section.get("narrative", []):
        doc.add_paragraph(text)
    _blocks(doc, section["blocks"])


def _cover(doc: Any, document: dict[str, Any]) -> None:
    doc.add_heading(document["title"], level=0)
    people = "; ".join(f"{p['name']} (NIP {p['nip']})" for p in document.get("evaluators", []))
    rows = [
        (_("Nomor"), document.get("number") or "—"),
        (_("Cakupan"), document["scope_label"]),
        (_("Periode"), document["period_label"]),
        (_("Evaluator"), people or document["author"]),
        (_("Tanggal"), document.get("report_date") or document.get("generated_at", "")),
        (_("Status"), document.get("status_label", "")),
    ]
    table = doc.add_table(rows=0, cols=2)
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, str(value)
        for run in cells[0].paragraphs[0].runs:
            run.bold = True


def _signature(doc: Any, document: dict[str, Any]) -> None:
    doc.add_page_break()
    heading = doc.add_heading(_("Lembar Pengesahan"), level=1)
    _bookmark(heading, "sec_pengesahan", 999)
    approver = document.get("approver") or {}
    evaluators = "\n".join(
        f"{p['name']}\n{_('NIP')} {p['nip']}" for p in document.get("evaluators", [])
    )
    table = doc.add_table(rows=2, cols=3)
    table.style = "Table Grid"
    heads = [
        _("Disusun oleh evaluator,"),
        _("Diperiksa oleh,"),
        (_("Disetujui pada %(day)s") % {"day": document.get("approved_on", "")})
        + (f"\n{approver.get('title', '')}," if approver else ""),
    ]
    signers = [
        evaluators or "—",
        document.get("reviewed_name") or "—",
        f"{approver['name']}\n{_('NIP')} {approver['nip']}" if approver else _("Belum disetujui."),
    ]
    for cell, text in zip(table.rows[0].cells, heads, strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, signers, strict=True):
        cell.text = "\n\n\n" + text
    doc.add_paragraph(
        _("SHA-256 data masukan: %(hash)s · versi SIEVA %(version)s")
        % {"hash": document["input_hash"], "version": document["software_version"]}
    )


def render_docx(document: dict[str, Any]) -> bytes:
    with translation.override(document.get("language") or "id"):
        doc = Document()
        doc.core_properties.title = document["title"]
        doc.core_properties.author = document["author"]
        page_setup(doc, document.get("letterhead"))
        _cover(doc, document)
        doc.add_page_break()
        doc.add_heading(_("Daftar isi"), level=1)
        summary = document.get("summary")
        numbered = [(f"{n}. {s['title']}", s) for n, s in enumerate(document["sections"], 1)]
        entries = ([(summary["title"], summary)] if summary else []) + numbered
        entries += [(s["title"], s) for s in document["appendix"]]
        for title, section in entries:
            _toc_entry(doc, title, f"sec_{section['key']}")
        _toc_entry(doc, _("Lembar Pengesahan"), "sec_pengesahan")
        if summary:
            doc.add_page_break()
            _section(doc, summary, summary["title"], 0)
        doc.add_page_break()
        for number, (title, section) in enumerate(numbered, 1):
            _section(doc, section, title, number)
        for number, section in enumerate(document["appendix"], 100):
            if number == 100:
                doc.add_page_break()
            _section(doc, section, section["title"], number)
        _signature(doc, document)
        buffer = io.BytesIO()
        doc.save(buffer)
    return buffer.getvalue()
