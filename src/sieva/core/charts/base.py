"""Charts as inline SVG, rendered on the server from Vega-Lite specs by vl-convert: the house style, rendering a spec, and the interval, bar and trend charts."""

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
