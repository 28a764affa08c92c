"""The charts of the evaluation page and the region comparison, from engine results only."""

from collections.abc import Callable
from typing import Any

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sieva.core.charts import Interval, bar_chart, interval_plot, trends_chart
from sieva.evaluation.engine.figures import Figure
from sieva.evaluation.engine.levels.results import OutcomeEffect
from sieva.evaluation.engine.regions import RegionComparison
from sieva.evaluation.engine.result import EvaluationResult


def _interval(label: str, figure: Figure | None) -> Interval | None:
    if figure is None or figure.value is None or figure.ci is None:
        return None
    return Interval(label, figure.value, figure.ci[0], figure.ci[1], figure.n)


def level_charts(result: EvaluationResult) -> dict[str, Any]:
    charts: dict[str, Any] = {}
    funnel = result.l0.funnel
    if funnel.invited:
        charts["funnel"] = bar_chart(
            [
                (_("Diundang"), funnel.invited),
                (_("Terdaftar"), funnel.registered),
                (_("Hadir"), funnel.attended),
                (_("Lulus"), funnel.completed),
            ],
            axis_title=_("orang"),
        )
    scales = [i for s in result.l1.scales if (i := _interval(s.name, s.mean)) is not None]
    if scales:
        charts["reaction"] = interval_plot(
            scales, axis_title=_("Skor rata-rata (1–5) dan interval 95 %"), domain=(1, 5)
        )
    raters = [
        i for r in result.l3.raters if (i := _interval(r.label, r.application_rate)) is not None
    ]
    if raters:
        charts["behaviour"] = interval_plot(
            raters, axis_title=_("Menerapkan hasil pelatihan (%)"), domain=(0, 100)
        )
    charts["outcomes"] = [
        (outcome, _outcome_chart(outcome))
        for outcome in (result.l4.ikm, *result.l4.indicators)
        if outcome is not None
    ]
    return charts


def _outcome_chart(outcome: OutcomeEffect) -> SafeString | None:
    if not outcome.trends:
        return None
    return trends_chart(
        [(t.label, t.points) for t in outcome.trends],
        axis_title=f"{outcome.name} ({outcome.measure})",
    )


REGION_METRICS: list[
    tuple[str, Any, Callable[[EvaluationResult], Figure | None], tuple[float, float] | None]
] = [
    (
        "participation",
        gettext_lazy("Tingkat partisipasi (%)"),
        lambda r: r.l0.participation,
        (0, 100),
    ),
    (
        "reaction",
        gettext_lazy("Skor reaksi keseluruhan (1–5)"),
        lambda r: r.l1.overall.mean if r.l1.overall else None,
        (1, 5),
    ),
    ("completion", gettext_lazy("Tingkat kelulusan (%)"), lambda r: r.l0.completion, (0, 100)),
]


def region_charts(
    comparison: RegionComparison, plot: Callable[..., SafeString] = interval_plot
) -> dict[str, SafeString]:
    """One interval plot per metric; `plot` lets a caller memoise the rendering."""
    charts: dict[str, SafeString] = {}
    for key, title, pick, domain in REGION_METRICS:
        rows = [
            i
            for row in comparison.rows
            if (i := _interval(row.region.name, pick(row.result))) is not None
        ]
        if len(rows) >= 1:
            charts[key] = plot(tuple(rows), axis_title=str(title), domain=domain)
    return charts
