"""Charts as inline SVG, rendered on the server from Vega-Lite specs by vl-convert.

The same SVG goes into pages and into PDF reports, so pages keep a strict CSP (no chart
script in the browser) and a report looks like the page it came from. vl-convert escapes text
and emits no script or style attributes (tests/reports/test_charts.py checks both).
Comparisons are drawn as intervals in a fixed order, never as a bare league table.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import vl_convert
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
FONT = "DejaVu Sans, sans-serif"
INK = "#1d3557"
ACCENT = "#0b5394"
MUTED = "#8d99ae"
GOOD = "#1a7f37"
BAD = "#cf222e"
# d3-format has no Indonesian locale: decimal comma, thousands dot, as the pages print numbers.
INDONESIAN_NUMBERS = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["Rp", ""]}


@dataclass(frozen=True)
class Interval:
    """One row of an interval plot: an estimate with its confidence interval and n."""

    label: str
    value: float
    low: float
    high: float
    n: int


def render(spec: dict[str, Any]) -> SafeString:
    """The spec as an SVG string safe to place in a template."""
    full = {
        "$schema": SCHEMA,
        "config": {
            "font": FONT,
            "axis": {"labelColor": INK, "titleColor": INK, "labelLimit": 260},
            "view": {"stroke": None},
        },
        **spec,
    }
    numbers = INDONESIAN_NUMBERS if (get_language() or "id").startswith("id") else None
    svg = vl_convert.vegalite_to_svg(full, format_locale=numbers)
    return mark_safe(svg)  # noqa: S308 - vl-convert escapes every data string (see module doc)


def interval_plot(
    rows: Sequence[Interval],
    *,
    axis_title: str,
    reference: float | None = None,
    domain: tuple[float, float] | None = None,
    width: int = 520,
) -> SafeString:
    """Point estimates with horizontal 95 % interval bars, one row per label, in the given order.

    `reference` draws a dashed line (the overall mean, a target, a threshold).
    """
    values = [
        {
            "label": f"{r.label} (n={r.n})",
            "value": r.value,
            "low": r.low,
            "high": r.high,
        }
        for r in rows
    ]
    order = [v["label"] for v in values]
    x: dict[str, Any] = {"field": "value", "type": "quantitative", "title": axis_title}
    if domain is not None:
        x["scale"] = {"domain": list(domain), "zero": False}
    else:
        x["scale"] = {"zero": False}
    y = {"field": "label", "type": "nominal", "sort": order, "title": None}
    layers: list[dict[str, Any]] = [
        {
            "mark": {"type": "rule", "color": MUTED, "strokeWidth": 2},
            "encoding": {"y": y, "x": {**x, "field": "low"}, "x2": {"field": "high"}},
        },
        {
            "mark": {"type": "point", "filled": True, "color": ACCENT, "size": 70},
            "encoding": {"y": y, "x": x},
        },
    ]
    if reference is not None:
        layers.append(
            {
                "data": {"values": [{"ref": reference}]},
                "mark": {"type": "rule", "color": INK, "strokeDash": [4, 4]},
                "encoding": {"x": {"field": "ref", "type": "quantitative"}},
            }
        )
    return render(
        {
            "width": width,
            "height": max(40, 28 * len(rows)),
            "data": {"values": values},
            "layer": layers,
        }
    )


def bar_chart(
    bars: Sequence[tuple[str, float]], *, axis_title: str, width: int = 520
) -> SafeString:
    """Horizontal bars in the given order (funnel stages, answer counts)."""
    values = [{"label": label, "value": value} for label, value in bars]
    return render(
        {
            "width": width,
            "height": max(40, 26 * len(values)),
            "data": {"values": values},
            "mark": {"type": "bar", "color": ACCENT},
            "encoding": {
                "y": {
                    "field": "label",
                    "type": "nominal",
                    "sort": [v["label"] for v in values],
                    "title": None,
                },
                "x": {"field": "value", "type": "quantitative", "title": axis_title},
            },
        }
    )


def trend_chart(
    points: Sequence[tuple[str, float | None]],
    *,
    axis_title: str,
    marker: str | None = None,
    width: int = 520,
) -> SafeString:
    """A line over periods ("2025-01", …); None values leave a gap. `marker` draws a vertical
    rule at that period (e.g. the end of training)."""
    values = [{"period": p, "value": v} for p, v in points if v is not None]
    layers: list[dict[str, Any]] = [
        {
            "mark": {"type": "line", "point": True, "color": ACCENT},
            "encoding": {
                "x": {"field": "period", "type": "ordinal", "title": None},
                "y": {
                    "field": "value",
                    "type": "quantitative",
                    "title": axis_title,
                    "scale": {"zero": False},
                },
            },
        }
    ]
    if marker is not None:
        layers.append(
            {
                "data": {"values": [{"period": marker}]},
                "mark": {"type": "rule", "color": INK, "strokeDash": [4, 4]},
                "encoding": {"x": {"field": "period", "type": "ordinal"}},
            }
        )
    return render({"width": width, "height": 180, "data": {"values": values}, "layer": layers})


def trends_chart(
    series: Sequence[tuple[str, Sequence[tuple[str, float]]]],
    *,
    axis_title: str,
    width: int = 520,
) -> SafeString:
    """Several lines over the same periods ("2025-03", …), one colour per named series."""
    values = [
        {"series": name, "period": period, "value": value}
        for name, points in series
        for period, value in points
    ]
    return render(
        {
            "width": width,
            "height": 200,
            "data": {"values": values},
            "mark": {"type": "line", "point": True},
            "encoding": {
                "x": {"field": "period", "type": "ordinal", "title": None},
                "y": {
                    "field": "value",
                    "type": "quantitative",
                    "title": axis_title,
                    "scale": {"zero": False},
                },
                "color": {
                    "field": "series",
                    "type": "nominal",
                    "title": None,
                    "scale": {"range": [ACCENT, MUTED]},
                    "legend": {"orient": "bottom"},
                },
            },
        }
    )


@dataclass(frozen=True)
class FunnelPoint:
    """One group of a funnel plot: `successes` out of `n` (e.g. attended of invited)."""

    label: str
    successes: int
    n: int


def _binomial_limits(p: float, n: int, z: float) -> tuple[float, float]:
    half = z * (p * (1 - p) / n) ** 0.5
    return max(0.0, p - half), min(1.0, p + half)


def funnel_position(point: FunnelPoint, pooled: float) -> str:
    """ "above", "below" or "within" the 95 % control limits around the pooled rate."""
    low, high = _binomial_limits(pooled, point.n, 1.959964)
    rate = point.successes / point.n
    return "above" if rate > high else "below" if rate < low else "within"


def funnel_plot(
    points: Sequence[FunnelPoint],
    *,
    axis_title: str,
    x_title: str = "n",
    outside_label: tuple[str, str] = ("above", "below"),
    width: int = 520,
) -> SafeString:
    """Rates against group size with 95 % and 99.8 % control limits around the pooled rate
    (Spiegelhalter 2005, Stat Med 24:1185): a point outside the limits differs by more than
    chance; inside, however high or low, it does not — the honest alternative to a ranking.

    Only points outside the 95 % limits are named (and coloured: above / below), so labels do
    not pile up over the many groups that are simply within expectation; the table beside the
    chart names every group."""
    pooled = sum(p.successes for p in points) / max(1, sum(p.n for p in points))
    largest = max((p.n for p in points), default=1)
    steps = sorted({max(1, round(largest * k / 60)) for k in range(1, 61)} | {p.n for p in points})
    limits = []
    for n in steps:
        low95, high95 = _binomial_limits(pooled, n, 1.959964)
        low998, high998 = _binomial_limits(pooled, n, 3.090232)
        limits.append(
            {
                "n": n,
                "low95": low95 * 100,
                "high95": high95 * 100,
                "low998": low998 * 100,
                "high998": high998 * 100,
            }
        )
    above, below = outside_label
    names = {"above": above, "below": below, "within": ""}
    dots = [
        {
            "label": f"{p.label} (n={p.n})",
            "n": p.n,
            "rate": p.successes / p.n * 100,
            "position": names[funnel_position(p, pooled)] or "—",
            "named": p.label if funnel_position(p, pooled) != "within" else "",
        }
        for p in points
        if p.n
    ]
    x = {
        "field": "n",
        "type": "quantitative",
        "title": x_title,
        "scale": {"zero": False, "nice": True},
    }

    def limit(field: str, dash: list[int]) -> dict[str, Any]:
        return {
            "data": {"values": limits},
            "mark": {"type": "line", "color": MUTED, "strokeDash": dash},
            "encoding": {"x": x, "y": {"field": field, "type": "quantitative"}},
        }

    colour = {
        "field": "position",
        "type": "nominal",
        "title": None,
        "scale": {"domain": [above, below, "—"], "range": [GOOD, BAD, ACCENT]},
        "legend": {"orient": "bottom"},
    }
    return render(
        {
            "width": width,
            "height": 240,
            "layer": [
                limit("low95", [4, 3]),
                limit("high95", [4, 3]),
                limit("low998", [1, 2]),
                limit("high998", [1, 2]),
                {
                    "data": {"values": [{"pooled": pooled * 100}]},
                    "mark": {"type": "rule", "color": INK},
                    "encoding": {"y": {"field": "pooled", "type": "quantitative"}},
                },
                {
                    "data": {"values": dots},
                    "mark": {"type": "point", "filled": True, "size": 60},
                    "encoding": {
                        "x": x,
                        "y": {
                            "field": "rate",
                            "type": "quantitative",
                            "title": axis_title,
                            "scale": {"zero": False},
                        },
                        "color": colour,
                        "tooltip": [{"field": "label"}],
                    },
                },
                {
                    "data": {"values": [d for d in dots if d["named"]]},
                    "mark": {
                        "type": "text",
                        "dx": -6,
                        "dy": -8,
                        "align": "right",
                        "fontSize": 10,
                        "color": INK,
                        "limit": 160,
                    },
                    "encoding": {
                        "x": {"field": "n", "type": "quantitative"},
                        "y": {"field": "rate", "type": "quantitative"},
                        "text": {"field": "named"},
                    },
                },
            ],
        }
    )


@dataclass(frozen=True)
class ScatterPoint:
    """One labelled point of a scatter chart (e.g. a program: cost against effect)."""

    label: str
    x: float
    y: float


def _named(points: Sequence[ScatterPoint], most: int) -> set[int]:
    """The indexes of the `most` points farthest from the middle (in ranks on both axes):
    the ones a reader looks for; the others stay unlabelled so labels do not pile up."""
    if len(points) <= most:
        return set(range(len(points)))
    n = len(points)
    x_rank = {i: r for r, i in enumerate(sorted(range(n), key=lambda i: points[i].x))}
    y_rank = {i: r for r, i in enumerate(sorted(range(n), key=lambda i: points[i].y))}
    middle = (n - 1) / 2
    spread = sorted(range(n), key=lambda i: -(abs(x_rank[i] - middle) + abs(y_rank[i] - middle)))
    return set(spread[:most])


def scatter_chart(
    points: Sequence[ScatterPoint],
    *,
    x_title: str,
    y_title: str,
    width: int = 520,
    most_named: int = 8,
) -> SafeString:
    """Points on two quantitative axes (a portfolio: cost against effect). Up to
    `most_named` are named — all of them when there are few, else the farthest from the
    middle — so labels never pile up; the table beside the chart names every point."""
    named = _named(points, most_named)
    values = [
        {"label": p.label, "x": p.x, "y": p.y, "named": p.label if i in named else ""}
        for i, p in enumerate(points)
    ]
    x = {"field": "x", "type": "quantitative", "title": x_title, "scale": {"zero": False}}
    y = {"field": "y", "type": "quantitative", "title": y_title, "scale": {"zero": False}}
    return render(
        {
            "width": width,
            "height": 260,
            "data": {"values": values},
            "layer": [
                {
                    "mark": {"type": "point", "filled": True, "color": ACCENT, "size": 70},
                    "encoding": {"x": x, "y": y, "tooltip": [{"field": "label"}]},
                },
                {
                    "mark": {
                        "type": "text",
                        "dx": 6,
                        "align": "left",
                        "fontSize": 10,
                        "color": INK,
                    },
                    "encoding": {"x": x, "y": y, "text": {"field": "named"}},
                },
            ],
        }
    )
