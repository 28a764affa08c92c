"""Small helpers shared by the program services."""

from decimal import Decimal
from typing import Any

from django.db.models import Model


def snapshot(obj: Model, names: tuple[str, ...]) -> dict[str, Any]:
    """The current values of `names` on `obj` (foreign keys by id), for the audit trail."""
    return {name: getattr(obj, name) for name in names}


def has_more_decimals(value: Decimal, places: int) -> bool:
    """True when `value` carries more decimal places than `places` (ignoring trailing zeros)."""
    exponent = value.normalize().as_tuple().exponent
    return isinstance(exponent, int) and -exponent > places
