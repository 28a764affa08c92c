"""The official SKM report of one service unit and period (PermenPANRB 14/2017, Lampiran:
results are reported and followed up): recap per element, IKM and mutu pelayanan,
respondent profile, open answers summarised, and the *rencana tindak lanjut* with owner and
deadline — as PDF (WeasyPrint) and DOCX (python-docx), both from one document dict, under
the instansi's kop, like the evaluation report.

Figures come formatted from `sieva.satisfaction.publication` (the one IKM reader, its
suppression, and `sieva.core.numbers`), so the files print what the SKM pages show.
"""

import io
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from docx import Document

from sieva.core import numbers
from sieva.org.models import OrgUnit
from sieva.reports.document import letterhead_of
from sieva.reports.docx import page_setup, table_block
from sieva.satisfaction import publication
from sieva.satisfaction.elements import ELEMENTS
from sieva.satisfaction.periods import Period
from sieva.satisfaction.selectors import min_cell_size

PDF_TYPE = "application/pdf"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _grades_table() -> dict[str, Any]:
    # PermenPANRB 14/2017, Lampiran: interval of the conversion value per grade.
    return {
        "caption": _("Nilai persepsi, interval dan mutu pelayanan"),
        "headers": [_("Interval nilai konversi"), _("Mutu pelayanan"), _("Kinerja unit")],
        "rows": [
            ["88,31 – 100,00", "A", _("Sangat Baik")],
            ["76,61 – 88,30", "B", _("Baik")],
            ["65,00 – 76,60", "C", _("Kurang Baik")],
            ["25,00 – 64,99", "D", _("Tidak Baik")],
        ],
    }


def skm_document(unit: OrgUnit, period: Period, *, author: str = "") -> dict[str, Any]:
    """Everything the PDF and the DOCX print, as text, tables and lists (one dict)."""
    results = publication.unit_results(unit, period)
    breakdowns = publication.respondent_profile(unit, period)
    elements = {
        "caption": _("Rekapitulasi nilai per unsur pelayanan"),
        "headers": ["No.", _("Unsur pelayanan"), _("Jumlah jawaban"), "NRR", _("Mutu unsur")],
        "rows": [
            [f"U{e.number}", str(e.name), numbers.integer(e.n), e.nrr_text, e.grade]
            for e in results.elements
        ],
    }
    profile = [
        {
            "caption": str(p.label),
            "headers": [_("Kelompok"), _("Responden")],
            "rows": [
                [name, numbers.integer(n) if n is not None else _("disembunyikan")]
                for name, n in p.rows
            ],
        }
        for p in breakdowns
    ]
    summary = publication.suggestion_summary(unit, period)
    themes = {
        "caption": _("Tema saran dan masukan"),
        "headers": [_("Unsur yang disebut"), _("Jumlah saran")],
        "rows": [[str(name), numbers.integer(n)] for name, n in summary.themes]
        + ([[_("Lainnya"), numbers.integer(summary.other)]] if summary.other else []),
    }
    follow_ups = publication.follow_ups_for(unit, period, ELEMENTS)
    plan = {
        "caption": _("Rencana tindak lanjut"),
        "headers": [
            _("Unsur"),
            _("Kegiatan"),
            _("Penanggung jawab"),
            _("Batas waktu"),
            _("Status"),
        ],
        "rows": [
            [
                str(f.get_element_display()),
                f.action,
                f.owner,
                numbers.day(f.deadline),
                str(f.get_status_display()),
            ]
            for f in follow_ups
        ],
    }
    hidden_note = _(
        "Kelompok di bawah %(n)d responden disembunyikan, dan bila perlu satu kelompok lain "
        "agar jumlahnya tidak dapat dihitung dari total."
    ) % {"n": min_cell_size()}
    return {
        "hidden_note": hidden_note if any(p.hidden for p in breakdowns) else "",
        "language": translation.get_language() or "id",
        "title": _("Laporan Hasil Survei Kepuasan Masyarakat"),
        "unit": unit.name,
        "period": period.label,
        "author": author,
        "created": numbers.day(timezone.localdate()),
        "letterhead": letterhead_of(unit),
        "results": results,
        "min_cell": min_cell_size(),
        "elements": elements,
        "grades": _grades_table(),
        "profile": profile,
        "suggestions": summary,
        "themes": themes,
        "plan": plan,
    }


