"""Reading and checking one indicator value, shared by the entry grid and the import."""

from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext_lazy as _

from sieva.indicators.models import IndicatorDefinition, IndicatorKind

NOT_A_NUMBER = _("Nilai %(value)s bukan angka.")
NEGATIVE = _("Nilai tidak boleh negatif.")
NOT_WHOLE = _("Jumlah pengaduan harus bilangan bulat, tertulis %(value)s.")
ABOVE_HUNDRED = _("Tingkat kesalahan adalah persentase 0-100, tertulis %(value)s.")
TOO_LARGE = _("Nilai terlalu besar.")
IKM_NOT_ENTERED = _("IKM dibaca dari hasil SKM; realisasinya tidak diisi atau diimpor di sini.")
_LIMIT = Decimal("1e10")
_PLACES = Decimal("0.0001")


class ValueProblem(ValueError):
    """A value that cannot be stored for this indicator; the message is in Indonesian."""


def parse_value(cell: Any, definition: IndicatorDefinition) -> Decimal:
    """The cell as a Decimal fit for `definition`; Indonesian "12,5" is read as 12.5.

    Raises ValueProblem for text that is not a number, a negative value, a fractional
    complaint count, an error rate above 100 %, or any value of an IKM indicator.
    """
    if definition.kind == IndicatorKind.IKM:
        raise ValueProblem(str(IKM_NOT_ENTERED))
    if isinstance(cell, bool):
        raise ValueProblem(str(NOT_A_NUMBER) % {"value": cell})
    raw = cell if isinstance(cell, int | float | Decimal) else str(cell).strip().replace(",", ".")
    try:
        value = Decimal(str(raw))
    except InvalidOperation:
        raise ValueProblem(str(NOT_A_NUMBER) % {"value": cell}) from None
    if not value.is_finite():
        raise ValueProblem(str(NOT_A_NUMBER) % {"value": cell})
    if value < 0:
        raise ValueProblem(str(NEGATIVE))
    if value >= _LIMIT:
        raise ValueProblem(str(TOO_LARGE))
    if definition.kind == IndicatorKind.COMPLAINTS and value != value.to_integral_value():
        raise ValueProblem(str(NOT_WHOLE) % {"value": cell})
    if definition.kind == IndicatorKind.ERROR_RATE and value > 100:
        raise ValueProblem(str(ABOVE_HUNDRED) % {"value": cell})
    return value.quantize(_PLACES)
