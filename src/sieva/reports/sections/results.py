"""Hasil (L0–L5 with charts and tables) and Studi Kasus (the best documented cohort)."""

from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from sieva.evaluation.charts import level_charts
from sieva.evaluation.engine.result import EvaluationResult
from sieva.reports import blocks as b
from sieva.reports import narrative
from sieva.reports.inputs import ReportInput
from sieva.reports.sections import qualitative


def _l0(result: EvaluationResult, charts: dict[str, Any], target: float | None) -> list[Any]:
    level = result.l0
    out = [
        b.heading(_("L0 · Partisipasi")),
        b.paragraph(narrative.participation(result, target)),
        b.chart(
            charts.get("funnel"), _("Corong partisipasi: diundang → terdaftar → hadir → lulus")
        ),
        b.figure_table(_("Partisipasi"), [level.participation, level.completion]),
    ]
    if level.reasons:
        out.append(
            b.table(
                _("Alasan tidak mengikuti"),
                [_("Alasan"), _("Orang")],
                [(r.label, r.count if r.count is not None else "< 5") for r in level.reasons],
            )
        )
    return out


def _l1(result: EvaluationResult, charts: dict[str, Any]) -> list[Any]:
    level = result.l1
    out = [b.heading(_("L1 · Reaksi")), b.paragraph(narrative.reaction(result))]
    if level.campaigns:
        out.append(
            b.chart(charts.get("reaction"), _("Skor per aspek dengan interval kepercayaan 95 %"))
        )
        out.append(
            b.figure_table(_("Reaksi"), [level.response_rate, *(s.mean for s in level.scales)])
        )
    return out


def _l2(result: EvaluationResult) -> list[Any]:
    level = result.l2
    out = [b.heading(_("L2 · Pembelajaran")), b.paragraph(narrative.learning(result))]
    if level.pairs or level.pre_only:
        out.append(
            b.figure_table(_("Pembelajaran"), [level.pre, level.post, level.gain, level.pass_rate])
        )
    if level.assessment:
        out.append(b.figure_table(_("Penilaian peserta"), list(level.assessment)))
    return out


def _l3(result: EvaluationResult, charts: dict[str, Any]) -> list[Any]:
    out = [b.heading(_("L3 · Perilaku di tempat kerja")), b.paragraph(narrative.behaviour(result))]
    out.append(b.chart(charts.get("behaviour"), _("Menerapkan hasil pelatihan menurut penilai")))
    for rater in result.l3.raters:
        figures = [rater.response_rate, rater.application_rate, *(s.mean for s in rater.scales)]
        out.append(b.figure_table(rater.label, figures))
    if result.l3.follow_up:
        out.append(
            b.figure_table(_("Rencana aksi dan proyek perubahan"), list(result.l3.follow_up))
        )
        for case in result.l3.case_studies:
            out.append(
                b.text(
                    _("Studi kasus – %(title)s (%(kind)s, %(program)s): %(summary)s") % case
                    + (_(" Bukti: %(evidence)s.") % case if case.get("evidence") else "")
                )
            )
    if result.l3.mentoring:
        out.append(b.figure_table(_("Mentoring"), list(result.l3.mentoring)))
    return out


def _l4(result: EvaluationResult, charts: dict[str, Any]) -> list[Any]:
    out = [b.heading(_("L4 · Hasil di unit kerja")), b.paragraph(narrative.results(result))]
    for outcome, chart in charts.get("outcomes", []):
        out.append(
            b.chart(
                chart,
                _("%(name)s: rata-rata bulanan unit terlatih dan unit pembanding")
                % {"name": outcome.name},
            )
        )
        out.append(b.figure_table(outcome.name, [outcome.before, outcome.after, outcome.effect]))
    return out


def _l5(result: EvaluationResult) -> list[Any]:
    level = result.l5
    figures = [
        level.realisation,
        level.per_participant,
        level.per_completer,
        level.per_jp,
        level.roi,
    ]
    return [
        b.heading(_("L5 · Biaya dan ROI")),
        b.paragraph(narrative.cost(result)),
        b.figure_table(_("Biaya"), figures),
    ]


def results(inp: ReportInput) -> dict[str, Any]:
    result = inp.result
    charts = level_charts(result)
    return b.section(
        "hasil",
        _("Hasil"),
        [
            *_l0(result, charts, inp.target),
            *_l1(result, charts),
            *_l2(result),
            *_l3(result, charts),
            *_l4(result, charts),
            *_l5(result),
        ],
    )


def case_study(inp: ReportInput) -> dict[str, Any]:
    title = _("Studi Kasus")
    if inp.case is None:
        return b.section(
            "studi_kasus",
            title,
            [
                b.text(
                    _(
                        "Belum ada angkatan dengan data reaksi, tes atau perilaku untuk dijadikan studi kasus."
                    )
                ),
                *qualitative.case_study_blocks(inp),
            ],
        )
    cohort, result = inp.case.cohort, inp.case.result
    levels = [
        name
        for name, present in (
            ("L1", bool(result.l1.campaigns)),
            ("L2", bool(result.l2.pairs)),
            ("L3", bool(result.l3.raters)),
        )
        if present
    ]
    return b.section(
        "studi_kasus",
        title,
        [
            b.note(
                _(
                    "Ilustrasi: angkatan ini dipilih otomatis dari data sebagai angkatan dengan "
                    "data terlengkap (%(levels)s). Ini contoh, bukan sampel yang mewakili seluruh program."
                )
                % {"levels": ", ".join(levels)}
            ),
            b.heading(
                _("%(program)s · %(cohort)s (%(start)s s.d. %(end)s)")
                % {
                    "program": cohort.program.name,
                    "cohort": cohort.name,
                    "start": date_format(cohort.start_date, "j F Y"),
                    "end": date_format(cohort.end_date, "j F Y"),
                }
            ),
            b.paragraph(narrative.participation(result, None)),
            b.paragraph(narrative.reaction(result)),
            b.paragraph(narrative.learning(result)),
            b.paragraph(narrative.behaviour(result)),
            *qualitative.case_study_blocks(inp),
        ],
    )
