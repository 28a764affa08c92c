"""Reporting periods: the first day of a month or quarter, written ``YYYY-MM`` or ``YYYY-Qn``."""

import datetime as dt
import re

from django.utils.translation import gettext_lazy as _

from sieva.indicators.models import Frequency

BAD_PERIOD = _("Periode %(value)s tidak valid; tulis sebagai YYYY-MM (misalnya 2026-03).")
NOT_QUARTER_START = _(
    "Indikator triwulanan: periode %(value)s harus bulan awal triwulan (01, 04, 07, 10) "
    "atau ditulis YYYY-Qn."
)
NOT_PERIOD_START = _("Periode harus tanggal 1 bulan (atau triwulan) itu.")

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-?[Qq]([1-4])$")


class PeriodError(ValueError):
    """A period that cannot be read; the message is in Indonesian."""


def parse_period(text: str, frequency: str) -> dt.date:
    """The first day of the period written as ``YYYY-MM`` (or ``YYYY-Qn`` when quarterly)."""
    value = text.strip()
    quarter = _QUARTER.match(value)
    if quarter and frequency == Frequency.QUARTERLY:
        return dt.date(int(quarter[1]), 3 * int(quarter[2]) - 2, 1)
    month = _MONTH.match(value)
    if not month or not 1 <= int(month[2]) <= 12 or not 1990 <= int(month[1]) <= 2100:
        raise PeriodError(str(BAD_PERIOD) % {"value": value})
    day = dt.date(int(month[1]), int(month[2]), 1)
    check_period(day, frequency, label=value)
    return day


def check_period(day: dt.date, frequency: str, *, label: str = "") -> None:
    """Raise PeriodError unless `day` starts a period of `frequency`."""
    if day.day != 1:
        raise PeriodError(str(NOT_PERIOD_START))
    if frequency == Frequency.QUARTERLY and day.month % 3 != 1:
        raise PeriodError(str(NOT_QUARTER_START) % {"value": label or f"{day:%Y-%m}"})


def period_label(day: dt.date, frequency: str) -> str:
    if frequency == Frequency.QUARTERLY:
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return f"{day:%Y-%m}"


def period_range(first: dt.date, last: dt.date, frequency: str) -> list[dt.date]:
    """Every period start from `first` to `last` inclusive (both already period starts)."""
    step = 3 if frequency == Frequency.QUARTERLY else 1
    out, day = [], first
    while day <= last:
        out.append(day)
        months = day.month - 1 + step
        day = dt.date(day.year + months // 12, months % 12 + 1, 1)
    return out


def period_start(day: dt.date, frequency: str) -> dt.date:
    """The start of the period that contains `day`."""
    month = day.month - (day.month - 1) % 3 if frequency == Frequency.QUARTERLY else day.month
    return dt.date(day.year, month, 1)


def year_periods(year: int, frequency: str) -> list[dt.date]:
    return period_range(dt.date(year, 1, 1), dt.date(year, 12, 1), frequency)
