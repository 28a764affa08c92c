"""Template helpers of the report document."""

import base64

from django import template
from django.utils.safestring import SafeString, mark_safe

from sieva.evaluation.engine.figures import source_name

register = template.Library()


@register.filter
def svg_uri(svg: str) -> str:
    """The chart as a data URI for <img>: WeasyPrint draws an SVG image faster than inline SVG."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode()


@register.filter
def chart_svg(svg: str) -> SafeString:
    """A stored chart, inline. The SVG was produced by vl-convert, which escapes every data
    string and emits no script (tests/reports/test_charts.py), and it is stored unchanged."""
    return mark_safe(svg)  # noqa: S308 - see docstring


def source_labels(sources: list) -> list[dict[str, str]]:  # type: ignore[type-arg]
    """The sources of a paragraph as {label, path}; reports stored before sources had names
    kept "key → path" text, of which only the page is shown (never the internal key)."""
    out = []
    for source in sources or []:
        if isinstance(source, dict):
            out.append(source)
        else:
            path = str(source).split("→")[-1].strip()
            out.append({"label": source_name(path), "path": path})
    return out


register.filter("sources", source_labels)


@register.filter
def at(values: list | None, index: int) -> object:  # type: ignore[type-arg]
    """values[index], or "" past the end (a table row's figure key)."""
    return values[index] if values and 0 <= index < len(values) else ""
