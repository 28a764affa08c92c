"""The dashboard's charts, from its selectors' aggregates (server-side SVG).

Rendering costs 10–200 ms a chart (a labelled scatter of 20 programs is the dearest) while
the numbers behind them change only when summaries are recomputed, so each chart is
memoised on its exact inputs and language: same data, same SVG, rendered once per process.
"""

from collections import OrderedDict
from collections.abc import Callable
from threading import Lock
from typing import Any

from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from sieva.core.charts import (
    FunnelPoint,
    ScatterPoint,
    bar_chart,
    funnel_plot,
    interval_plot,
    scatter_chart,
    trend_chart,
)
from sieva.dashboard.selectors.board import Dashboard

MEMO_SIZE = 256
_memo: OrderedDict[str, SafeString] = OrderedDict()
_memo_lock = Lock()  # threaded servers share the memo


def _memoised(chart: Callable[..., SafeString], *args: Any, **kwargs: Any) -> SafeString:
    key = repr((chart.__name__, args, sorted(kwargs.items()), get_language()))
    with _memo_lock:
        if key in _memo:
            _memo.move_to_end(key)
            return _memo[key]
    svg = chart(*args, **kwargs)
    with _memo_lock:
        _memo[key] = svg
        if len(_memo) > MEMO_SIZE:
            _memo.popitem(last=False)
    return svg


def effect_title(effect: str) -> str:
    return _("Kenaikan skor L2 (poin)") if effect == "gain" else _("Skor reaksi keseluruhan")


def dashboard_charts(board: Dashboard, *, effect: str) -> dict[str, Any]:
    charts: dict[str, Any] = {}
    shown = [g for g in board.groups if g.rate.value is not None]
    if shown:
        charts["funnel"] = _memoised(
            funnel_plot,
            [FunnelPoint(g.label, g.counts.attended, g.counts.invited) for g in shown],
            axis_title=_("Tingkat partisipasi (%)"),
            x_title=_("Pegawai diundang (n)"),
            outside_label=(_("di atas batas"), _("di bawah batas")),
        )
    if any(v is not None for _q, v in board.participation_trend):
        charts["participation_trend"] = _memoised(
            trend_chart, board.participation_trend, axis_title=_("Tingkat partisipasi (%)")
        )
    if any(v is not None for _q, v, _n in board.ikm_trend):
        charts["ikm_trend"] = _memoised(
            trend_chart, [(q, v) for q, v, _n in board.ikm_trend], axis_title=_("IKM (NIK 25–100)")
        )
    points = [
        ScatterPoint(s.program.name, s.cost_per_participant, getattr(s, effect))
        for s in board.summaries
        if s.cost_per_participant is not None and getattr(s, effect) is not None
    ]
    if points:
        charts["portfolio"] = _memoised(
            scatter_chart,
            points,
            x_title=_("Biaya per peserta hadir (Rp)"),
            y_title=effect_title(effect),
        )
    bars = [(c.unit.name, c.share.value) for c in board.compliance if c.share.value is not None]
    if bars:
        charts["compliance"] = _memoised(bar_chart, bars, axis_title=_("PNS memenuhi 20 JP (%)"))
    return charts


def memoised_interval_plot(rows, **kwargs):  # type: ignore[no-untyped-def]
    """`interval_plot`, rendered once per distinct rows and language."""
    return _memoised(interval_plot, rows, **kwargs)
