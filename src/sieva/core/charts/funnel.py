"""The funnel plot: each group's proportion against its size, with the binomial control limits around the pooled proportion."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.safestring import SafeString

from sieva.core.charts.base import ACCENT, BAD, GOOD, INK, MUTED, render


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
