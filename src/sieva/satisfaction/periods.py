"""Survey periods: a month, a quarter or a year, written ``2026-05``, ``2026-T2`` or ``2026``.

Aggregates are kept per month; a longer period sums its months (counts and sums add up, so
the NRR of a quarter is exact, not a mean of monthly means).
"""

import datetime as dt
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from sieva.core.periods import add_months

_PATTERN = re.compile(r"^(\d{4})(?:-(?:(\d{1,2})|[TQ]([1-4])))?$", re.IGNORECASE)


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


@dataclass(frozen=True)
class Period:
    """Months ``first`` to ``last`` (both the first day of a month), and the text it came from."""

    first: dt.date
    last: dt.date
    key: str

    @property
    def months(self) -> list[dt.date]:
        out, month = [], self.first
        while month <= self.last:
            out.append(month)
            month = add_months(month, 1)
        return out

    @property
    def label(self) -> str:
        if self.first == self.last:
            return self.first.strftime("%m/%Y")
        if len(self.months) == 3:
            return _("Triwulan %(q)d %(year)d") % {
                "q": (self.first.month - 1) // 3 + 1,
                "year": self.first.year,
            }
        if len(self.months) == 12:
            return _("Tahun %(year)d") % {"year": self.first.year}
        return f"{self.first:%m/%Y}–{self.last:%m/%Y}"


def parse_period(text: str) -> Period:
    """The period written in `text`; ValueError (Indonesian message) for anything else."""
    match = _PATTERN.match(text.strip())
    if not match:
        raise ValueError(
            _("Periode %(text)s tidak dikenal; tulis 2026-05, 2026-T2 atau 2026.") % {"text": text}
        )
    year = int(match.group(1))
    if not 2000 <= year <= 2100:
        raise ValueError(_("Tahun %(year)d di luar jangkauan.") % {"year": year})
    if match.group(2):
        month = int(match.group(2))
        if not 1 <= month <= 12:
            raise ValueError(_("Bulan %(month)d tidak ada.") % {"month": month})
        first = dt.date(year, month, 1)
        return Period(first, first, f"{year}-{month:02d}")
    if match.group(3):
        quarter = int(match.group(3))
        first = dt.date(year, 3 * quarter - 2, 1)
        return Period(first, add_months(first, 2), f"{year}-T{quarter}")
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 1), str(year))


def month_period(month: dt.date) -> Period:
    month = month_start(month)
    return Period(month, month, f"{month:%Y-%m}")
