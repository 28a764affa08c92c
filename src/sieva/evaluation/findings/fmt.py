"""Numbers as a finding's text shows them, in the active language's separators."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _

PERCENT_UNITS = {"%"}
MONEY_UNITS = {"Rp"}


def number(value: float | None, unit: str = "", places: int | None = None) -> str:
    """`value` with its unit: "72,5 %", "Rp 1.250.000", "3,41"; an em dash when None."""
    if value is None:
        return "—"
    if unit in MONEY_UNITS:
        return f"Rp {number_format(round(value), 0, force_grouping=True)}"
    if places is None:
        places = 1 if unit in PERCENT_UNITS else 2
    text = number_format(round(value, places), places, force_grouping=True)
    return f"{text} %" if unit in PERCENT_UNITS else text


def interval(ci: tuple[float, float] | None, unit: str = "", places: int | None = None) -> str:
    if ci is None:
        return "—"
    if places is None and unit in PERCENT_UNITS:
        places = 1
    low, high = (number(v, "" if unit in PERCENT_UNITS else unit, places) for v in ci)
    return f"{low}–{high} %" if unit in PERCENT_UNITS else f"{low}–{high}"


def names(shown: tuple[str, ...], count: int) -> str:
    """ "A, B, C" or "A, B, C dan 4 lainnya" when more exist than are shown."""
    text = ", ".join(shown)
    if count > len(shown):
        text += " " + _("dan %(n)d lainnya") % {"n": count - len(shown)}
    return text
