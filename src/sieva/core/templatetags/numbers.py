"""Template filters over `sieva.core.numbers`: `{% load numbers %}` then
`{{ x|num }}`, `{{ x|num:1 }}`, `{{ x|pct }}`, `{{ x|rupiah }}`, `{{ n|int }}`, `{{ d|day }}`."""

from django import template

from sieva.core import numbers

register = template.Library()


@register.filter
def num(value, places=2):  # type: ignore[no-untyped-def]
    return numbers.decimal(value, int(places)) if value not in (None, "") else numbers.MISSING


@register.filter
def pct(value, places=1):  # type: ignore[no-untyped-def]
    return numbers.percent(value, int(places)) if value not in (None, "") else numbers.MISSING


@register.filter
def rupiah(value):  # type: ignore[no-untyped-def]
    return numbers.rupiah(value) if value not in (None, "") else numbers.MISSING


@register.filter(name="int")
def integer(value):  # type: ignore[no-untyped-def]
    return numbers.integer(value) if value not in (None, "") else numbers.MISSING


@register.filter
def day(value):  # type: ignore[no-untyped-def]
    return numbers.day(value) if value else numbers.MISSING


@register.filter
def p_value(value):  # type: ignore[no-untyped-def]
    return numbers.p_value(value) if value not in (None, "") else numbers.MISSING


@register.filter
def evidence_value(evidence: dict) -> str:  # type: ignore[type-arg]
    """A stored evidence number ({value, unit}) as the figure printed it."""
    unit = evidence.get("unit", "")
    value = evidence.get("value")
    if value is None or unit in (numbers.PERCENT, numbers.RUPIAH, ""):
        return numbers.number(value, unit)
    return f"{numbers.decimal(value)} {unit}"


@register.filter
def evidence_interval(evidence: dict) -> str:  # type: ignore[type-arg]
    ci = evidence.get("ci")
    return numbers.interval(tuple(ci), evidence.get("unit", "")) if ci else numbers.MISSING
