"""Charts as inline SVG, rendered on the server from Vega-Lite specs by vl-convert.

The same SVG goes into pages and into PDF reports, so pages keep a strict CSP (no chart
script in the browser) and a report looks like the page it came from. vl-convert escapes text
and emits no script or style attributes (tests/core/test_charts.py checks both).
Comparisons are drawn as intervals in a fixed order, never as a bare league table.
"""

from sieva.core.charts.base import (
    ACCENT,
    BAD,
    FONT,
    GOOD,
    INDONESIAN_NUMBERS,
    INK,
    MUTED,
    SCHEMA,
    Interval,
    bar_chart,
    interval_plot,
    render,
    trend_chart,
    trends_chart,
)
from sieva.core.charts.funnel import (
    FunnelPoint,
    funnel_plot,
    funnel_position,
)
from sieva.core.charts.scatter import (
    ScatterPoint,
    scatter_chart,
)

__all__ = [
    "SCHEMA",
    "FONT",
    "INK",
    "ACCENT",
    "MUTED",
    "GOOD",
    "BAD",
    "INDONESIAN_NUMBERS",
    "Interval",
    "render",
    "interval_plot",
    "bar_chart",
    "trend_chart",
    "trends_chart",
    "FunnelPoint",
    "funnel_position",
    "funnel_plot",
    "ScatterPoint",
    "scatter_chart",
]
