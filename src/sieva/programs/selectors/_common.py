"""Rounding shared by the program selectors: rounded once here, shown and exported as is."""

from decimal import ROUND_HALF_UP, Decimal


def percent(part: float | Decimal | int, whole: float | Decimal | int) -> float | None:
    """`part / whole` as a percentage with one decimal; None when `whole` is 0."""
    if not whole:
        return None
    value = Decimal(part) * 100 / Decimal(whole)
    return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def rupiah(amount: Decimal, per: Decimal | int) -> Decimal | None:
    """`amount / per` in whole rupiah, half up; None when `per` is 0."""
    if not per:
        return None
    return (Decimal(amount) / Decimal(per)).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
