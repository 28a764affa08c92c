"""Pendahuluan, Tujuan and Metode Evaluasi, and the methods appendix."""

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from sieva.core import numbers
from sieva.evaluation.engine.figures import Design, Figure
from sieva.evaluation.templatetags.figures import figure_value
from sieva.programs.models import CohortStatus
from sieva.reports import blocks as b
from sieva.reports.inputs import ReportInput
from sieva.reports.narrative import Sentence, num

TESTS_USED = (
    (
        "L0, L2, L3",
        gettext_noop(
            "Interval Wilson (95%) untuk proporsi (tingkat partisipasi, kelulusan, respons)."
        ),
    ),
    (
        "L1, L3",
        gettext_noop(
            "Interval t (95%) untuk rata-rata skor skala; alpha Cronbach dengan interval Feldt."
        ),
    ),
    (
        "L2",
        gettext_noop(
            "Uji t berpasangan dan uji Wilcoxon bertanda; ukuran efek d_z dan g_av; N-gain Hake."
        ),
    ),
    (
        "L4",
        gettext_noop(
            "Selisih-dalam-selisih (efek tetap dua arah, galat baku klaster per unit) dan uji tren."
        ),
    ),
    (
        "L5",
        gettext_noop(
            "Realisasi anggaran, biaya per peserta/JP; ROI Phillips dengan simulasi Monte Carlo."
        ),
    ),
)


def _date(day: Any) -> str:
    return numbers.day(day) if day else "…"


def introduction(inp: ReportInput) -> dict[str, Any]:
    facts, result = inp.facts, inp.result
    names = ", ".join(p.name for p in facts.programs) or _("(tidak ada program)")
    owners = sorted({p.owner.name for p in facts.programs})
    organisers = sorted({p.organiser for p in facts.programs if p.organiser})
    sentences = [
        Sentence(
            _(
                "Laporan ini mengevaluasi %(programs)d program (%(names)s) dengan %(cohorts)d "
                "angkatan, cakupan: %(scope)s."
            )
            % {
                "programs": result.program_count,
                "names": names,
                "cohorts": result.cohort_count,
                "scope": inp.scope_label,
            }
        ),
        Sentence(
            _("Periode angkatan: %(start)s s.d. %(end)s.")
            % {"start": _date(facts.start), "end": _date(facts.end)}
        ),
    ]
    if owners:
        sentences.append(
            Sentence(_("Instansi pemilik program: %(owners)s.") % {"owners": ", ".join(owners)})
        )
    if organisers:
        sentences.append(Sentence(_("Penyelenggara: %(org)s.") % {"org": ", ".join(organisers)}))
    sentences.append(
        Sentence(
            _(
                "Evaluasi disusun dengan SIEVA oleh %(author)s mengikuti model Kirkpatrick "
                "(L1–L4) dan Phillips (L5), ditambah partisipasi (L0)."
            )
            % {"author": inp.author}
        )
    )
    cohort_rows = [
        (
            c.program.name,
            c.name,
            _date(c.start_date),
            _date(c.end_date),
            _("daring") if c.is_online else (c.location or "—"),
            c.get_status_display(),
        )
        for c in facts.cohorts
    ]
    headers = [_("Program"), _("Angkatan"), _("Mulai"), _("Selesai"), _("Tempat"), _("Status")]
    return b.section(
        "pendahuluan",
        _("Pendahuluan"),
        [
            b.paragraph(sentences),
            b.table(_("Angkatan yang dievaluasi"), headers, cohort_rows),
            pending_table(result.pending),
        ],
    )


def pending_table(pending: Any) -> dict[str, Any] | None:
    """The scope's cohorts not counted yet (planned, open, running), with what they hold."""
    if not pending:
        return None
    statuses = dict(CohortStatus.choices)
    rows = [
        (
            c.program,
            c.name,
            _date(c.start_date),
            _date(c.end_date),
            str(statuses.get(c.status, c.status))
            + (" · " + _("lewat tanggal selesai") if c.overdue else ""),
            numbers.integer(c.invited),
            numbers.rupiah(c.planned),
        )
        for c in pending
    ]
    headers = [
        _("Program"),
        _("Angkatan"),
        _("Mulai"),
        _("Selesai"),
        _("Status"),
        _("Diundang"),
        _("Anggaran rencana"),
    ]
    return b.table(_("Angkatan yang belum dihitung"), headers, rows)


def inclusion_text(result: Any) -> str:
    """The inclusion rule of sieva.programs.inclusion, as the methods section states it."""
    text = _(
        "Angka evaluasi hanya menghitung angkatan yang sudah selesai (%(n)d angkatan). Angkatan "
        "yang masih direncanakan, dibuka pendaftarannya atau sedang berjalan tidak dihitung dalam "
        "tingkat partisipasi, kelulusan, realisasi anggaran, biaya satuan maupun efek, karena "
        "hasil dan belanjanya belum lengkap; angkatan yang sudah lewat tanggal selesai tetapi "
        "statusnya belum diperbarui dicatat sebagai temuan mutu data."
    ) % {"n": result.cohort_count}
    if result.pending:
        text += " " + _("Dalam cakupan ini %(n)d angkatan belum dihitung.") % {
            "n": len(result.pending)
        }
    return text


def _lines(value: str) -> list[str]:
    return [line.strip(" -•\t") for line in value.splitlines() if line.strip(" -•\t")]


