"""Evaluation periods written "2026" (year), "2026-S1" (semester) or "2026-Q3" (quarter).

A schedule evaluates the period that has just ended: due on 1 October, a quarterly schedule
reports on 2026-Q3 (cohorts starting July–September, as the participation report counts).
"""

import datetime as dt
import re

from django.utils.translation import gettext as _

from sieva.core.periods import add_months
from sieva.dashboard.models import FREQUENCY_MONTHS, Frequency

_PATTERN = re.compile(r"^(\d{4})(?:-([SQ])([1-4]))?$")


def period_bounds(label: str) -> tuple[dt.date, dt.date]:
    """First and last day of the period `label`; ValueError for anything else."""
    match = _PATTERN.match(label.strip().upper())
    if not match or (match.group(2) == "S" and match.group(3) not in ("1", "2")):
        raise ValueError(
            _("Periode %(text)s tidak dikenal; tulis 2026, 2026-S1 atau 2026-Q3.") % {"text": label}
        )
    year = int(match.group(1))
    if match.group(2) is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    months = 6 if match.group(2) == "S" else 3
    first = dt.date(year, (int(match.group(3)) - 1) * months + 1, 1)
    return first, add_months(first, months) - dt.timedelta(days=1)


def period_containing(day: dt.date, frequency: str) -> str:
    """The label of the `frequency` period that contains `day`."""
    if frequency == Frequency.YEARLY:
        return str(day.year)
    if frequency == Frequency.SEMESTERLY:
        return f"{day.year}-S{(day.month - 1) // 6 + 1}"
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def period_due_on(due: dt.date, frequency: str) -> str:
    """The period a schedule due on `due` reports on: the one ending the day before."""
    return period_containing(due - dt.timedelta(days=1), frequency)


def next_due_after(day: dt.date, frequency: str) -> dt.date:
    """The first day after the `frequency` period containing `day` (its report date)."""
    _start, end = period_bounds(period_containing(day, frequency))
    return end + dt.timedelta(days=1)


def advance(due: dt.date, frequency: str) -> dt.date:
    return add_months(due, FREQUENCY_MONTHS[Frequency(frequency)])
