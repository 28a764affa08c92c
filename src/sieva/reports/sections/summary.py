"""Ringkasan Eksekutif (one page: verdict, three key numbers, top recommendations) and the
follow-up of last period's recommendations."""

from typing import Any

from django.utils.translation import gettext as _

from sieva.core import numbers
from sieva.evaluation.engine.figures import Figure
from sieva.evaluation.templatetags.figures import figure_ci, figure_value
from sieva.reports import blocks as b
from sieva.reports.inputs import ReportInput

TOP = 3


def key_three(inp: ReportInput) -> list[Figure]:
    """Reach (participation), learning (the pre/post gain, else the reaction score) and money
    (budget realisation): the three numbers a head of office asks for first."""
    r = inp.result
    learning = r.l2.gain if r.l2.gain.value is not None else None
    if learning is None and r.l1.overall is not None:
        learning = r.l1.overall.mean
    return [f for f in (r.l0.participation, learning, r.l5.realisation) if f is not None]


def executive_summary(inp: ReportInput) -> dict[str, Any]:
    verdict = inp.verdict
    rows = [
        (f.label, figure_value(f), figure_ci(f) or "—", numbers.integer(f.n))
        for f in key_three(inp)
    ]
    cost = inp.result.l5
    blocks: list[Any] = [
        b.verdict(verdict.verdict.label, verdict.grade.label, verdict.reason),
        b.text(_("Keputusan yang diminta: %(decision)s") % {"decision": verdict.decision}),
        b.table(_("Tiga angka utama"), [_("Angka"), _("Nilai"), _("IK 95 %"), "n"], rows),
    ]
    if cost.planned:
        blocks.append(
            b.text(
                _("Anggaran angkatan yang selesai: rencana %(planned)s, realisasi %(spent)s.")
                % {"planned": numbers.rupiah(cost.planned), "spent": numbers.rupiah(cost.realised)}
            )
        )
    top = [f for f in inp.findings if f.recommendations][:TOP]
    if top:
        blocks.append(b.heading(_("Rekomendasi utama")))
        blocks.append(b.items(f.recommendations[0].text for f in top))
    return b.section("ringkasan", _("Ringkasan Eksekutif"), blocks)


def follow_up(inp: ReportInput) -> dict[str, Any]:
    """What happened to the previous period's recommendations of the same scope."""
    previous = inp.previous
    title = _("Tindak Lanjut Rekomendasi Periode Sebelumnya")
    if not previous:
        return b.section(
            "tindak_lanjut",
            title,
            [
                b.text(
                    _("Belum ada rekomendasi periode sebelumnya yang tercatat untuk cakupan ini.")
                )
            ],
        )
    counts: dict[str, int] = {}
    for rec in previous:
        counts[rec["status_label"]] = counts.get(rec["status_label"], 0) + 1
    summary = _("Dari %(n)d rekomendasi periode %(period)s: %(counts)s.") % {
        "n": len(previous),
        "period": previous[0]["period"],
        "counts": "; ".join(f"{label} {n}" for label, n in counts.items()),
    }
    rows = [
        (rec["text"], rec["owner"] or "—", rec["due"] or "—", rec["status_label"])
        for rec in previous
    ]
    headers = [_("Rekomendasi"), _("Penanggung jawab"), _("Tenggat"), _("Status")]
    return b.section(
        "tindak_lanjut",
        title,
        [b.text(summary), b.table(_("Rekomendasi periode sebelumnya"), headers, rows)],
    )
