"""The table every report is made of: built once, shown on the page and exported as is."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.conf import settings

from sieva.core.exports import JP_FORMAT, MONEY_FORMAT, PERCENT_FORMAT

TEXT, COUNT, PCT, MONEY, JP, DATE = "text", "count", "pct", "money", "jp", "date"
_NUMBER_FORMATS = {MONEY: MONEY_FORMAT, JP: JP_FORMAT, PCT: PERCENT_FORMAT}


class Suppressed:
    """A cell hidden from roles without personal data because it covers too few people."""

    suppressed = True

    def __str__(self) -> str:
        return f"< {settings.SIEVA_MIN_CELL_SIZE}"


@dataclass(frozen=True)
class Cell:
    kind: str
    value: Any

    @property
    def suppressed(self) -> bool:
        return isinstance(self.value, Suppressed)


@dataclass(frozen=True)
class ReportTable:
    """One table of a report: `columns` are (label, kind); rows hold raw values (None = "—")."""

    name: str
    title: str
    columns: tuple[tuple[str, str], ...]
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    note: str = ""

    @property
    def headers(self) -> list[str]:
        return [label for label, _kind in self.columns]

    def cells(self, rows: list[tuple[Any, ...]] | None = None) -> list[list[Cell]]:
        kinds = [kind for _label, kind in self.columns]
        return [
            [Cell(k, v) for k, v in zip(kinds, row, strict=True)] for row in (rows or self.rows)
        ]

    @property
    def number_formats(self) -> dict[int, str]:
        """The Excel format of each money, JP and percentage column, for the XLSX export."""
        kinds = (kind for _label, kind in self.columns)
        return {i: _NUMBER_FORMATS[k] for i, k in enumerate(kinds) if k in _NUMBER_FORMATS}

    def export_rows(self) -> list[list[Any]]:
        return [[str(v) if isinstance(v, Suppressed) else v for v in row] for row in self.rows]


def percent(rate: float | None) -> float | None:
    """A rate as a percentage rounded to one decimal, as shown and exported; None stays None."""
    return None if rate is None else round(rate * 100, 1)


def rupiah(amount: Decimal | None, per: Decimal | int | None = 1) -> Decimal | None:
    """`amount / per` in whole rupiah (half up); None when either is missing or `per` is 0."""
    if amount is None or not per:
        return None
    return (Decimal(amount) / Decimal(per)).quantize(Decimal("1"), rounding=ROUND_HALF_UP)


def is_small(count: int) -> bool:
    """True for a non-empty count below the minimum cell size shown to roles without personal data."""
    return 0 < count < settings.SIEVA_MIN_CELL_SIZE
