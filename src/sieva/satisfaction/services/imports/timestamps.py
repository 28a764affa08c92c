"""Reading the time a response was given: ISO (2026-05-14 10:22[:05]) or D/M/Y as in Indonesia.

Times without a zone are WIB (the instance's TIME_ZONE); they are stored in UTC.
"""

import datetime as dt
from collections.abc import Sequence
from typing import Any

import numpy as np
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


# "YYYY-MM-DD", "YYYY-MM-DD HH:MM" and "YYYY-MM-DD HH:MM:SS" (or T between): the layouts the
# vectorised reader accepts; anything else goes through `parse_local` cell by cell.
_ISO_LENGTHS = (10, 16, 19)
_ISO_SEPARATORS = {4: "-", 7: "-", 13: ":", 16: ":"}
_ISO_DIGITS = (0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18)


def iso_column(cells: Sequence[Any]) -> np.ndarray | None:
    """Naive local times (datetime64[s]) of a column of ISO texts without zone, or None.

    None when any cell is not such a text (another type, D/M/Y, a zone, fractions of a second,
    an impossible date): the caller then reads the column cell by cell, which also words the
    errors. What is accepted here `datetime.fromisoformat` reads the same way.
    """
    if not cells or set(map(type, cells)) != {str}:
        return None
    text = np.array(cells)
    width = text.dtype.itemsize // 4
    if width not in _ISO_LENGTHS:
        return None
    codes = text.view(np.uint32).reshape(len(cells), width)
    lengths = np.char.str_len(text)
    ok = np.isin(lengths, _ISO_LENGTHS)
    for position in range(width):
        present = lengths > position
        char = codes[:, position]
        if position in _ISO_DIGITS:
            good = (char >= ord("0")) & (char <= ord("9"))
        elif position == 10:
            good = (char == ord(" ")) | (char == ord("T"))
        else:
            good = char == ord(_ISO_SEPARATORS[position])
        ok &= good | ~present
    if not ok.all():
        return None
    try:
        return text.astype("datetime64[s]")  # also refuses 2024-02-30, 24:00, :60
    except ValueError:
        return None
