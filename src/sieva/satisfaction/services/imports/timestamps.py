"""Reading the time a response was given: ISO (2026-05-14 10:22[:05]) or D/M/Y as in Indonesia.

Times without a zone are WIB (the instance's TIME_ZONE); they are stored in UTC.
"""

import datetime as dt
from typing import Any

from django.utils import timezone


def local_offset() -> dt.timedelta:
    """The fixed UTC offset of the instance's zone (Indonesia has had no DST since 1964)."""
    offset = dt.datetime(2020, 1, 1, tzinfo=timezone.get_default_timezone()).utcoffset()
    return offset or dt.timedelta(0)


def parse_local(cell: Any) -> dt.datetime | None:
    """A naive local datetime from a cell, or None when it is not a date we can read."""
    if isinstance(cell, str):
        text = cell.strip()
        try:
            value = dt.datetime.fromisoformat(text)
        except ValueError:
            return _day_month_year(text)
        return value if value.tzinfo is None else timezone.make_naive(value)
    if isinstance(cell, dt.datetime):
        return timezone.make_naive(cell) if timezone.is_aware(cell) else cell
    if isinstance(cell, dt.date):
        return dt.datetime(cell.year, cell.month, cell.day)  # noqa: DTZ001 - local wall time
    return None


def _day_month_year(text: str) -> dt.datetime | None:
    date_part, _, time_part = text.partition(" ")
    for separator in "/-.":
        pieces = date_part.split(separator)
        if len(pieces) == 3:
            break
    else:
        return None
    try:
        day, month, year = (int(p) for p in pieces)
        clock = [int(p) for p in time_part.strip().split(":")] if time_part.strip() else []
        return dt.datetime(year, month, day, *clock[:3])  # noqa: DTZ001 - local wall time
    except (ValueError, TypeError):
        return None


def has_time(cell: Any) -> bool:
    """Whether the cell carries a time of day (only then can identical rows be duplicates)."""
    if isinstance(cell, dt.datetime):
        return True
    return isinstance(cell, str) and len(cell.strip()) > 10
