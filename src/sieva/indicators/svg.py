"""A small bar chart of an indicator's trend, drawn on the server as SVG (strict CSP).

The markup is built from numbers only (no user text), so it can be marked safe.
"""

from collections.abc import Sequence
from decimal import Decimal

from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT, GAP = 320, 60, 2


def bar_chart(
    values: Sequence[Decimal | float], *, target: Decimal | float | None = None, label: str = ""
) -> SafeString:
    """An inline SVG of one bar per value, with the target as a dashed line when given."""
    if not values:
        return mark_safe("")  # noqa: S308 - empty string
    top = max([float(v) for v in values] + ([float(target)] if target is not None else []))
    top = top or 1.0
    step = WIDTH / len(values)
    bars = []
    for i, v in enumerate(values):
        h = float(v) / top * (HEIGHT - 4)
        bars.append(
            f'<rect x="{i * step + GAP / 2:.1f}" y="{HEIGHT - h:.1f}" '
            f'width="{max(step - GAP, 1):.1f}" height="{h:.1f}"/>'
        )
    line = ""
    if target is not None:
        y = HEIGHT - float(target) / top * (HEIGHT - 4)
        line = f'<line x1="0" x2="{WIDTH}" y1="{y:.1f}" y2="{y:.1f}" class="target"/>'
    title = "".join(ch for ch in label if ch.isalnum() or ch in " -.,()%")[:120]
    return mark_safe(  # noqa: S308 - numbers and a filtered title only
        f'<svg class="sparkline" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}" role="img" aria-label="{title}">{"".join(bars)}{line}</svg>'
    )
