"""Numbers and dates as a reader sees them — one module for the pages (template filters in
`templatetags/numbers.py`), the report (web, PDF, DOCX), findings, XLSX title blocks and the
dashboard, so one figure reads the same everywhere (decision 0046).

- Rounding is half away from zero on the number as written (`repr`), like a person rounds:
  59.45 → "59,5". (`round()` rounds half to even on the binary value and Django's
  `number_format` truncates; mixing them printed 59,5 % and 59,4 % for one figure.)
- Indonesian: decimal comma, thousands dot ("59,5 %", "Rp 1.234.567", "1.234,56");
  English: "59.5 %", "Rp 1,234,567". Percentages carry one decimal, rupiah none, scores,
  effect sizes and coefficients two, unless a caller needs another precision.
- A comparison with a threshold is worded from the comparison actually made (`compared`):
  when the rounded value would read the same as the threshold, more decimals are shown
  ("alpha 0,696 < 0,70"), never "0,70 < 0,70".
"""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import date_format
from django.utils.translation import get_language

PERCENT, RUPIAH = "%", "Rp"
DEFAULT_PLACES = {PERCENT: 1, RUPIAH: 0}
MISSING = "—"


def _separators() -> tuple[str, str]:
    """(decimal, thousands) of the active language."""
    return (".", ",") if (get_language() or "id").startswith("en") else (",", ".")


def rounded(value: float | Decimal, places: int) -> Decimal:
    """`value` rounded half away from zero to `places` decimals (as written, not as binary)."""
    exact = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    result = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return result + 0 if result.is_zero() else result  # no "-0,0"


def decimal(value: float | Decimal | None, places: int = 2) -> str:
    """ "1.234,57" (Indonesian) or "1,234.57" (English); an em dash for None."""
    if value is None:
        return MISSING
    point, group = _separators()
    text = f"{rounded(value, places):,.{places}f}"  # Python's own: "," groups, "." decimals
    return text.replace(",", "\x00").replace(".", point).replace("\x00", group)


def percent(value: float | None, places: int = 1) -> str:
    """ "59,5 %"."""
    return MISSING if value is None else f"{decimal(value, places)} %"


def rupiah(value: float | Decimal | None) -> str:
    """ "Rp 1.234.567" (whole rupiah)."""
    return MISSING if value is None else f"Rp {decimal(value, 0)}"


def integer(value: int | None) -> str:
    """ "1.234"."""
    return MISSING if value is None else decimal(value, 0)


def places_for(unit: str, places: int | None = None) -> int:
    return places if places is not None else DEFAULT_PLACES.get(unit, 2)


def number(value: float | Decimal | None, unit: str = "", places: int | None = None) -> str:
    """`value` in its unit: "%" → "59,5 %", "Rp" → "Rp 1.234.567", else "3,41" (a unit that
    is a word is left for the caller to add)."""
    if unit == RUPIAH:
        return rupiah(value)
    if unit == PERCENT:
        return percent(value, places_for(unit, places))  # type: ignore[arg-type]
    return decimal(value, places_for(unit, places))


def interval(ci: tuple[float, float] | None, unit: str = "", places: int | None = None) -> str:
    """ "52,3–66,0 %", "Rp 1.000–Rp 2.000", "3,10–3,55"; an em dash without an interval."""
    if ci is None:
        return MISSING
    low, high = ci
    dash = " – " if min(low, high) < 0 else "–"  # "-41,6 – -11,2 %", never "-41,6–-11,2 %"
    if unit == PERCENT:
        p = places_for(unit, places)
        return f"{decimal(low, p)}{dash}{decimal(high, p)} %"
    return f"{number(low, unit, places)}{dash}{number(high, unit, places)}"


def compared(
    value: float, threshold: float, unit: str = "", places: int | None = None
) -> tuple[str, str]:
    """(value, threshold) as text, with as many more decimals (up to 4 more) as it takes for
    two different numbers not to read the same — so "below 0,70" never follows "0,70"."""
    p = places_for(unit, places)
    extra = 0
    while (
        extra < 4
        and value != threshold
        and rounded(value, p + extra) == rounded(threshold, p + extra)
    ):
        extra += 1
    return number(value, unit, p + extra), number(threshold, unit, p)


def day(value: dt.date | dt.datetime | None) -> str:
    """ "4 Desember 2026" in the active language; an em dash for None."""
    return MISSING if value is None else date_format(value, "j F Y")


def p_value(p: float | None) -> str:
    """ "p < 0,001" or "p = 0,023" (three decimals, as journals print them)."""
    if p is None:
        return MISSING
    return f"p < {decimal(0.001, 3)}" if p < 0.001 else f"p = {decimal(p, 3)}"