def _summary_lines(document: dict[str, Any]) -> list[str]:
    results = document["results"]
    lines = [_("Jumlah responden: %(n)s") % {"n": numbers.integer(results.respondents)}]
    if results.shown:
        lines += [
            _("Indeks Kepuasan Masyarakat (IKM): %(ikm)s") % {"ikm": results.ikm},
            _("Nilai konversi IKM: %(nik)s") % {"nik": results.nik},
            _("Mutu pelayanan: %(grade)s (%(label)s)")
            % {"grade": results.grade, "label": results.grade_label},
        ]
    else:
        lines.append(
            _(
                "Belum cukup data: nilai IKM tidak disajikan untuk kelompok di bawah "
                "%(n)d responden atau yang dapat diungkap dengan pengurangan."
            )
            % {"n": document["min_cell"]}
        )
    return lines


def _suggestion_lines(document: dict[str, Any]) -> list[str]:
    summary = document["suggestions"]
    if not summary.answers:
        return [_("Tidak ada saran atau masukan tertulis pada periode ini.")]
    lines = [
        _("Jumlah saran dan masukan tertulis: %(n)s") % {"n": numbers.integer(summary.answers)}
    ]
    if summary.hidden:
        lines.append(
            _("Kurang dari %(n)d saran: tidak diringkas agar penulisnya tidak dapat dikenali.")
            % {"n": document["min_cell"]}
        )
    return lines


def render_skm_pdf(document: dict[str, Any]) -> bytes:
    # Imported here: WeasyPrint loads Pango at import (~0.4 s), needed only for a PDF.
    from weasyprint import HTML

    context = {
        "document": document,
        "summary": _summary_lines(document),
        "suggestion_lines": _suggestion_lines(document),
    }
    html = render_to_string("reports/skm_report.html", context)
    return HTML(string=html).write_pdf()  # type: ignore[no-any-return]


def render_skm_docx(document: dict[str, Any]) -> bytes:
    doc = Document()
    doc.core_properties.title = f"{document['title']} {document['unit']} {document['period']}"
    doc.core_properties.author = document["author"]
    page_setup(doc, document["letterhead"])
    doc.add_heading(document["title"], level=0)
    doc.add_paragraph(f"{document['unit']} · {_('Periode')} {document['period']}")
    doc.add_paragraph(_("Disusun %(date)s") % {"date": document["created"]})
    doc.add_heading(_("1. Ringkasan"), level=1)
    for line in _summary_lines(document):
        doc.add_paragraph(line, style="List Bullet")
    doc.add_heading(_("2. Nilai per unsur, IKM dan mutu pelayanan"), level=1)
    if document["results"].shown:
        table_block(doc, document["elements"])
    table_block(doc, document["grades"])
    doc.add_heading(_("3. Profil responden"), level=1)
    for block in document["profile"]:
        table_block(doc, block)
    if document["hidden_note"]:
        doc.add_paragraph(document["hidden_note"])
    if not document["profile"]:
        doc.add_paragraph(_("Belum ada responden yang mengisi profil."))
    doc.add_heading(_("4. Ringkasan saran dan masukan"), level=1)
    for line in _suggestion_lines(document):
        doc.add_paragraph(line)
    if document["themes"]["rows"]:
        table_block(doc, document["themes"])
    doc.add_heading(_("5. Rencana tindak lanjut"), level=1)
    table_block(doc, document["plan"])
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
