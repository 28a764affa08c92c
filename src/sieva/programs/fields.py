"""Form fields for Indonesian number writing: "Rp 15.000.000" means fifteen million rupiah."""

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

RUPIAH_FORMAT = _(
    "Tulis nilai rupiah dengan angka, boleh memakai titik ribuan dan awalan Rp, "
    "misalnya 15000000 atau Rp 15.000.000."
)
RUPIAH_WHOLE = _("Nilai rupiah harus bilangan bulat (tanpa sen), misalnya Rp 15.000.000.")
RUPIAH_NEGATIVE = _("Nilai rupiah tidak boleh negatif.")
RUPIAH_TOO_LARGE = _("Nilai rupiah terlalu besar.")

# Digits grouped by dots in threes ("15.000.000") or not grouped at all ("15000000"), then an
# optional decimal comma. A lone dot elsewhere ("15000.5") is ambiguous, so it is refused.
_NUMBER = re.compile(r"^(?P<whole>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<fraction>\d+))?$")
_PREFIX = re.compile(r"^rp\.?", re.IGNORECASE)


def parse_rupiah(text: str) -> Decimal:
    """The amount written in `text` ("Rp 15.000.000", "15.000.000,00", "15000000").

    Raises ValidationError with the format to use; a fraction other than zero is refused
    because budgets are kept in whole rupiah.
    """
    cleaned = _PREFIX.sub("", text.strip()).replace("\u00a0", " ").replace(" ", "")
    negative = cleaned.startswith("-")
    match = _NUMBER.match(cleaned.lstrip("-"))
    if match is None:
        raise ValidationError(RUPIAH_FORMAT, code="format")
    if negative:
        raise ValidationError(RUPIAH_NEGATIVE, code="min_value")
    fraction = match["fraction"] or ""
    if fraction.strip("0"):
        raise ValidationError(RUPIAH_WHOLE, code="whole")
    try:
        return Decimal(match["whole"].replace(".", ""))
    except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
        raise ValidationError(RUPIAH_FORMAT, code="format") from None


def format_rupiah(value: Decimal | int) -> str:
    """`value` with Indonesian thousands dots: 15000000 → "15.000.000"."""
    return f"{int(value):,}".replace(",", ".")


class RupiahField(forms.CharField):
    """A whole-rupiah amount typed the Indonesian way; cleans to a Decimal."""

    def __init__(self, *, max_value: Decimal | None = None, **kwargs: Any) -> None:
        self.max_value = max_value
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric"}))
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            return format_rupiah(value)
        return value

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        amount = parse_rupiah(text)
        if self.max_value is not None and amount > self.max_value:
            raise ValidationError(RUPIAH_TOO_LARGE, code="max_value")
        return amount
