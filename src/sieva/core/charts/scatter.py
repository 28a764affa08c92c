"""The scatter chart: labelled points, the most extreme named."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.safestring import SafeString

from sieva.core.charts.base import ACCENT, INK, render


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
