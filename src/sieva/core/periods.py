"""Calendar arithmetic shared by every app: whole months and whole years.

One place for it because months have different lengths and every copy of this code once
chose differently what 31 January plus one month is.
"""

import calendar
import datetime as dt

__all__ = ["add_months", "add_years", "month_start"]


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole months, clipped to the month's end (31 Jan + 1 → 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def month_start(day: dt.date, months: int = 0) -> dt.date:
    """The first day of the month `months` after `day`'s month (`months` may be negative)."""
    return add_months(day.replace(day=1), months)


def add_years(day: dt.date, years: int) -> dt.date:
    """`day` shifted by whole years; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
