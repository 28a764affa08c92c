"""Formatting of engine figures in templates: value, interval, n and caveats, per unit."""

from django import template
from django.template.defaultfilters import floatformat
from django.utils.formats import number_format

from sieva.evaluation.engine.figures import Figure

register = template.Library()


def _number(value: float, unit: str) -> str:
    if unit == "Rp":
        return "Rp " + number_format(round(value), force_grouping=True)
    if unit == "%":
        return f"{floatformat(value, 1)} %"
    return str(floatformat(value, 2))


@register.filter
def figure_value(figure: Figure | None) -> str:
    """The value in its unit, or "—" when it is missing or withheld."""
    if figure is None or figure.value is None:
        return "—"
    return _number(figure.value, figure.unit)


@register.filter
def figure_ci(figure: Figure | None) -> str:
    """ "[low – high]" of the 95 % interval, or "" without one."""
    if figure is None or figure.ci is None:
        return ""
    low, high = figure.ci
    return f"[{_number(low, figure.unit)} – {_number(high, figure.unit)}]"