def objectives(inp: ReportInput) -> dict[str, Any]:
    blocks: list[Any] = []
    for program in inp.facts.programs:
        blocks.append(b.heading(program.name))
        blocks.append(
            b.text(
                _("Jenis: %(kind)s; moda: %(mode)s; sasaran peserta: %(group)s.")
                % {
                    "kind": program.get_kind_display(),
                    "mode": program.get_mode_display(),
                    "group": program.target_group or "—",
                }
            )
        )
        goals = _lines(program.objectives)
        blocks.append(b.text(_("Tujuan program:")))
        blocks.append(
            b.items(goals) if goals else b.text(_("Tujuan belum diisi pada data program."))
        )
        competencies = _lines(program.target_competencies)
        if competencies:
            blocks.append(b.text(_("Kompetensi sasaran:")))
            blocks.append(b.items(competencies))
    if not blocks:
        blocks.append(b.text(_("Tidak ada program dalam cakupan ini.")))
    return b.section("tujuan", _("Tujuan"), blocks)


def _design_rows(inp: ReportInput) -> list[tuple[str, str, str]]:
    r = inp.result
    rows = [
        ("L0", _("Partisipasi"), Design.RECORDS.label),
        ("L1", _("Reaksi"), Design.POST_ONLY.label),
        ("L2", _("Pembelajaran"), Design.PRE_POST.label),
        ("L3", _("Perilaku"), Design.POST_ONLY.label),
    ]
    effects = [e for e in (r.l4.ikm, *r.l4.indicators) if e is not None]
    l4 = max((e.effect.design for e in effects), default=None)
    rows.append(("L4", _("Hasil"), l4.label if l4 is not None else _("belum ada data")))
    rows.append(("L5", _("Biaya dan ROI"), Design.RECORDS.label))
    return rows


def _sample_rows(inp: ReportInput) -> list[tuple[str, str, str, str]]:
    r = inp.result

    def row(label: str, figure: Figure) -> tuple[str, str, str, str]:
        notes = " ".join(c.message for c in figure.caveats)
        return (label, str(figure.n), figure_value(figure), notes)

    rows = [(_("L0 · diundang"), str(r.l0.funnel.invited), "—", _("data administrasi"))]
    rows.append(row(_("L1 · survei reaksi"), r.l1.response_rate))
    rows.append((_("L2 · pasangan pre–post"), str(r.l2.pairs), "—", ""))
    rows += [row(f"L3 · {rater.label}", rater.response_rate) for rater in r.l3.raters]
    return rows


def method(inp: ReportInput) -> dict[str, Any]:
    instruments = inp.facts.instruments
    return b.section(
        "metode",
        _("Metode Evaluasi"),
        [
            b.text(
                _(
                    "Setiap angka disertai jumlah responden (n), interval kepercayaan (95%), dan "
                    "desain buktinya. Kelompok kurang dari 5 orang tidak ditampilkan."
                )
            ),
            b.text(inclusion_text(inp.result)),
            b.table(
                _("Tingkat evaluasi dan desain bukti"),
                [_("Tingkat"), _("Aspek"), _("Desain")],
                _design_rows(inp),
            ),
            b.table(
                _("Instrumen dan versinya"),
                [_("Instrumen"), _("Tujuan"), _("Versi"), _("Kampanye"), _("Respons")],
                [
                    (i.title, i.purpose_label, i.version, i.campaigns, i.responses)
                    for i in instruments
                ],
            )
            if instruments
            else b.text(_("Belum ada instrumen yang dikirim untuk cakupan ini.")),
            b.table(
                _("Sampel dan tingkat respons"),
                [_("Kelompok"), "n", _("Tingkat respons"), _("Catatan")],
                _sample_rows(inp),
            ),
        ],
    )


def _applies(inp: ReportInput, level: str) -> bool:
    r = inp.result
    if level == "L2":
        return r.l2.t_test is not None
    if level == "L4":
        return r.l4.ikm is not None or bool(r.l4.indicators)
    return True


def methods_appendix(inp: ReportInput) -> dict[str, Any]:
    r = inp.result
    scales = [*((_("L1"), s) for s in r.l1.scales)]
    scales += [(f"L3 · {rater.label}", s) for rater in r.l3.raters for s in rater.scales]
    reliability = [
        (
            level,
            s.name,
            s.items,
            num(s.alpha) if s.alpha is not None else "—",
            f"[{num(s.alpha_ci[0])} – {num(s.alpha_ci[1])}]" if s.alpha_ci else "",
            s.alpha_n,
        )
        for level, s in scales
        if s.mean.n
    ]
    return b.section(
        "lampiran_metode",
        _("Lampiran A. Metode"),
        [
            b.table(
                _("Reliabilitas skala (alpha Cronbach)"),
                [_("Tingkat"), _("Skala"), _("Butir"), _("Alpha"), _("IK 95 %"), "n"],
                reliability,
            )
            if reliability
            else b.text(_("Belum ada skala yang dapat diuji reliabilitasnya.")),
            b.table(
                _("Uji statistik yang digunakan"),
                [_("Tingkat"), _("Metode")],
                [(level, _(m)) for level, m in TESTS_USED if _applies(inp, level)],
            ),
            b.table(
                _("Desain bukti per tingkat"),
                [_("Tingkat"), _("Aspek"), _("Desain")],
                _design_rows(inp),
            ),
        ],
    )
