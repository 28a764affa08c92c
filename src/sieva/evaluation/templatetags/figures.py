"""Formatting of engine figures (value, interval) in templates and in the report — through
`sieva.core.numbers`, so the page, the report and the dashboard print one figure alike."""

from django import template

from sieva.core import numbers
from sieva.evaluation.engine.figures import Figure

register = template.Library()


@register.filter
def figure_value(figure: Figure | None) -> str:
    """The value in its unit, or "—" when it is missing or withheld."""
    if figure is None or figure.value is None:
        return numbers.MISSING
    return numbers.number(figure.value, figure.unit)


@register.filter
def figure_ci(figure: Figure | None) -> str:
    """ "[low – high]" of the 95 % interval, or "" without one."""
    if figure is None or figure.ci is None:
        return ""
    low, high = figure.ci
    return f"[{numbers.number(low, figure.unit)} – {numbers.number(high, figure.unit)}]"
