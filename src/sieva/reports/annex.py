"""The data annex: every number of the report as a table (one per level and kind), with n,
interval and design, raw (unformatted) so a spreadsheet can recompute from it."""

from typing import Any

from django.utils.translation import gettext as _

from sieva.core.labels import label
from sieva.evaluation.engine.figures import Figure
from sieva.reports.inputs import LEVELS, ReportInput, figures_in

Sheet = dict[str, Any]

LEVEL_NAMES = {
    "l0": "L0 Partisipasi",
    "l1": "L1 Reaksi",
    "l2": "L2 Pembelajaran",
    "l3": "L3 Perilaku",
    "l4": "L4 Hasil",
    "l5": "L5 Biaya",
}


def _figure_headers() -> list[str]:
    return [
        _("Kunci"),
        _("Indikator"),
        _("Nilai"),
        _("IK 95 % bawah"),
        _("IK 95 % atas"),
        "n",
        _("Satuan"),
        _("Desain"),
        _("Catatan"),
        _("Sumber"),
    ]


def _figure_row(f: Figure) -> list[Any]:
    low, high = f.ci if f.ci else (None, None)
    caveats = " ".join(c.message for c in f.caveats)
    return [f.key, f.label, f.value, low, high, f.n, f.unit, f.design.label, caveats, f.source]


def _sheet(name: str, headers: list[str], rows: list[list[Any]]) -> Sheet:
    return {"name": name, "headers": headers, "rows": rows}


def annex(inp: ReportInput) -> list[Sheet]:
    r = inp.result
    sheets = [
        _sheet(
            LEVEL_NAMES[level],
            _figure_headers(),
            [_figure_row(f) for f in figures_in(getattr(r, level)) if f.label],
        )
        for level in LEVELS
    ]
    f = r.l0.funnel
    sheets.append(
        _sheet(
            "L0 Corong",
            [_("Tahap"), _("Orang")],
            [
                [_("Diundang"), f.invited],
                [_("Terdaftar"), f.registered],
                [_("Hadir"), f.attended],
                [_("Lulus"), f.completed],
                [_("Mengundurkan diri"), f.withdrawn],
            ],
        )
    )
    sheets.append(
        _sheet("L0 Alasan", [_("Alasan"), _("Orang")], [[x.label, x.count] for x in r.l0.reasons])
    )
    scales = [("L1", s) for s in r.l1.scales]
    scales += [(f"L3 {rater.label}", s) for rater in r.l3.raters for s in rater.scales]
    sheets.append(
        _sheet(
            "Skala",
            [
                _("Tingkat"),
                _("Skala"),
                _("Rata-rata"),
                "n",
                _("Alpha"),
                _("Alpha IK bawah"),
                _("Alpha IK atas"),
                _("n alpha"),
                _("Butir"),
                _("Kategori"),
            ],
            [
                [
                    lvl,
                    s.name,
                    s.mean.value,
                    s.mean.n,
                    s.alpha,
                    *(s.alpha_ci or (None, None)),
                    s.alpha_n,
                    s.items,
                    label(s.band) if s.band else None,
                ]
                for lvl, s in scales
            ],
        )
    )
    sheets.append(_tests_sheet(inp))
    sheets.append(
        _sheet(
            "L3 Hambatan",
            [_("Penilai"), _("Jenis"), _("Pilihan"), _("Responden"), _("Persen")],
            [
                [rater.label, kind, m.label, m.count, m.share]
                for rater in r.l3.raters
                for kind, mentions in (
                    (_("hambatan"), rater.barriers),
                    (_("pendukung"), rater.enablers),
                )
                for m in mentions
            ],
        )
    )
    outcomes = [e for e in (r.l4.ikm, *r.l4.indicators) if e is not None]
    sheets.append(
        _sheet(
            "L4 Tren",
            [_("Ukuran"), _("Kelompok"), _("Bulan"), _("Rata-rata")],
            [
                [o.name, t.label, period, value]
                for o in outcomes
                for t in o.trends
                for period, value in t.points
            ],
        )
    )
    sheets.append(
        _sheet(
            _("Temuan"),
            [
                _("Aturan"),
                _("Tingkat"),
                _("Temuan"),
                _("Keparahan"),
                _("Kekuatan bukti"),
                _("Rekomendasi"),
                _("Prioritas"),
                _("Perlu kajian lebih lanjut"),
            ],
            [
                [
                    f.rule,
                    f.level,
                    f.statement,
                    int(f.severity),
                    str(f.strength),
                    rec.text if rec else "",
                    rec.priority if rec else None,
                    bool(rec and rec.further_study),
                ]
                for f in inp.findings
                for rec in (f.recommendations or (None,))
            ],
        )
    )
    return sheets


def _tests_sheet(inp: ReportInput) -> Sheet:
    l2 = inp.result.l2
    rows: list[list[Any]] = []
    if l2.t_test is not None:
        rows += [
            ["t", l2.t_test.t],
            ["df", l2.t_test.df],
            ["p (t)", l2.t_test.p],
            [_("Selisih rata-rata"), l2.t_test.mean_diff],
        ]
    if l2.wilcoxon is not None:
        rows += [["W", l2.wilcoxon.statistic], ["p (Wilcoxon)", l2.wilcoxon.p]]
    if l2.d_z is not None:
        rows += [
            ["d_z", l2.d_z.value],
            ["d_z IK bawah", l2.d_z.ci.low],
            ["d_z IK atas", l2.d_z.ci.high],
        ]
    if l2.g_av is not None:
        rows.append(["g_av", l2.g_av.value])
    if l2.n_gain is not None:
        rows.append(["N-gain", l2.n_gain.class_gain])
    for o in (inp.result.l4.ikm, *inp.result.l4.indicators):
        if o is not None and o.did is not None:
            rows += [[f"DiD {o.name}", o.did.estimate], [f"DiD {o.name} p", o.did.p]]
    return _sheet("L2 L4 Uji", [_("Statistik"), _("Nilai")], rows)
